import { Anchor, List, Text } from '@mantine/core';
import { REFUSAL_GROUND_LABELS } from '../../../shared/domain/committee';
import type { DecisionEntry } from '../../../shared/domain/dossier';
import { useApiQuery } from '../../hooks/use-api-query';
import { isNational, useProfile } from '../../hooks/use-profile';
import { routeHref } from '../../router/routes';
import { voteText } from './session-view';

const DECISION_TABLES: readonly string[] = ['decisions', 'committee_sessions'];

/**
 * What a committee decision adds to a dossier's decision entry: refusal grounds, the justification
 * of a departure from the opinion, the vote, an amendment. Read from the session's decisions.
 */
export function CommitteeDecisionDetails({ entry }: { entry: DecisionEntry & { sessionNumber: string } }) {
  const national = isNational(useProfile());
  const decisions = useApiQuery('decisions:list', { sessionNumber: entry.sessionNumber }, DECISION_TABLES);
  const decision = decisions.data?.find((candidate) => candidate.id === entry.id);
  if (!decision) return null;
  return (
    <div data-testid="committee-decision-details">
      {decision.grounds.length > 0 && (
        <List size="sm" spacing={0}>
          {decision.grounds.map((ground) => (
            <List.Item key={ground}>{REFUSAL_GROUND_LABELS[ground]}</List.Item>
          ))}
        </List>
      )}
      {decision.justification && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span size="sm" fw={600}>
            Écart avec l’avis de la préfecture :{' '}
          </Text>
          {decision.justification}
        </Text>
      )}
      {decision.vote && <Text size="sm">Vote : {voteText(decision.vote, decision.voteBase)}</Text>}
      {decision.amendmentId !== null && (
        <Text size="sm" c="orange.8">
          Correction par amendement au procès-verbal scellé.
        </Text>
      )}
      {national && decision.sessionId !== null && (
        <Anchor href={routeHref({ name: 'session', id: decision.sessionId })} size="xs">
          Voir la séance
        </Anchor>
      )}
    </div>
  );
}
