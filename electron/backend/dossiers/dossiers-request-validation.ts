/** Shapes of the dossiers methods' requests (each throws BAD_REQUEST with a French reason). */
import type { DossiersMethod } from '../../../shared/api/dossiers-contract';
import { bad, isObject, NO_CHECK, optionalInteger, optionalString, optionalStringArray, type RequestChecks } from '../request-checks';

function dossierFilter(req: Record<string, unknown>): void {
  for (const key of ['departments', 'regions', 'statuses', 'contractTypes', 'legalForms']) optionalStringArray(req, key);
  optionalString(req, 'warning');
  optionalString(req, 'search');
  optionalStringArray(req, 'opinions');
  optionalInteger(req, 'reviewerId', 1, Number.MAX_SAFE_INTEGER);
  if (req.reviewed !== undefined && req.reviewed !== 'yes' && req.reviewed !== 'no') throw bad('« reviewed » doit valoir « yes » ou « no »');
  if (req.minScore !== undefined && (typeof req.minScore !== 'number' || !Number.isFinite(req.minScore))) throw bad('« minScore » doit être un nombre');
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
