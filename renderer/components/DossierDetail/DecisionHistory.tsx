import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { DecisionEntry } from '../../../shared/domain/dossier';
import { formatDate, formatDateTime, pluralize } from '../../lib/format';
import { DECISION_COLORS, DECISION_LABELS } from '../../lib/labels';
import { CommitteeDecisionDetails } from '../Committee/CommitteeDecisionDetails';
import { ChangedSinceDecision, FrozenMoneyLine } from '../DecisionMoney/DecisionMoney';
import { Section } from '../Section/Section';

function DecisionTitle({ entry }: { entry: DecisionEntry }) {
  return (
    <Group gap="xs">
      <Text fw={600} size="sm">
        {entry.sessionNumber ? `COSELEC ${entry.sessionNumber}` : 'Hors séance'}
        {entry.sessionDate && ` du ${formatDate(entry.sessionDate)}`}
      </Text>
      <Badge color={DECISION_COLORS[entry.decision]} variant="light" size="sm" tt="none">
        {DECISION_LABELS[entry.decision]}
      </Badge>
      {entry.priority && (
        <Badge color="blueFrance" variant="outline" size="sm" tt="none">
          Prioritaire
        </Badge>
      )}
      {entry.source === 'platform' && (
        <Badge color="gray" variant="outline" size="sm" tt="none">
          plateforme
        </Badge>
      )}
    </Group>
  );
}

/** Committee decisions are append-only: the full sequence is shown, oldest first. */
export function DecisionHistory({ decisions }: { decisions: DecisionEntry[] }) {
  return (
    <Section title="Décisions du comité" aside={decisions.length > 0 ? decisions.length : undefined}>
      {decisions.length === 0 ? (
        <Text c="dimmed">Aucune décision enregistrée.</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={decisions.length - 1}>
          {decisions.map((entry) => (
            <Timeline.Item key={entry.id} title={<DecisionTitle entry={entry} />}>
              {entry.postsGranted !== null && (
                <Text size="sm">{pluralize(entry.postsGranted, 'poste accordé', 'postes accordés')} (cumul)</Text>
              )}
              {entry.comment && (
                <Text size="sm" c="gray.7" style={{ whiteSpace: 'pre-line' }}>
                  {entry.comment}
                </Text>
              )}
              {entry.source === 'committee' && entry.sessionNumber !== null && <CommitteeDecisionDetails entry={{ ...entry, sessionNumber: entry.sessionNumber }} />}
              {entry.money && <FrozenMoneyLine money={entry.money} />}
              {/* Only on the current decision: older entries were replaced anyway. */}
              {entry.id === decisions.at(-1)?.id && <ChangedSinceDecision changes={entry.changesSinceDecision} />}
              <Text size="xs" c="dimmed">
                Enregistrée le {formatDateTime(entry.recordedAt)} par {entry.recordedBy}
                {entry.source === 'platform' ? ' (reprise de la plateforme nationale)' : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
