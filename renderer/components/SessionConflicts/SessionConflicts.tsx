import { ActionIcon, Autocomplete, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { SessionDetail } from '../../../shared/domain/committee';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { conflictSubject } from '../Committee/session-view';
import { FormErrors } from '../FormErrors/FormErrors';
import { conflictErrors, toConflictRequest } from './conflict-form-state';
import type { ConflictFormValues, ConflictKind } from './conflict-form-state';

const KIND_DATA: { value: ConflictKind; label: string }[] = [
  { value: 'dossier', label: 'Dossier' },
  { value: 'siret', label: 'SIRET' },
  { value: 'network', label: 'Réseau national' },
];

const EMPTY: ConflictFormValues = { memberId: null, kind: 'dossier', dossierId: null, siret: '', networkName: '', note: '' };

function ConflictForm({ session, onDeclared }: { session: SessionDetail; onDeclared: (session: SessionDetail) => void }) {
  const [values, setValues] = useState<ConflictFormValues>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const update = (patch: Partial<ConflictFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const errors = conflictErrors(values);
  const networks = useMemo(() => [...new Set(session.agenda.map((item) => item.networkName).filter((name): name is string => !!name))].sort(), [session.agenda]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    setSubmitted(true);
    setServerError(null);
    if (errors.length > 0) return;
    setSaving(true);
    api['conflicts:declare'](toConflictRequest(session.id, values))
      .then((next) => {
        setValues(EMPTY);
        setSubmitted(false);
        onDeclared(next);
      })
      .catch((error: unknown) => setServerError(toApiError(error).message))
      .finally(() => setSaving(false));
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Déclarer un conflit d’intérêts">
      <Stack gap="xs">
        <Select
          label="Membre"
          size="xs"
          data={session.members.map((member) => ({ value: String(member.memberId), label: member.name }))}
          value={values.memberId === null ? null : String(values.memberId)}
          onChange={(id) => update({ memberId: id === null ? null : Number(id) })}
          error={submitted && values.memberId === null}
          required
        />
        <div>
          <Text size="xs" fw={500} mb={2}>
            Lien avec
          </Text>
          <SegmentedControl size="xs" fullWidth data={KIND_DATA} value={values.kind} onChange={(kind) => update({ kind })} aria-label="Nature du conflit" />
        </div>
        {values.kind === 'dossier' && (
          <Select
            label="Dossier de l’ordre du jour"
            size="xs"
            searchable
            data={session.agenda.map((item) => ({ value: String(item.dossierId), label: `ID ${item.externalId} – ${item.name ?? 'Structure sans nom'} (${item.departmentCode})` }))}
            value={values.dossierId === null ? null : String(values.dossierId)}
            onChange={(id) => update({ dossierId: id === null ? null : Number(id) })}
            nothingFoundMessage="Aucun dossier à l’ordre du jour"
            error={submitted && values.dossierId === null}
            required
          />
        )}
        {values.kind === 'siret' && (
          <TextInput
            label="SIRET de la structure"
            description="Le membre est récusé sur tous les dossiers de cette structure."
            size="xs"
            value={values.siret}
            onChange={(event) => update({ siret: event.currentTarget.value })}
            maxLength={20}
            required
          />
        )}
        {values.kind === 'network' && (
          <Autocomplete
            label="Réseau national"
            description="Le membre est récusé sur tous les dossiers de ce réseau."
            size="xs"
            data={networks}
            value={values.networkName}
            onChange={(networkName) => update({ networkName })}
            required
          />
        )}
        <TextInput
          label="Nature du lien"
          size="xs"
          placeholder="Administrateur de la structure, salarié du réseau…"
          value={values.note}
          onChange={(event) => update({ note: event.currentTarget.value })}
          maxLength={500}
        />
        <FormErrors errors={submitted ? errors : []} serverError={serverError} serverTitle="Conflit non enregistré" />
        <Group>
          <Button type="submit" size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} loading={saving}>
            Déclarer le conflit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface SessionConflictsProps {
  session: SessionDetail;
  editable: boolean;
  onChange: (session: SessionDetail) => void;
}

/** Conflicts of interest: the member is recused on the items concerned and leaves their vote base. */
export function SessionConflicts({ session, editable, onChange }: SessionConflictsProps) {
  const notify = useNotificationStore((state) => state.notify);
  const [declaring, setDeclaring] = useState(false);

  function remove(conflictId: number): void {
    api['conflicts:remove']({ sessionId: session.id, conflictId })
      .then(onChange)
      .catch((error: unknown) => notify({ color: 'red', title: 'Conflit non retiré', message: toApiError(error).message }));
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Conflits d’intérêts">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4">
            Conflits d’intérêts
          </Title>
          {editable && (
            <Button size="compact-xs" variant={declaring ? 'light' : 'default'} onClick={() => setDeclaring((value) => !value)}>
              {declaring ? 'Fermer' : 'Déclarer un conflit'}
            </Button>
          )}
        </Group>
        {session.conflicts.length === 0 ? (
          <Text size="sm" c="dimmed">
            Aucun conflit déclaré.
          </Text>
        ) : (
          <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" layout="fixed" data-testid="conflicts-table">
            <Table.Tbody>
              {session.conflicts.map((conflict) => (
                <Table.Tr key={conflict.id}>
                  <Table.Td>
                    <Text size="sm">
                      <strong>{conflict.memberName}</strong> – {conflictSubject(conflict, session.agenda)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {conflict.note ? `${conflict.note} · ` : ''}déclaré par {conflict.declaredBy}, le {formatDateTime(conflict.declaredAt)}
                    </Text>
                  </Table.Td>
                  {editable && (
                    <Table.Td w={40}>
                      <Tooltip label="Retirer ce conflit" openDelay={400}>
                        <ActionIcon variant="subtle" color="red" size="sm" onClick={() => remove(conflict.id)} aria-label={`Retirer le conflit de ${conflict.memberName}`}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && declaring && (
          <ConflictForm
            session={session}
            onDeclared={(next) => {
              setDeclaring(false);
              onChange(next);
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
