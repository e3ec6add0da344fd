import { ActionIcon, Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronDown, IconChevronRight, IconGripVertical, IconTrash } from '@tabler/icons-react';
import { Fragment, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useRowDrag } from '../../hooks/use-row-drag';
import type { AgendaItem, SessionDetail } from '../../../shared/domain/committee';
import { formatNumber } from '../../lib/format';
import { formatScore } from '../../lib/review-format';
import { OPINION_LABELS } from '../../../shared/domain/review';
import type { OpinionKind } from '../../../shared/domain/review';
import { OPINION_COLORS } from '../../lib/review-format';
import { ChangedSinceDecisionBadge } from '../DecisionMoney/DecisionMoney';
import { DecisionBadge } from '../DecisionForm/DecisionSummary';
import { AgendaItemDetail } from './AgendaItemDetail';
import classes from './SessionAgenda.module.css';
import { EligibilityBadge } from '../Eligibility/EligibilityBadge';

interface AgendaTableProps {
  session: SessionDetail;
  items: AgendaItem[];
  openId: number | null;
  onToggle: (dossierId: number) => void;
  canPrepare: boolean;
  canDecide: boolean;
  decideBlockedReason: string | null;
  onMove: (from: number, to: number) => void;
  onRemove: (item: AgendaItem) => void;
  onDecided: (session: SessionDetail, item: AgendaItem) => void;
}

const COLUMNS = 8;

const SHORT_OPINIONS: Record<OpinionKind, string> = { FAVORABLE: 'Favorable', DEFAVORABLE: 'Défavorable', EXAMEN_COMPLEMENTAIRE: 'Examen compl.', DOUBLON: 'Doublon' };

/** The opinion in a narrow column; the full label on hover. */
function CompactOpinion({ opinion }: { opinion: OpinionKind }) {
  return (
    <Badge color={OPINION_COLORS[opinion]} variant="light" size="sm" tt="none" title={`Avis ${OPINION_LABELS[opinion].toLowerCase()}`}>
      {SHORT_OPINIONS[opinion]}
    </Badge>
  );
}

/**
 * The agenda, one row per dossier; the open row shows its facts and decision form underneath.
 * Keyboard: ↑/↓ move between dossiers, Entrée opens one, Alt+↑/↓ moves it in the order.
 */
export function AgendaTable({ session, items, openId, onToggle, canPrepare, canDecide, decideBlockedReason, onMove, onRemove, onDecided }: AgendaTableProps) {
  const toggles = useRef(new Map<number, HTMLButtonElement>());
  const dragProps = useRowDrag(onMove, canPrepare);

  function focusToggle(index: number): void {
    const item = items[index];
    if (item) toggles.current.get(item.dossierId)?.focus();
  }

  function onToggleKey(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const delta = event.key === 'ArrowDown' ? 1 : -1;
    if (event.altKey && canPrepare) {
      onMove(index, index + delta);
      const id = items[index]?.dossierId;
      requestAnimationFrame(() => id !== undefined && toggles.current.get(id)?.focus());
    } else {
      focusToggle(index + delta);
    }
  }

  const register = (id: number) => (element: HTMLButtonElement | null) => {
    if (element) toggles.current.set(id, element);
    else toggles.current.delete(id);
  };

  return (
    <table className={classes.table} data-testid="agenda-table">
      <thead>
        <tr>
          <th className={classes.handleCol} aria-label="Déplacer" />
          <th className={`${classes.num} ${classes.rankCol}`}>N°</th>
          <th>Dossier</th>
          <th className={`${classes.num} ${classes.postsCol} ${classes.twoLines}`} title="Postes demandés / soutenus par la préfecture">
            Postes
            <br />
            dem. / sout.
          </th>
          <th className={classes.opinionCol}>Avis préfet</th>
          <th className={`${classes.num} ${classes.scoreCol}`}>Note</th>
          <th className={classes.decisionCol}>Décision</th>
          <th className={classes.actionsCol}>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => {
          const open = item.dossierId === openId;
          return (
            <Fragment key={item.dossierId}>
              <tr
                className={classes.summary}
                data-open={open || undefined}
                data-dossier-id={item.dossierId}
                data-testid="agenda-row"
                onClick={() => onToggle(item.dossierId)}
                {...dragProps(index, item.dossierId)}
              >
                <td className={canPrepare ? classes.handle : undefined} title={canPrepare ? 'Glisser pour déplacer' : undefined}>
                  {canPrepare && <IconGripVertical size={16} aria-hidden />}
                </td>
                <td className={classes.num}>{index + 1}</td>
                <td>
                  <UnstyledButton
                    ref={register(item.dossierId)}
                    className={classes.toggle}
                    aria-expanded={open}
                    onClick={(event) => {
                      event.stopPropagation();
                      onToggle(item.dossierId);
                    }}
                    onKeyDown={(event) => onToggleKey(event, index)}
                    data-testid="agenda-toggle"
                  >
                    <Group gap={6} wrap="nowrap">
                      {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
                      <div style={{ minWidth: 0, flex: 1 }}>
                        <span className={classes.name} title={item.name ?? undefined}>
                          {item.name ?? 'Structure sans nom'}
                        </span>
                        <Group gap={6} style={{ rowGap: 2 }}>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {item.departmentCode} · ID {item.externalId}
                          </Text>
                          <EligibilityBadge eligibility={item.eligibility} />
                          {item.carriedOverFrom && (
                            <Badge size="xs" color="orange" variant="outline" tt="none">
                              revient de la séance {item.carriedOverFrom}
                            </Badge>
                          )}
                          {item.recusedMemberIds.length > 0 && (
                            <Badge size="xs" color="grape" variant="outline" tt="none">
                              {item.recusedMemberIds.length} récusé{item.recusedMemberIds.length > 1 ? 's' : ''}
                            </Badge>
                          )}
                          <ChangedSinceDecisionBadge changes={item.changesSinceDecision} />
                          {item.warnings.length > 0 && (
                            <Badge size="xs" color="orange" variant="light" tt="none" title={item.warnings.join(' ; ')}>
                              {item.warnings.length} alerte{item.warnings.length > 1 ? 's' : ''}
                            </Badge>
                          )}
                        </Group>
                      </div>
                    </Group>
                  </UnstyledButton>
                </td>
                <td className={classes.num}>
                  {formatNumber(item.postsRequested)} / {item.postsSupported === null ? '—' : formatNumber(item.postsSupported)}
                </td>
                <td>{item.opinion ? <CompactOpinion opinion={item.opinion} /> : <Text size="sm" c="dimmed">Pas d’avis</Text>}</td>
                <td className={classes.num}>{formatScore(item.aggregateScore)}</td>
                <td>
                  {item.decision ? (
                    <DecisionBadge decision={item.decision} compact />
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic">
                      À décider
                    </Text>
                  )}
                </td>
                <td onClick={(event) => event.stopPropagation()}>
                  {canPrepare && (
                    <Group gap={0} wrap="nowrap" justify="flex-end">
                      <Tooltip label="Monter" openDelay={400}>
                        <ActionIcon variant="subtle" size="sm" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Monter le dossier ${item.externalId}`}>
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Descendre" openDelay={400}>
                        <ActionIcon variant="subtle" size="sm" disabled={index === items.length - 1} onClick={() => onMove(index, index + 1)} aria-label={`Descendre le dossier ${item.externalId}`}>
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={item.decision ? 'Décidé dans cette séance : il reste à l’ordre du jour' : 'Retirer de l’ordre du jour'} openDelay={400}>
                        <ActionIcon variant="subtle" color="red" size="sm" disabled={item.decision !== null} onClick={() => onRemove(item)} aria-label={`Retirer le dossier ${item.externalId} de l’ordre du jour`}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </td>
              </tr>
              {open && (
                <tr className={classes.detail}>
                  <td colSpan={COLUMNS}>
                    <AgendaItemDetail
                      session={session}
                      item={item}
                      canDecide={canDecide}
                      decideBlockedReason={decideBlockedReason}
                      onDecided={(next) => onDecided(next, item)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
