/** Every request is checked at the boundary before it reaches a handler. */
import type { ApiMethod, ApiRequest } from '../../shared/api/contract';
import type { RequestChecks } from './request-checks';
import { bad, isObject } from './request-checks';
import { DOSSIERS_REQUEST_CHECKS } from './dossiers/dossiers-request-validation';
import { TERRITORY_REQUEST_CHECKS } from './territory/territory-request-validation';
import { REVIEW_REQUEST_CHECKS } from './review/review-request-validation';
import { IMPORT_REQUEST_CHECKS } from './import/import-request-validation';
import { COMMITTEE_REQUEST_CHECKS } from './committee/committee-request-validation';
import { EXCHANGE_REQUEST_CHECKS } from './exchange/exchange-request-validation';
import { EXPORTS_REQUEST_CHECKS } from './exports/exports-request-validation';
import { INTEGRITY_REQUEST_CHECKS } from './integrity/integrity-request-validation';

/** The union of the areas' `<area>-request-validation.ts` (exhaustive: a new method does not compile without its check). */
const REQUEST_CHECKS: RequestChecks<ApiMethod> = {
  ...DOSSIERS_REQUEST_CHECKS,
  ...TERRITORY_REQUEST_CHECKS,
  ...REVIEW_REQUEST_CHECKS,
  ...COMMITTEE_REQUEST_CHECKS,
  ...EXPORTS_REQUEST_CHECKS,
  ...EXCHANGE_REQUEST_CHECKS,
  ...IMPORT_REQUEST_CHECKS,
  ...INTEGRITY_REQUEST_CHECKS,
};

export function validateRequest<M extends ApiMethod>(method: M, request: unknown): ApiRequest<M> {
  const req = request ?? {};
  if (!isObject(req)) throw bad('objet attendu');
  REQUEST_CHECKS[method](req);
  return req;
}
