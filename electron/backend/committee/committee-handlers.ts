/** The committee methods of the contract (issue 5): placeholder until the committee backend lands. */
import { ApiError } from '../../../shared/api/contract';
import { COMMITTEE_METHODS, type CommitteeMethod } from '../../../shared/api/committee-contract';
import type { Store } from '../db/store';
import type { Profiles } from '../review/profiles';
import type { ScopedHandlers } from '../review/scope-policy';

export function committeeHandlers(_store: Store, _profiles: Profiles): Pick<ScopedHandlers, CommitteeMethod> {
  const notYet = async () => {
    throw new ApiError('NOT_AVAILABLE', 'Les séances du comité ne sont pas encore disponibles.');
  };
  return Object.fromEntries(COMMITTEE_METHODS.map((m) => [m, notYet])) as unknown as Pick<ScopedHandlers, CommitteeMethod>;
}
