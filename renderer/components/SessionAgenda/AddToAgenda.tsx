import { Alert, Button, Checkbox, Divider, Group, MultiSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFilterPlus, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { DossierFilter } from '../../../shared/api/contract';
import type { SessionDetail } from '../../../shared/domain/committee';
import { OPINION_KINDS, OPINION_LABELS } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { departmentOptions } from '../DossierFilters/filter-options';
import { DossierPicker } from '../DossierPicker/DossierPicker';
import { addedMessage } from './agenda-view';

const OPINION_OPTIONS = [...OPINION_KINDS.map((kind) => ({ value: kind, label: OPINION_LABELS[kind] })), { value: 'NONE', label: 'Pas encore d’avis' }];
const DEPARTMENT_OPTIONS = departmentOptions(undefined);

interface AddToAgendaProps {
  session: SessionDetail;
  onAdded: (session: SessionDetail, message: string, added: number) => void;
}

/** Two ways to fill the agenda: every dossier matching criteria, or dossiers picked one by one. */
export function AddToAgenda({ session, onAdded }: AddToAgendaProps) {
  const [ready, setReady] = useState(true);
  const [departments, setDepartments] = useState<string[]>([]);
  const [opinions, setOpinions] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  const [busy, setBusy] = useState<'filter' | 'pick' | null>(null);
  const [error, setError] = useState<string | null>(null);

  function addByFilter(): void {
    const filter: DossierFilter = {};
    if (departments.length > 0) filter.departments = departments;
    if (opinions.length > 0) filter.opinions = opinions as DossierFilter['opinions'];
    if (search.trim() !== '') filter.search = search.trim();
    setBusy('filter');
    setError(null);
    api['agenda:addByFilter']({ sessionId: session.id, filter, readyForDecision: ready })
      .then((result) => onAdded(result.session, addedMessage(result.added, result.skipped), result.added))
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setBusy(null));
  }

  function addPicked(): void {
    if (picked === null) return;
    setBusy('pick');
    setError(null);
    api['agenda:add']({ sessionId: session.id, dossierIds: [picked] })
      .then((result) => {
        setPicked(null);
        onAdded(result.session, addedMessage(result.added, result.skipped), result.added);
      })
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setBusy(null));
  }

  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="add-to-agenda">
      <Group align="stretch" gap="md" wrap="nowrap">
        <Stack gap="xs" style={{ flex: 3 }}>
          <Title order={4} size="h5">
            Ajouter par critères
          </Title>
          <Checkbox
            label="Avis rendu et pas encore de décision"
            description="Les dossiers prêts à être décidés."
            checked={ready}
            onChange={(event) => setReady(event.currentTarget.checked)}
          />
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <MultiSelect
              style={{ flex: 2 }}
              label="Départements"
              placeholder={departments.length === 0 ? 'Tous' : undefined}
              data={DEPARTMENT_OPTIONS}
              value={departments}
              onChange={setDepartments}
              searchable
              clearable
              nothingFoundMessage="Aucun département"
              size="xs"
            />
            <MultiSelect
              style={{ flex: 1.4 }}
              label="Avis de la préfecture"
              placeholder={opinions.length === 0 ? 'Tous' : undefined}
              data={OPINION_OPTIONS}
              value={opinions}
              onChange={setOpinions}
              clearable
              size="xs"
            />
            <TextInput style={{ flex: 1 }} label="Recherche" placeholder="Nom, commune, ID…" value={search} onChange={(event) => setSearch(event.currentTarget.value)} size="xs" />
          </Group>
          <Group>
            <Button size="xs" leftSection={<IconFilterPlus size={16} aria-hidden />} onClick={addByFilter} loading={busy === 'filter'} disabled={busy !== null}>
              Ajouter les dossiers correspondants
            </Button>
          </Group>
        </Stack>
        <Divider orientation="vertical" />
        <Stack gap="xs" style={{ flex: 2 }}>
          <Title order={4} size="h5">
            Ajouter un dossier
          </Title>
          <DossierPicker label="Dossier" description="Par son ID, son nom ou sa commune." value={picked} onChange={setPicked} excludeId={0} />
          <Group>
            <Button size="xs" variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={addPicked} loading={busy === 'pick'} disabled={picked === null || busy !== null}>
              Ajouter à l’ordre du jour
            </Button>
          </Group>
        </Stack>
      </Group>
      {error && (
        <Alert color="red" variant="light" mt="sm" role="alert" title="Ajout refusé">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
    </Paper>
  );
}
