import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlaylistAdd, IconSortAscendingNumbers } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { AgendaItem, SessionDetail } from '../../../shared/domain/committee';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { nextUndecided, orderByDepartment } from '../Committee/session-view';
import type { SessionCapabilities } from '../Committee/session-view';
import { moveItem, sameOrder } from '../Ranking/ranking-order';
import { AddToAgenda } from './AddToAgenda';
import { AgendaTable } from './AgendaTable';
import { arrangeItems } from './agenda-view';

interface SessionAgendaProps {
  session: SessionDetail;
  can: SessionCapabilities;
  onChange: (session: SessionDetail) => void;
}

/** The agenda: fill it, order it, and take one decision per dossier, moving from item to item. */
export function SessionAgenda({ session, can, onChange }: SessionAgendaProps) {
  const notify = useNotificationStore((state) => state.notify);
  const [adding, setAdding] = useState(session.agenda.length === 0 && can.prepare);
  const [openId, setOpenId] = useState<number | null>(() => session.agenda.find((item) => item.decision === null)?.dossierId ?? null);
  const [pending, setPending] = useState<number[] | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const items = arrangeItems(session.agenda, pending);
  const decided = session.agenda.filter((item) => item.decision !== null).length;
  const decideBlockedReason = can.decide ? null : session.status === 'PLANNED' ? 'Ouvrez la séance pour décider.' : can.explanation;

  function fail(title: string) {
    return (error: unknown) => notify({ color: 'red', title, message: toApiError(error).message });
  }

  function reorder(order: number[]): void {
    if (pending !== null || sameOrder(order, session.agenda.map((item) => item.dossierId))) return;
    setPending(order);
    api['agenda:reorder']({ sessionId: session.id, order })
      .then(onChange)
      .catch(fail('Ordre du jour non modifié'))
      .finally(() => setPending(null));
  }

  function remove(item: AgendaItem): void {
    api['agenda:remove']({ sessionId: session.id, dossierId: item.dossierId })
      .then((next) => {
        onChange(next);
        notify({ color: 'blueFrance', title: 'Retiré de l’ordre du jour', message: `ID ${item.externalId} – ${item.name ?? 'Structure sans nom'}` });
      })
      .catch(fail('Retrait impossible'));
  }

  function focusOpenForm(): void {
    requestAnimationFrame(() => {
      const detail = container.current?.querySelector<HTMLElement>('[data-testid="agenda-detail"]');
      detail?.closest('tr')?.previousElementSibling?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      // The decision choices are radio cards (buttons): the chosen one, or the first.
      const choice = detail?.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]') ?? detail?.querySelector<HTMLElement>('[role="radio"]');
      choice?.focus({ preventScroll: true });
    });
  }

  function decidedOn(next: SessionDetail, item: AgendaItem): void {
    onChange(next);
    const index = next.agenda.findIndex((entry) => entry.dossierId === item.dossierId);
    const following = nextUndecided(next.agenda, index);
    const nextItem = following === null ? undefined : next.agenda[following];
    notify({ color: 'green', title: 'Décision enregistrée', message: `ID ${item.externalId} – ${item.name ?? 'Structure sans nom'}` });
    setOpenId(nextItem?.dossierId ?? null);
    if (nextItem) focusOpenForm();
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Ordre du jour" ref={container}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" align="baseline">
            <Title order={3} size="h4">
              Ordre du jour
            </Title>
            <Text size="sm" c="dimmed" data-testid="agenda-count">
              {formatNumber(decided)} décidé{decided > 1 ? 's' : ''} sur {formatNumber(session.agenda.length)}
            </Text>
          </Group>
          {can.prepare && (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconSortAscendingNumbers size={16} aria-hidden />}
                onClick={() => reorder(orderByDepartment(session.agenda))}
                disabled={session.agenda.length < 2 || pending !== null}
              >
                Trier par département
              </Button>
              <Button size="xs" variant={adding ? 'light' : 'filled'} leftSection={<IconPlaylistAdd size={16} aria-hidden />} onClick={() => setAdding((value) => !value)}>
                {adding ? 'Fermer l’ajout' : 'Ajouter des dossiers'}
              </Button>
            </Group>
          )}
        </Group>
        {adding && can.prepare && (
          <AddToAgenda
            session={session}
            onAdded={(next, message, added) => {
              onChange(next);
              if (added > 0) setAdding(false);
              notify({ color: 'green', title: 'Ordre du jour', message });
              if (openId === null) setOpenId(next.agenda.find((item) => item.decision === null)?.dossierId ?? null);
            }}
          />
        )}
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            L’ordre du jour est vide.{can.prepare ? ' Ajoutez les dossiers prêts à être décidés avec « Ajouter des dossiers ».' : ''}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              ↑ / ↓ : dossier précédent ou suivant · Entrée : ouvrir ou fermer{can.prepare ? ' · Alt + ↑ / ↓ ou glisser : changer l’ordre' : ''}
              {can.decide ? ' · Ctrl + Entrée dans une décision : enregistrer et passer au dossier suivant à décider' : ''}.
            </Text>
            <AgendaTable
              session={session}
              items={items}
              openId={openId}
              onToggle={(id) => setOpenId((current) => (current === id ? null : id))}
              canPrepare={can.prepare}
              canDecide={can.decide}
              decideBlockedReason={decideBlockedReason}
              onMove={(from, to) => reorder(moveItem(items.map((item) => item.dossierId), from, to))}
              onRemove={remove}
              onDecided={decidedOn}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
