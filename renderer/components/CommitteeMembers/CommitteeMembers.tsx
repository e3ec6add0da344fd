import { ActionIcon, Button, Group, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconUserPlus, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Member } from '../../../shared/domain/committee';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { toApiError } from '../../lib/errors';
import { useNotificationStore } from '../../stores/notification-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { FormErrors } from '../FormErrors/FormErrors';
import { memberFormErrors, sortMembers, toMemberInput } from './member-form-state';
import type { MemberFormValues } from './member-form-state';

const EMPTY_REQUEST = {};
const ANY_TABLE: readonly string[] = [];

interface MemberFormProps {
  member: Member | null;
  members: Member[];
  onDone: () => void;
}

/** Adds a member (member null) or renames one, in one table row. */
function MemberForm({ member, members, onDone }: MemberFormProps) {
  const notify = useNotificationStore((state) => state.notify);
  const [values, setValues] = useState<MemberFormValues>({ name: member?.name ?? '', organisation: member?.organisation ?? '' });
  const others = members.filter((entry) => entry.id !== member?.id);
  const errors = useMemo(() => memberFormErrors(values, others), [values, others]);
  const update = (patch: Partial<MemberFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const { submitted, saving, serverError, submit } = useFormSubmit(errors, () => api['members:save'](toMemberInput(values, member)), (saved) => {
    notify({ color: 'green', title: member ? 'Membre modifié' : 'Membre ajouté', message: saved.name });
    setValues({ name: '', organisation: '' });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={member ? `Modifier ${member.name}` : 'Ajouter un membre'}>
      <Stack gap={6}>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label="Nom"
            placeholder="Prénom Nom"
            value={values.name}
            onChange={(event) => update({ name: event.currentTarget.value })}
            error={submitted && values.name.trim() === ''}
            required
            maxLength={120}
            style={{ flex: 1 }}
            size="xs"
            data-autofocus
          />
          <TextInput
            label="Organisation représentée"
            placeholder="ANCT, Banque des Territoires, ministère…"
            value={values.organisation}
            onChange={(event) => update({ organisation: event.currentTarget.value })}
            maxLength={160}
            style={{ flex: 1 }}
            size="xs"
          />
          <Button type="submit" size="xs" loading={saving} leftSection={member ? <IconCheck size={14} aria-hidden /> : <IconUserPlus size={14} aria-hidden />}>
            {member ? 'Enregistrer' : 'Ajouter le membre'}
          </Button>
          {member && (
            <Button size="xs" variant="default" onClick={onDone} disabled={saving} leftSection={<IconX size={14} aria-hidden />}>
              Annuler
            </Button>
          )}
        </Group>
        <FormErrors errors={submitted ? errors : []} serverError={serverError} serverTitle="Membre non enregistré" />
      </Stack>
    </form>
  );
}

/** The committee's members: those chosen when a session is created. Inactive ones stay on past sessions. */
export function CommitteeMembers() {
  const query = useApiQuery('members:list', EMPTY_REQUEST, ANY_TABLE);
  const notify = useNotificationStore((state) => state.notify);
  const [editing, setEditing] = useState<number | null>(null);
  const members = sortMembers(query.data ?? []);

  function setActive(member: Member, active: boolean): void {
    api['members:save']({ id: member.id, name: member.name, organisation: member.organisation, active })
      .then(() => query.refetch())
      .catch((error: unknown) => notify({ color: 'red', title: 'Membre non modifié', message: toApiError(error).message }));
  }

  return (
    <Stack gap="sm">
      <ErrorAlert error={query.error} title="Les membres n’ont pas pu être chargés" />
      {members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {query.loading ? 'Chargement…' : 'Aucun membre enregistré.'}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" layout="fixed" striped withTableBorder data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Organisation</Table.Th>
              <Table.Th w={170}>Statut</Table.Th>
              <Table.Th w={60} aria-label="Modifier" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) =>
              editing === member.id ? (
                <Table.Tr key={member.id}>
                  <Table.Td colSpan={4}>
                    <MemberForm member={member} members={members} onDone={() => { setEditing(null); query.refetch(); }} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={member.id} data-member-id={member.id} c={member.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{member.name}</Table.Td>
                  <Table.Td>{member.organisation || '—'}</Table.Td>
                  <Table.Td>
                    <Switch
                      size="sm"
                      checked={member.active}
                      onChange={(event) => setActive(member, event.currentTarget.checked)}
                      label={member.active ? 'Actif' : 'Inactif'}
                      aria-label={`${member.name} : membre actif`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label="Renommer, changer d’organisation" openDelay={400}>
                      <ActionIcon variant="subtle" onClick={() => setEditing(member.id)} aria-label={`Modifier ${member.name}`}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
      <MemberForm member={null} members={members} onDone={() => query.refetch()} />
    </Stack>
  );
}
