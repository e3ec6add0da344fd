/** Every request is checked at the boundary before it reaches a handler. */
import { ApiError, type ApiMethod, type ApiRequest } from '../../shared/api/contract';

const bad = (message: string) => new ApiError('BAD_REQUEST', `Requête invalide : ${message}.`);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalStringArray(req: Record<string, unknown>, key: string): void {
  const value = req[key];
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw bad(`« ${key} » doit être une liste de textes`);
}

function optionalInteger(req: Record<string, unknown>, key: string, min: number, max: number): void {
  const value = req[key];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw bad(`« ${key} » doit être un entier entre ${min} et ${max}`);
}

function optionalString(req: Record<string, unknown>, key: string): void {
  if (req[key] !== undefined && typeof req[key] !== 'string') throw bad(`« ${key} » doit être un texte`);
}

export function validateRequest<M extends ApiMethod>(method: M, request: unknown): ApiRequest<M> {
  const req = request ?? {};
  if (!isObject(req)) throw bad('objet attendu');
  switch (method) {
    case 'dossiers:list':
    case 'dossiers:facets':
      for (const key of ['departments', 'regions', 'statuses', 'contractTypes', 'legalForms']) optionalStringArray(req, key);
      optionalString(req, 'warning');
      optionalString(req, 'search');
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
    default:
      break;
  }
  return req as ApiRequest<M>;
}
