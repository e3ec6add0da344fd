/** Every request is checked at the boundary before it reaches a handler. */
import type { ApiMethod, ApiRequest } from '../../shared/api/contract';
import type { RequestChecks } from './request-checks';
import { bad, isObject } from './request-checks';
import { DOSSIERS_REQUEST_CHECKS } from './dossiers/dossiers-request-validation';
import { TERRITORY_REQUEST_CHECKS } from './territory/territory-request-validation';
import { REVIEW_REQUEST_CHECKS } from './review/review-request-validation';
import { IMPORT_REQUEST_CHECKS } from './import/import-request-validation';
import { validateCommitteeRequest } from './committee/committee-request-validation';
import { validateExchangeRequest } from './exchange/exchange-request-validation';
import { validateExportsRequest } from './exports/exports-request-validation';
import { validateIntegrityRequest } from './integrity/integrity-request-validation';

/** The areas whose checks are an exhaustive map; the others still check in a switch of their own. */
const AREA_CHECKS: Partial<RequestChecks<ApiMethod>> = { ...DOSSIERS_REQUEST_CHECKS, ...TERRITORY_REQUEST_CHECKS, ...REVIEW_REQUEST_CHECKS, ...IMPORT_REQUEST_CHECKS };

export function validateRequest<M extends ApiMethod>(method: M, request: unknown): ApiRequest<M> {
  const req = request ?? {};
  if (!isObject(req)) throw bad('objet attendu');
  // Each area checks its own methods and ignores the others.
  AREA_CHECKS[method]?.(req);
  validateCommitteeRequest(method, req);
  validateExportsRequest(method, req);
  validateExchangeRequest(method, req);
  validateIntegrityRequest(method, req);
  return req as ApiRequest<M>;
}
