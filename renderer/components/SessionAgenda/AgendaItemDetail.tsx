import { Alert, Anchor, Badge, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { AgendaItem, SessionDetail } from '../../../shared/domain/committee';
import { CONTRACT_LABELS } from '../../../shared/domain/dossier';
import { EMPTY_VALUE, formatNumber, pluralize } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { formatScore } from '../../lib/review-format';
import { routeHref } from '../../router/routes';
import { recusedNames } from '../Committee/session-view';
import { ChangedSinceDecision, FrozenMoneyLine } from '../DecisionMoney/DecisionMoney';
import { DecisionForm } from '../DecisionForm/DecisionForm';
import { DecisionSummary } from '../DecisionForm/DecisionSummary';
import { EligibilityBadge } from '../Eligibility/EligibilityBadge';
import { OpinionBadge } from '../OpinionCard/OpinionHistory';
import classes from './SessionAgenda.module.css';

interface AgendaItemDetailProps {
  session: SessionDetail;
  item: AgendaItem;
  canDecide: boolean;
  /** Why decisions cannot be recorded now (null when they can). */
  decideBlockedReason: string | null;
  onDecided: (session: SessionDetail) => void;
}

/** « 12 accordés / objectif 20 · 15 soutenus », over-target marked. */
function DepartmentFigures({ item }: { item: AgendaItem }) {
  const { granted, supported, target } = item.department;
  const over = target !== null && granted > target;
  return (
    <span>
      <span className={over ? classes.over : undefined}>
        {pluralize(granted, 'accordé', 'accordés')} / objectif {target === null ? '—' : formatNumber(target)}
      </span>
      {` · ${pluralize(supported, 'soutenu', 'soutenus')}`}
      {over && (
        <Badge color="red" variant="light" size="xs" ml={6} tt="none">
          Au-delà de l’objectif
        </Badge>
      )}
    </span>
  );
}

function Facts({ session, item }: { session: SessionDetail; item: AgendaItem }) {
  const recused = recusedNames(session.members, item.recusedMemberIds);
  return (
    <Stack gap="xs">
      <dl className={classes.facts}>
        <dt>Structure</dt>
        <dd>
          <Anchor href={routeHref({ name: 'dossier', id: item.dossierId })} size="sm" fw={600}>
            {item.name ?? 'Structure sans nom'} <IconExternalLink size={12} aria-hidden />
          </Anchor>
          <Text size="xs" c="dimmed">
            ID {item.externalId}
            {item.siret ? ` · SIRET ${item.siret}` : ''}
            {item.networkName ? ` · réseau ${item.networkName}` : ''}
          </Text>
        </dd>
        <dt>Département</dt>
        <dd>{departmentLabel(item.departmentCode)}</dd>
        <dt>Contrat</dt>
        <dd>{item.contractType ? CONTRACT_LABELS[item.contractType] : 'Non renseigné'}</dd>
        <dt>Postes</dt>
        <dd>
          {pluralize(item.postsRequested, 'demandé', 'demandés')} · {item.postsSupported === null ? 'aucun soutenu' : pluralize(item.postsSupported, 'soutenu', 'soutenus')}
        </dd>
        <dt>Avis</dt>
        <dd>
          {item.opinion ? <OpinionBadge opinion={item.opinion} /> : <Text span size="sm" c="dimmed">Pas d’avis</Text>}
          {item.opinionComment && (
            <Text size="sm" className={classes.comment} mt={2} c="gray.8">
              « {item.opinionComment} »
            </Text>
          )}
        </dd>
        <dt>Note</dt>
        <dd>{formatScore(item.aggregateScore)}</dd>
        <dt title="Postes accordés dans le département, toutes séances, et postes soutenus par les avis favorables">Dotation dép.</dt>
        <dd>
          <DepartmentFigures item={item} />
        </dd>
        {item.carriedOverFrom && (
          <>
            <dt>Report</dt>
            <dd>Revient de la séance COSELEC {item.carriedOverFrom} (examen complémentaire)</dd>
          </>
        )}
        <dt>Éligibilité</dt>
        <dd data-testid="agenda-eligibility">
          <EligibilityBadge eligibility={item.eligibility} size="sm" />
          {item.eligibility.derogation.length > 0 && (
            <Text span size="xs" c="dimmed" ml={6}>
              un accord demande une dérogation justifiée
            </Text>
          )}
        </dd>
        <dt>Récusés</dt>
        <dd data-testid="recused-members">{recused.length > 0 ? recused.join(', ') : EMPTY_VALUE}</dd>
      </dl>
      {item.warnings.length > 0 && (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title="Points d’éligibilité à vérifier">
          <List size="sm" spacing={0}>
            {item.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** The item's facts and its decision: the form while the session is open, the summary otherwise. */
export function AgendaItemDetail({ session, item, canDecide, decideBlockedReason, onDecided }: AgendaItemDetailProps) {
  const [editing, setEditing] = useState(false);
  const showForm = canDecide && (item.decision === null || editing);

  return (
    <div className={classes.detailCard} data-testid="agenda-detail">
      <Grid gap="md">
        <Grid.Col span={5}>
          <Facts session={session} item={item} />
        </Grid.Col>
        <Grid.Col span={7}>
          {showForm ? (
            <Stack gap="xs">
              <ChangedSinceDecision changes={item.changesSinceDecision} />
              {!session.quorum.reached && (
                <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
                  Quorum non atteint : l’application refusera toute décision tant que les présences ne le permettent pas.
                </Alert>
              )}
              <DecisionForm
                key={item.decision?.id ?? 'new'}
                session={session}
                item={item}
                onSaved={(next) => {
                  setEditing(false);
                  onDecided(next);
                }}
                onCancel={item.decision ? () => setEditing(false) : undefined}
              />
            </Stack>
          ) : item.decision ? (
            <Stack gap="sm">
              <DecisionSummary decision={item.decision} />
              {item.decision.money && <FrozenMoneyLine money={item.decision.money} />}
              <ChangedSinceDecision changes={item.changesSinceDecision} />
              {canDecide && (
                <Group>
                  <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
                    Modifier la décision
                  </Button>
                </Group>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Pas encore de décision. {decideBlockedReason}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </div>
  );
}
