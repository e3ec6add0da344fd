import { Alert, Anchor, Button, Code, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendar, IconLock, IconMapPin, IconPencil, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import type { Member, SessionDetail } from '../../../shared/domain/committee';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { routeHref } from '../../router/routes';
import { useNotificationStore } from '../../stores/notification-store';
import { SessionForm } from './SessionForm';
import { SessionStatusBadge } from './SessionStatusBadge';
import { capabilities, statusTransitions } from './session-view';
import type { StatusTransition } from './session-view';

interface SessionHeaderProps {
  session: SessionDetail;
  members: Member[];
  onChange: (session: SessionDetail) => void;
}

function isLink(place: string): boolean {
  return /^https:\/\//i.test(place.trim());
}

/** Number, date, place, chair and status, with the status changes the session allows. */
export function SessionHeader({ session, members, onChange }: SessionHeaderProps) {
  const notify = useNotificationStore((state) => state.notify);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<StatusTransition | null>(null);
  const [busy, setBusy] = useState(false);
  const can = capabilities(session.status);

  function apply(transition: StatusTransition): void {
    setBusy(true);
    api['sessions:setStatus']({ sessionId: session.id, status: transition.to })
      .then((next) => {
        setConfirming(null);
        onChange(next);
        notify({ color: 'green', title: transition.label, message: `COSELEC ${next.number} : séance ${next.status === 'CLOSED' ? 'close' : 'en cours'}.` });
      })
      .catch((error: unknown) => {
        setConfirming(null);
        notify({ color: 'red', title: `${transition.label} : impossible`, message: toApiError(error).message });
      })
      .finally(() => setBusy(false));
  }

  return (
    <Stack gap="xs">
      <Anchor href={routeHref({ name: 'committees' })} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden /> Toutes les séances
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="sm" wrap="nowrap">
            <Title order={2}>Séance COSELEC {session.number}</Title>
            <SessionStatusBadge status={session.status} size="lg" />
          </Group>
          <Group gap="lg" c="gray.8">
            <Group gap={4} wrap="nowrap">
              <IconCalendar size={16} aria-hidden />
              <Text size="sm">{formatDate(session.date)}</Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={16} aria-hidden />
              {session.place === '' ? (
                <Text size="sm" c="dimmed">
                  Lieu non précisé
                </Text>
              ) : isLink(session.place) ? (
                <Anchor href={session.place} size="sm" target="_blank" rel="noreferrer">
                  {session.place}
                </Anchor>
              ) : (
                <Text size="sm">{session.place}</Text>
              )}
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconUser size={16} aria-hidden />
              <Text size="sm">Présidence : {session.chairName ?? 'non désignée'}</Text>
            </Group>
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {can.prepare && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              Modifier
            </Button>
          )}
          {statusTransitions(session.status).map((transition) => (
            <Button
              key={transition.to}
              color={transition.to === 'CLOSED' ? 'orange' : undefined}
              variant={transition.to === 'IN_PROGRESS' && session.status === 'CLOSED' ? 'default' : 'filled'}
              loading={busy}
              onClick={() => (transition.confirm ? setConfirming(transition) : apply(transition))}
            >
              {transition.label}
            </Button>
          ))}
        </Group>
      </Group>
      {session.status === 'VALIDATED' && session.minutesHash && (
        <Alert color="green" variant="light" icon={<IconLock size={18} />} p="xs" data-testid="sealed-banner">
          <Text size="sm">
            <strong>Procès-verbal validé et scellé</strong> le {formatDateTime(session.validatedAt)} par {session.validatedBy ?? '—'} : la séance et ses décisions sont en lecture seule,
            toute correction passe par un amendement (onglet « Procès-verbal »).
          </Text>
          <Text size="sm" mt={2}>
            Empreinte SHA-256 : <Code data-testid="minutes-hash">{session.minutesHash}</Code>
          </Text>
        </Alert>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Modifier la séance COSELEC ${session.number}`} size="xl">
        {editing && (
          <SessionForm
            session={session}
            members={members}
            onSaved={(next) => {
              setEditing(false);
              onChange(next);
              notify({ color: 'green', title: 'Séance enregistrée', message: `COSELEC ${next.number}` });
            }}
            onCancel={() => setEditing(false)}
          />
        )}
      </Modal>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming?.label ?? ''}>
        <Stack gap="md">
          <Text size="sm">{confirming?.confirm}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Annuler
            </Button>
            <Button color="orange" loading={busy} onClick={() => confirming && apply(confirming)}>
              {confirming?.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
