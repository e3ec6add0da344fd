/**
 * A policy for every method of the contract, the union of the areas' `<area>-policy.ts` (the map
 * is exhaustive, so a new method does not compile without one); access/guard.ts runs it before
 * the method's handler.
 */
import type { ApiMethod } from '../../shared/api/contract';
import type { Policies } from './access/policy-kit';
import { COMMITTEE_POLICY } from './committee/committee-policy';
import { DOSSIERS_POLICY } from './dossiers/dossiers-policy';
import { EXCHANGE_POLICY } from './exchange/exchange-policy';
import { EXPORTS_POLICY } from './exports/exports-policy';
import { IMPORT_POLICY } from './import/import-policy';
import { INTEGRITY_POLICY } from './integrity/integrity-policy';
import { REVIEW_POLICY } from './review/review-policy';
import { TERRITORY_POLICY } from './territory/territory-policy';

export const SCOPE_POLICY: Policies<ApiMethod> = {
  ...DOSSIERS_POLICY,
  ...TERRITORY_POLICY,
  ...REVIEW_POLICY,
  ...COMMITTEE_POLICY,
  ...EXPORTS_POLICY,
  ...EXCHANGE_POLICY,
  ...IMPORT_POLICY,
  ...INTEGRITY_POLICY,
};
