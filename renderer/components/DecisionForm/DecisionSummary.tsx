import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { DECISION_LABELS, REFUSAL_GROUND_LABELS } from '../../../shared/domain/committee';
import type { SessionDecision } from '../../../shared/domain/committee';
import { formatDateTime, pluralize } from '../../lib/format';
import { DECISION_COLORS } from '../../lib/labels';
import { voteText } from '../Committee/session-view';

/** « Accord · 2 postes », as the agenda's decision column shows it (compact: « Examen compl. », the full label on hover). */
export function DecisionBadge({ decision, compact = false }: { decision: SessionDecision; compact?: boolean }) {
  const posts = decision.decision === 'POSITIF' && decision.postsGranted !== null ? ` · ${pluralize(decision.postsGranted, 'poste', 'postes')}` : '';
  const label = compact && decision.decision === 'EXAMEN_COMPLEMENTAIRE' ? 'Examen compl.' : DECISION_LABELS[decision.decision];
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={DECISION_COLORS[decision.decision]} variant="light" size="sm" tt="none" data-testid="decision-badge" title={DECISION_LABELS[decision.decision]}>
        {label}
        {posts}
      </Badge>
      {decision.priority && (
        <Badge color="blueFrance" variant="outline" size="sm" tt="none" title="Dossier prioritaire">
          {compact ? 'Prio.' : 'Prioritaire'}
        </Badge>
      )}
    </Group>
  );
}

/** Everything a recorded decision says: grounds, comment, justification, vote, who recorded it. */
export function DecisionSummary({ decision }: { decision: SessionDecision }) {
  return (
    <Stack gap={6} data-testid="decision-summary">
      <DecisionBadge decision={decision} />
      {decision.grounds.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Motifs
          </Text>
          <List size="sm" spacing={0}>
            {decision.grounds.map((ground) => (
              <List.Item key={ground}>{REFUSAL_GROUND_LABELS[ground]}</List.Item>
            ))}
          </List>
        </div>
      )}
      {decision.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span size="sm" fw={600}>
            {decision.decision === 'NEGATIF' ? 'Commentaire : ' : 'Observations : '}
          </Text>
          {decision.comment}
        </Text>
      )}
      {decision.justification && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span size="sm" fw={600}>
            Justification de l’écart avec l’avis :{' '}
          </Text>
          {decision.justification}
        </Text>
      )}
      {decision.derogation && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="decision-derogation">
          <Text span size="sm" fw={600}>
            Justification de la dérogation :{' '}
          </Text>
          {decision.derogation}
        </Text>
      )}
      <Text size="sm">{decision.vote ? `Vote : ${voteText(decision.vote, decision.voteBase)}` : `Sans vote formel (base de vote : ${decision.voteBase}).`}</Text>
      <Text size="xs" c="dimmed">
        Enregistrée le {formatDateTime(decision.recordedAt)} par {decision.recordedBy}
        {decision.amendmentId !== null ? ' (amendement)' : ''}
      </Text>
    </Stack>
  );
}
