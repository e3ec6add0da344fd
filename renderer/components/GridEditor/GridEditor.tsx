import { Accordion, ActionIcon, Badge, Button, Group, List, NumberInput, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScoringGrid } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { moveItem } from '../Ranking/ranking-order';
import { EMPTY_CRITERION, draftChanged, draftFromGrid, gridDraftErrors, toGridInput, weightShares } from './grid-editor-state';
import type { CriterionDraft, GridDraft } from './grid-editor-state';
import classes from './GridEditor.module.css';
import { FormErrors } from '../FormErrors/FormErrors';
import { useFormSubmit } from '../../hooks/use-form-submit';

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

function toNumberOrEmpty(value: number | string): number | '' {
  if (typeof value === 'number') return value;
  if (value.trim() === '' || value === '-') return '';
  const parsed = Number(value.replace(',', '.'));
  return Number.isNaN(parsed) ? '' : parsed;
}

interface GridEditorProps {
  current: ScoringGrid;
  /** Prefecture agents see the grid; only the committee and ANCT change it (the backend enforces it too). */
  editable: boolean;
}

/** Edits produce a new version of the grid: scores already given keep the version they were made with. */
/** The grid in force, for those who may not change it. */
function GridView({ grid }: { grid: ScoringGrid }) {
  const shares = weightShares(draftFromGrid(grid));
  return (
    <Stack gap="xs">
      <Text size="sm">
        <strong>{grid.name}</strong> · version {grid.version} · notes de {grid.scaleMin} à {grid.scaleMax}
      </Text>
      <Table withTableBorder fz="sm" verticalSpacing={6} data-testid="grid-criteria">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">Critère</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th ta="right" w={120}>
              Poids
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.criteria.map((criterion, index) => (
            <Table.Tr key={criterion.key}>
              <Table.Td fw={600}>{criterion.label}</Table.Td>
              <Table.Td c="gray.7">{criterion.description}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(criterion.weight)}{' '}
                <Text span size="xs" c="dimmed">
                  ({shares[index] === null || shares[index] === undefined ? '—' : percent.format(shares[index])})
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function GridEditor({ current, editable }: GridEditorProps) {
  return editable ? <GridForm current={current} /> : <GridView grid={current} />;
}

function GridForm({ current }: { current: ScoringGrid }) {
  const [draft, setDraft] = useState<GridDraft>(() => draftFromGrid(current));
  const notify = useNotificationStore((state) => state.notify);
  const errors = gridDraftErrors(draft);
  const { submitted, saving, serverError, submit: save } = useFormSubmit(errors, () => api['grids:save'](toGridInput(draft)), (grid) =>
    notify({ color: 'green', title: `Grille enregistrée (version ${grid.version})`, message: 'Les nouvelles notations utiliseront cette version.' }),
  );
  const changed = draftChanged(draft, current);
  const shares = weightShares(draft);

  const updateCriterion = (index: number, patch: Partial<CriterionDraft>) =>
    setDraft((state) => ({ ...state, criteria: state.criteria.map((criterion, position) => (position === index ? { ...criterion, ...patch } : criterion)) }));


  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Nom de la grille"
          value={draft.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setDraft((state) => ({ ...state, name }));
          }}
          className={classes.grow}
        />
        <NumberInput
          label="Note minimale"
          value={draft.scaleMin}
          onChange={(value) => setDraft((state) => ({ ...state, scaleMin: toNumberOrEmpty(value) }))}
          allowDecimal={false}
          w={130}
        />
        <NumberInput
          label="Note maximale"
          value={draft.scaleMax}
          onChange={(value) => setDraft((state) => ({ ...state, scaleMax: toNumberOrEmpty(value) }))}
          allowDecimal={false}
          w={130}
        />
      </Group>
      <Table withTableBorder fz="sm" verticalSpacing={6} layout="fixed" data-testid="grid-criteria">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%">Critère</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th w={150}>Poids</Table.Th>
            <Table.Th w={110} aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.criteria.map((criterion, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                <Textarea
                  aria-label={`Libellé du critère ${index + 1}`}
                  value={criterion.label}
                  onChange={(event) => updateCriterion(index, { label: event.currentTarget.value })}
                  size="xs"
                  autosize
                  minRows={1}
                  maxRows={3}
                  fw={600}
                />
              </Table.Td>
              <Table.Td>
                <Textarea
                  aria-label={`Description du critère ${index + 1}`}
                  value={criterion.description}
                  onChange={(event) => updateCriterion(index, { description: event.currentTarget.value })}
                  size="xs"
                  autosize
                  minRows={1}
                  maxRows={4}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <NumberInput
                    aria-label={`Poids du critère ${criterion.label || index + 1}`}
                    value={criterion.weight}
                    onChange={(value) => updateCriterion(index, { weight: toNumberOrEmpty(value) })}
                    decimalSeparator=","
                    decimalScale={2}
                    size="xs"
                    w={80}
                    error={submitted && !(typeof criterion.weight === 'number' && criterion.weight > 0)}
                  />
                  <Text size="xs" c="dimmed">
                    {shares[index] === null || shares[index] === undefined ? '' : percent.format(shares[index])}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" size="sm" disabled={index === 0} aria-label={`Monter le critère ${index + 1}`} onClick={() => setDraft((state) => ({ ...state, criteria: moveItem(state.criteria, index, index - 1) }))}>
                    <IconArrowUp size={14} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    disabled={index === draft.criteria.length - 1}
                    aria-label={`Descendre le critère ${index + 1}`}
                    onClick={() => setDraft((state) => ({ ...state, criteria: moveItem(state.criteria, index, index + 1) }))}
                  >
                    <IconArrowDown size={14} aria-hidden />
                  </ActionIcon>
                  <Tooltip label="Retirer ce critère de la nouvelle version">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={`Retirer le critère ${index + 1}`}
                      onClick={() => setDraft((state) => ({ ...state, criteria: state.criteria.filter((_, position) => position !== index) }))}
                    >
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <FormErrors errors={submitted ? errors : []} title="La grille n’est pas enregistrée" serverError={serverError} />
      <Group justify="space-between">
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDraft((state) => ({ ...state, criteria: [...state.criteria, { ...EMPTY_CRITERION }] }))}>
          Ajouter un critère
        </Button>
        <Group gap="sm">
          <Button variant="default" disabled={!changed || saving} onClick={() => setDraft(draftFromGrid(current))}>
            Annuler les modifications
          </Button>
          <Button onClick={() => save()} loading={saving} disabled={!changed}>
            Enregistrer une nouvelle version
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** Every saved version, newest first, with its criteria. */
export function GridVersions({ grids }: { grids: ScoringGrid[] }) {
  return (
    <Accordion variant="contained" chevronPosition="left">
      {grids.map((grid) => (
        <Accordion.Item key={grid.id} value={String(grid.id)}>
          <Accordion.Control>
            <Group gap="sm" wrap="nowrap">
              <Text fw={600} size="sm">
                Version {grid.version}
              </Text>
              {grid.current && (
                <Badge size="sm" variant="light" tt="none">
                  Actuelle
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {grid.name} · {pluralize(grid.criteria.length, 'critère', 'critères')} · échelle {grid.scaleMin} à {grid.scaleMax} · {formatDateTime(grid.createdAt)} · {grid.createdBy}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={2}>
              {grid.criteria.map((criterion) => (
                <List.Item key={criterion.key}>
                  <strong>{criterion.label}</strong> (poids {formatNumber(criterion.weight)}) : {criterion.description}
                </List.Item>
              ))}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
