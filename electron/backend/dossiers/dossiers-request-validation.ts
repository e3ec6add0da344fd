/** Shapes of the dossiers methods' requests (each throws BAD_REQUEST with a French reason). */
import type { DossiersMethod } from '../../../shared/api/dossiers-contract';
import { bad, dossierFilterFields, isObject, NO_CHECK, optionalInteger, type RequestChecks } from '../request-checks';

function dossierFilter(req: Record<string, unknown>): void {
  dossierFilterFields(req);
  optionalInteger(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  optionalInteger(req, 'limit', 1, 500);
  if (req.sort !== undefined && (!isObject(req.sort) || typeof req.sort.column !== 'string' || !['asc', 'desc'].includes(req.sort.direction as string))) throw bad('tri invalide');
}

export const DOSSIERS_REQUEST_CHECKS: RequestChecks<DossiersMethod> = {
  'app:info': NO_CHECK,
  'dossiers:list': dossierFilter,
  'dossiers:facets': dossierFilter,
  'dossiers:get': (req) => {
    if (typeof req.id !== 'number' || !Number.isInteger(req.id) || req.id < 1) throw bad('« id » doit être un entier positif');
  },
  'demo:generate': (req) => {
    optionalInteger(req, 'count', 1, 200_000);
    if (req.count === undefined) throw bad('« count » manquant');
  },
};
