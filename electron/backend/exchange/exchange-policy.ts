/** Who may call the exchange methods. */
import type { ExchangeMethod } from '../../../shared/api/exchange-contract';
import type { Policies } from '../review/policy-kit';

export const EXCHANGE_POLICY: Policies<ExchangeMethod> = {};
