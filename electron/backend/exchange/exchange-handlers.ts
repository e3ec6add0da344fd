/** The exchange methods of the contract. */
import type { ExchangeMethod } from '../../../shared/api/exchange-contract';
import type { Store } from '../db/store';
import type { Profiles } from '../review/profiles';
import type { ScopedHandlers } from '../review/scope-policy';

export function exchangeHandlers(_store: Store, _profiles: Profiles): Pick<ScopedHandlers, ExchangeMethod> {
  return {};
}
