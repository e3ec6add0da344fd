import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { PRESENCES, PRESENCE_LABELS } from '../../../shared/domain/committee';
import type { Presence, SessionDetail } from '../../../shared/domain/committee';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { useNotificationStore } from '../../stores/notification-store';
import { quorumRuleLabel, quorumText } from '../Committee/session-view';

const PRESENCE_DATA = PRESENCES.map((presence) => ({ value: presence, label: PRESENCE_LABELS[presence] }));
const PRESENCE_COLORS: Record<Presence, string> = { PRESENT: 'green', EXCUSED: 'orange', ABSENT: 'gray' };

/** The quorum statement, green when reached, red otherwise. */
export function QuorumStatement({ session }: { session: SessionDetail }) {
  const reached = session.quorum.reached;
  return (
    <Alert
      color={reached ? 'green' : 'red'}
      variant="light"
      p="xs"
      icon={reached ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
      role="status"
      data-testid="quorum-statement"
      data-reached={reached}
    >
      <Text size="sm" fw={700}>
        {quorumText(session.quorum, session.members.length)}
      </Text>
      <Text size="xs" c="dimmed">
        Règle : {quorumRuleLabel(session.quorumRule)}.{reached ? '' : ' Les décisions sont refusées tant que le quorum n’est pas atteint.'}
      </Text>
    </Alert>
  );
}

interface SessionPresenceProps {
  session: SessionDetail;
  editable: boolean;
  onChange: (session: SessionDetail) => void;
}

/** Presence of each member, with the quorum it makes. */
export function SessionPresence({ session, editable, onChange }: SessionPresenceProps) {
  const notify = useNotificationStore((state) => state.notify);
  const [busy, setBusy] = useState<number | 'all' | null>(null);

  async function setPresence(memberId: number, presence: Presence): Promise<SessionDetail> {
    return api['sessions:setPresence']({ sessionId: session.id, memberId, presence });
  }

  function change(memberId: number, presence: Presence): void {
    setBusy(memberId);
    setPresence(memberId, presence)
      .then(onChange)
      .catch((error: unknown) => notify({ color: 'red', title: 'Présence non enregistrée', message: toApiError(error).message }))
      .finally(() => setBusy(null));
  }

  async function allPresent(): Promise<void> {
    setBusy('all');
    try {
      let latest: SessionDetail | null = null;
      for (const member of session.members) {
        if (member.presence !== 'PRESENT') latest = await setPresence(member.memberId, 'PRESENT');
      }
      if (latest) onChange(latest);
    } catch (error) {
      notify({ color: 'red', title: 'Présences non enregistrées', message: toApiError(error).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Présences">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4">
            Présences
          </Title>
          {editable && (
            <Button size="compact-xs" variant="default" onClick={() => void allPresent()} loading={busy === 'all'} disabled={session.members.every((member) => member.presence === 'PRESENT')}>
              Tous présents
            </Button>
          )}
        </Group>
        <QuorumStatement session={session} />
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" layout="fixed">
          <Table.Tbody>
            {session.members.map((member) => (
              <Table.Tr key={member.memberId} data-member-id={member.memberId}>
                <Table.Td>
                  <Text size="sm" fw={600} truncate title={member.name}>
                    {member.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[member.organisation, member.memberId === session.chairId ? 'présidence' : ''].filter(Boolean).join(' · ') || '\u00a0'}
                  </Text>
                </Table.Td>
                <Table.Td w={196} ta="right">
                  {editable ? (
                    <SegmentedControl
                      size="xs"
                      data={PRESENCE_DATA}
                      value={member.presence}
                      onChange={(value) => change(member.memberId, value)}
                      disabled={busy !== null}
                      color={PRESENCE_COLORS[member.presence]}
                      aria-label={`Présence de ${member.name}`}
                    />
                  ) : (
                    <Badge color={PRESENCE_COLORS[member.presence]} variant="light" tt="none">
                      {PRESENCE_LABELS[member.presence]}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
