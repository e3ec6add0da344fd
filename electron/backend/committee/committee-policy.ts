/** Who may call the committee methods (issue 5): placeholder until the committee backend lands. */
import type { CommitteeMethod } from '../../../shared/api/committee-contract';
import { COMMITTEE_METHODS } from '../../../shared/api/committee-contract';
import { NATIONAL, type Policies, type Policy } from '../review/policy-kit';

const nationalOnly: Policy<CommitteeMethod> = { check: ({ scope }, req) => (scope.requireRole(NATIONAL, 'gérer les séances du comité'), req) };

export const COMMITTEE_POLICY = Object.fromEntries(COMMITTEE_METHODS.map((m) => [m, nationalOnly])) as unknown as Policies<CommitteeMethod>;
