import { Badge, Group, Text, Timeline } from '@mantine/core';
import { DECISION_LABELS } from '../../../shared/domain/committee';
import type { DecisionEntry, PlatformDivergenceEntry } from '../../../shared/domain/dossier';
import { describeDivergenceSide } from '../../../shared/import/divergence-labels';
import { formatDate, formatDateTime, pluralize } from '../../lib/format';
import { DECISION_COLORS } from '../../lib/labels';
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

/** A platform decision kept aside: the platform's history, never the dossier's current decision. */
function DivergenceItem({ entry }: { entry: PlatformDivergenceEntry }) {
  return (
    <>
      <Text size="sm">La plateforme indique {describeDivergenceSide(entry.platform)}.</Text>
      <Text size="sm">Décision retenue (cette base) : {describeDivergenceSide(entry.base)}.</Text>
      <Text size="xs" c="dimmed">
        Relevée le {formatDateTime(entry.detectedAt)} par {entry.detectedBy} à l’import de {`«\u00a0${entry.fileName}\u00a0»`} ; non appliquée.
      </Text>
    </>
  );
}

type Item = { kind: 'decision'; at: string; entry: DecisionEntry } | { kind: 'divergence'; at: string; entry: PlatformDivergenceEntry };

/**
 * Committee decisions are append-only: the full sequence is shown, oldest first, with the platform
 * decisions kept aside (« divergence plateforme ») where they were found; the current decision
 * stays the latest decision entry.
 */
export function DecisionHistory({ decisions, divergences }: { decisions: DecisionEntry[]; divergences: PlatformDivergenceEntry[] }) {
  const items: Item[] = [
    ...decisions.map((entry): Item => ({ kind: 'decision', at: entry.recordedAt, entry })),
    ...divergences.map((entry): Item => ({ kind: 'divergence', at: entry.detectedAt, entry })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const current = items.reduce((last, item, index) => (item.kind === 'decision' ? index : last), -1);
  return (
    <Section title="Décisions du comité" aside={decisions.length > 0 ? decisions.length : undefined}>
      {items.length === 0 ? (
        <Text c="dimmed">Aucune décision enregistrée.</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={current}>
          {items.map((item) =>
            item.kind === 'divergence' ? (
              <Timeline.Item
                key={`divergence-${item.entry.id}`}
                color="orange"
                data-testid="platform-divergence"
                title={
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {item.entry.platform.sessionNumber ? `COSELEC ${item.entry.platform.sessionNumber}` : 'Séance non précisée'}
                    </Text>
                    <Badge color="orange" variant="light" size="sm" tt="none">
                      divergence plateforme
                    </Badge>
                  </Group>
                }
              >
                <DivergenceItem entry={item.entry} />
              </Timeline.Item>
            ) : (
              <Timeline.Item key={item.entry.id} title={<DecisionTitle entry={item.entry} />}>
                <DecisionBody entry={item.entry} isCurrent={item.entry.id === decisions.at(-1)?.id} />
              </Timeline.Item>
            ),
          )}
        </Timeline>
      )}
    </Section>
  );
}

function DecisionBody({ entry, isCurrent }: { entry: DecisionEntry; isCurrent: boolean }) {
  return (
    <>
      {entry.postsGranted !== null && <Text size="sm">{pluralize(entry.postsGranted, 'poste accordé', 'postes accordés')} (cumul)</Text>}
      {entry.comment && (
        <Text size="sm" c="gray.7" style={{ whiteSpace: 'pre-line' }}>
          {entry.comment}
        </Text>
      )}
      {entry.source === 'committee' && entry.sessionNumber !== null && <CommitteeDecisionDetails entry={{ ...entry, sessionNumber: entry.sessionNumber }} />}
      {entry.money && <FrozenMoneyLine money={entry.money} />}
      {/* Only on the current decision: older entries were replaced anyway. */}
      {isCurrent && <ChangedSinceDecision changes={entry.changesSinceDecision} />}
      <Text size="xs" c="dimmed">
        Enregistrée le {formatDateTime(entry.recordedAt)} par {entry.recordedBy}
        {entry.source === 'platform' ? ' (reprise de la plateforme nationale)' : ''}
      </Text>
    </>
  );
}
