import { Badge } from '@mantine/core';
import { ELIGIBILITY_STATE_LABELS, type EligibilityState, type EligibilitySummary } from '../../../shared/domain/eligibility';

export const ELIGIBILITY_COLORS: Record<EligibilityState, string> = { ELIGIBLE: 'green', A_VERIFIER: 'orange', NON_ELIGIBLE: 'red' };

/** « éligible », « à vérifier », « non éligible », the reasons on hover. */
export function EligibilityBadge({ eligibility, size = 'xs' }: { eligibility: Pick<EligibilitySummary, 'state' | 'reasons'>; size?: 'xs' | 'sm' }) {
  return (
    <Badge
      size={size}
      color={ELIGIBILITY_COLORS[eligibility.state]}
      variant={eligibility.state === 'ELIGIBLE' ? 'outline' : 'light'}
      tt="none"
      title={eligibility.reasons.length > 0 ? eligibility.reasons.join(' ; ') : undefined}
      data-testid="eligibility-badge"
      style={{ flexShrink: 0 }}
    >
      {ELIGIBILITY_STATE_LABELS[eligibility.state]}
    </Badge>
  );
}
