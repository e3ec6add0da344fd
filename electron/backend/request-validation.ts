/** Every request is checked at the boundary before it reaches a handler. */
import type { ApiMethod, ApiRequest } from '../../shared/api/contract';
import { bad, isObject, numberOrNull, optionalInteger, optionalString, optionalStringArray } from './request-checks';
import { validateCommitteeRequest } from './committee/committee-request-validation';
import { validateExchangeRequest } from './exchange/exchange-request-validation';
import { validateExportsRequest } from './exports/exports-request-validation';
import { validateImportRequest } from './import/import-request-validation';
import { validateIntegrityRequest } from './integrity/integrity-request-validation';
import { validateReviewRequest } from './review/review-request-validation';

export function validateRequest<M extends ApiMethod>(method: M, request: unknown): ApiRequest<M> {
  const req = request ?? {};
  if (!isObject(req)) throw bad('objet attendu');
  switch (method) {
    case 'dossiers:list':
    case 'dossiers:facets':
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
      break;
    case 'dossiers:get':
      if (typeof req.id !== 'number' || !Number.isInteger(req.id) || req.id < 1) throw bad('« id » doit être un entier positif');
      break;
    case 'import:preview':
      if (typeof req.fileName !== 'string' || req.fileName.length === 0) throw bad('nom de fichier manquant');
      if (!(req.data instanceof Uint8Array)) throw bad('contenu du fichier manquant');
      optionalString(req, 'sheet');
      if (req.mapping !== undefined && (!isObject(req.mapping) || Object.values(req.mapping).some((v) => typeof v !== 'string'))) throw bad('correspondance des colonnes invalide');
      break;
    case 'import:commit':
      if (typeof req.token !== 'string') throw bad('jeton d’aperçu manquant');
      break;
    case 'demo:generate':
      optionalInteger(req, 'count', 1, 200_000);
      if (req.count === undefined) throw bad('« count » manquant');
      break;
    case 'targets:distribute':
      // Whole numbers and their bounds are the distribution's rules (a French VALIDATION message).
      numberOrNull(req, 'total', false);
      numberOrNull(req, 'floor', false);
      if (req.total === null || req.floor === null) throw bad('« total » et « floor » doivent être des nombres');
      optionalString(req, 'key');
      break;
    case 'territory:checks':
    case 'territory:exportChecks':
      if (req.tolerancePercent !== undefined && (typeof req.tolerancePercent !== 'number' || !Number.isFinite(req.tolerancePercent) || req.tolerancePercent < 0 || req.tolerancePercent > 1000)) {
        throw bad('« tolerancePercent » doit être un nombre de 0 à 1 000');
      }
      if (method === 'territory:exportChecks' && req.format !== 'csv' && req.format !== 'xlsx') throw bad('« format » doit valoir « csv » ou « xlsx »');
      break;
    case 'targets:importAgreed':
      if (typeof req.fileName !== 'string' || req.fileName.length === 0) throw bad('nom de fichier manquant');
      if (!(req.data instanceof Uint8Array)) throw bad('contenu du fichier manquant');
      optionalString(req, 'sheet');
      if (req.commit !== undefined && typeof req.commit !== 'boolean') throw bad('« commit » doit valoir true ou false');
      break;
    default:
      // Each area checks its own methods and ignores the others.
      validateReviewRequest(method, req);
      validateCommitteeRequest(method, req);
      validateExportsRequest(method, req);
      validateExchangeRequest(method, req);
      validateImportRequest(method, req);
      validateIntegrityRequest(method, req);
      break;
  }
  return req;
}
