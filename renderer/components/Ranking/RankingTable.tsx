import { ActionIcon, Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import { useRef } from 'react';
import { useRowDrag } from '../../hooks/use-row-drag';
import { formatNumber } from '../../lib/format';
import { formatScore } from '../../lib/review-format';
import { routeHref } from '../../router/routes';
import { OpinionBadge } from '../OpinionCard/OpinionHistory';
import type { RankedRow } from './ranking-order';
import classes from './Ranking.module.css';

interface RankingTableProps {
  rows: RankedRow[];
  target: number | null;
  onMove: (from: number, to: number) => void;
}

/** Rows move with the arrow buttons (keyboard) or by dragging them (native HTML5 drag and drop). */
export function RankingTable({ rows, target, onMove }: RankingTableProps) {
  const dragProps = useRowDrag(onMove);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  function moveWithButton(index: number, delta: -1 | 1): void {
    const row = rows[index];
    if (!row) return;
    onMove(index, index + delta);
    // The row moved: keep the keyboard focus on the same button of the same dossier.
    const key = `${row.dossierId}-${delta < 0 ? 'up' : 'down'}`;
    requestAnimationFrame(() => {
      const button = buttons.current.get(key);
      if (button && !button.disabled) button.focus();
      else buttons.current.get(`${row.dossierId}-${delta < 0 ? 'down' : 'up'}`)?.focus();
    });
  }

  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <table className={classes.table} data-testid="ranking-table">
      <thead>
        <tr>
          <th className={classes.handleCol} aria-label="Déplacer" />
          <th className={`${classes.num} ${classes.rankCol}`}>Rang</th>
          <th>Dossier</th>
          <th className={`${classes.num} ${classes.postsCol}`}>Postes demandés</th>
          <th className={classes.opinionCol}>Avis</th>
          <th className={`${classes.num} ${classes.postsCol}`}>Postes soutenus</th>
          <th className={`${classes.num} ${classes.scoreCol}`}>Note</th>
          <th className={`${classes.num} ${classes.cumulativeCol}`}>Cumul soutenu{target !== null ? ` / objectif ${formatNumber(target)}` : ''}</th>
          <th className={classes.moveCol}>Ordre</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr
            key={row.dossierId}
            {...dragProps(index, row.dossierId)}
            data-over={row.overTarget || undefined}
            data-crosses={row.crossesTarget || undefined}
            data-testid="ranking-row"
            data-dossier-id={row.dossierId}
          >
            <td className={classes.handle} title="Glisser pour déplacer">
              <IconGripVertical size={16} aria-hidden />
            </td>
            <td className={classes.num}>{row.position}</td>
            <td>
              <Anchor href={routeHref({ name: 'dossier', id: row.dossierId })} size="sm" fw={600} draggable={false}>
                {row.name ?? 'Structure sans nom'}
              </Anchor>
              <Text size="xs" c="dimmed">
                ID {row.externalId}
              </Text>
            </td>
            <td className={classes.num}>{formatNumber(row.postsRequested)}</td>
            <td className={classes.opinionCol}>
              {row.opinion ? (
                <OpinionBadge opinion={row.opinion} />
              ) : (
                <Text size="sm" c="dimmed">
                  Pas d’avis
                </Text>
              )}
            </td>
            <td className={classes.num}>
              <span className={row.counts ? undefined : classes.notCounted} title={row.counts ? undefined : 'Seuls les avis favorables comptent dans le cumul'}>
                {formatNumber(row.postsSupported)}
              </span>
            </td>
            <td className={classes.num}>{formatScore(row.aggregate)}</td>
            <td className={classes.num}>
              <Group gap={6} justify="flex-end" wrap="nowrap">
                {row.overTarget && (
                  <Badge color="red" variant="light" size="sm" tt="none" className={classes.overBadge}>
                    Au-delà de l’objectif
                  </Badge>
                )}
                <strong data-testid="ranking-cumulative">{formatNumber(row.cumulativeSupported)}</strong>
              </Group>
            </td>
            <td className={classes.moveCol}>
              <Group gap={2} wrap="nowrap" justify="center">
                <Tooltip label="Monter" openDelay={400}>
                  <ActionIcon
                    ref={register(`${row.dossierId}-up`)}
                    variant="subtle"
                    size="sm"
                    disabled={index === 0}
                    onClick={() => moveWithButton(index, -1)}
                    aria-label={`Monter le dossier ${row.externalId} (rang ${row.position})`}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Descendre" openDelay={400}>
                  <ActionIcon
                    ref={register(`${row.dossierId}-down`)}
                    variant="subtle"
                    size="sm"
                    disabled={index === rows.length - 1}
                    onClick={() => moveWithButton(index, 1)}
                    aria-label={`Descendre le dossier ${row.externalId} (rang ${row.position})`}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
