/** Shape checks shared by the request validators: each throws BAD_REQUEST with a French reason. */
import { ApiError, type ApiMethod } from '../../shared/api/contract';

export const bad = (message: string) => new ApiError('BAD_REQUEST', `Requête invalide : ${message}.`);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalStringArray(req: Record<string, unknown>, key: string): void {
  const value = req[key];
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw bad(`« ${key} » doit être une liste de textes`);
}

export function optionalInteger(req: Record<string, unknown>, key: string, min: number, max: number): void {
  const value = req[key];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw bad(`« ${key} » doit être un entier entre ${min} et ${max}`);
}

export function optionalString(req: Record<string, unknown>, key: string): void {
  if (req[key] !== undefined && typeof req[key] !== 'string') throw bad(`« ${key} » doit être un texte`);
}

export function requiredString(req: Record<string, unknown>, key: string): void {
  if (typeof req[key] !== 'string') throw bad(`« ${key} » doit être un texte`);
}

export function requiredId(req: Record<string, unknown>, key: string): void {
  const value = req[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw bad(`« ${key} » doit être un entier positif`);
}

export function idList(req: Record<string, unknown>, key: string, min: number, max: number): void {
  const value = req[key];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 1)) throw bad(`« ${key} » doit être une liste d’identifiants de dossiers`);
  if (value.length < min || value.length > max) throw bad(`« ${key} » doit compter de ${min} à ${max} dossiers`);
}

/** A number the domain rules judge (a French VALIDATION message), or null / absent when allowed. */
export function numberOrNull(req: Record<string, unknown>, key: string, required: boolean): void {
  const value = req[key];
  if (value === undefined && !required) return;
  if (value !== null && typeof value !== 'number') throw bad(`« ${key} » doit être un nombre`);
}

/** An area's request checks, one per method (exhaustive: a new method does not compile without one). */
export type RequestChecks<M extends ApiMethod> = { [K in M]: (req: Record<string, unknown>) => void };

/** For methods without parameters to check (beyond the request being an object). */
export const NO_CHECK = (_req: Record<string, unknown>): void => undefined;

/** The fields of the dossier list's filter (DossierFilter), wherever a request carries one. */
export function dossierFilterFields(filter: Record<string, unknown>): void {
  for (const key of ['departments', 'regions', 'statuses', 'contractTypes', 'legalForms', 'opinions']) optionalStringArray(filter, key);
  optionalString(filter, 'warning');
  optionalString(filter, 'search');
  optionalInteger(filter, 'reviewerId', 1, Number.MAX_SAFE_INTEGER);
  if (filter.reviewed !== undefined && filter.reviewed !== 'yes' && filter.reviewed !== 'no') throw bad('« reviewed » doit valoir « yes » ou « no »');
  if (filter.minScore !== undefined && (typeof filter.minScore !== 'number' || !Number.isFinite(filter.minScore))) throw bad('« minScore » doit être un nombre');
}
