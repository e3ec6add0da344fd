/** The exports methods of the contract. */
import type { ExportsMethod } from '../../../shared/api/exports-contract';
import type { Store } from '../db/store';
import type { Profiles } from '../review/profiles';
import type { ScopedHandlers } from '../review/scope-policy';

export function exportsHandlers(_store: Store, _profiles: Profiles): Pick<ScopedHandlers, ExportsMethod> {
  return {};
}
