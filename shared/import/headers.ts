/** Matching a file's header row to dossier fields. */
import type { DossierFieldKey } from '../domain/dossier';
import { FIELD_DEFS, IGNORED_HEADERS, REQUIRED_FIELDS, isFieldKey } from '../domain/fields';

/**
 * Comparison key for header names: "Code Département", "code_departement", "CODE-DEPARTEMENT"
 * and "codeDepartement" all give "code departement".
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const fieldByAlias = new Map<string, DossierFieldKey>();
for (const def of FIELD_DEFS) {
  for (const name of [def.label, ...def.aliases]) fieldByAlias.set(normalizeHeader(name), def.key);
}
const ignored = new Set(IGNORED_HEADERS.map(normalizeHeader));

/** The field a header name designates on its own, if any. */
export function fieldForHeader(header: string): DossierFieldKey | null {
  return fieldByAlias.get(normalizeHeader(header)) ?? null;
}

export interface HeaderConflict {
  field: DossierFieldKey;
  /** Every header that designates the field, the one used first. */
  headers: string[];
}

export interface HeaderMatch {
  /** Every header of the file; null for columns that are not imported. */
  mapping: Record<string, DossierFieldKey | null>;
  /** Headers that match no field and are not knowingly ignored. */
  unknown: string[];
  missingRequired: DossierFieldKey[];
  conflicts: HeaderConflict[];
}

/**
 * Overrides (the user's choices in the mapping step) win over aliases; '' ignores a column.
 * A field is fed by one column only: the first claimant in file order keeps it, later ones
 * are left out and reported as conflicts rather than silently overwriting each other.
 */
export function matchHeaders(headers: string[], overrides: Record<string, DossierFieldKey | ''> = {}): HeaderMatch {
  const mapping: Record<string, DossierFieldKey | null> = {};
  const unknown: string[] = [];
  const claims = new Map<DossierFieldKey, string[]>();
  const claim = (header: string, field: DossierFieldKey) => {
    const claimants = claims.get(field);
    if (claimants) claimants.push(header);
    else claims.set(field, [header]);
  };

  const overridden = headers.filter((h) => Object.hasOwn(overrides, h));
  for (const header of overridden) {
    const choice = overrides[header];
    if (isFieldKey(choice)) claim(header, choice);
  }
  for (const header of headers) {
    if (Object.hasOwn(overrides, header)) continue;
    const field = fieldForHeader(header);
    if (field) claim(header, field);
    else if (!ignored.has(normalizeHeader(header)) && header.trim() !== '') unknown.push(header);
  }

  for (const header of headers) mapping[header] = null;
  const conflicts: HeaderConflict[] = [];
  for (const [field, claimants] of claims) {
    const [winner] = claimants;
    if (winner !== undefined) mapping[winner] = field;
    if (claimants.length > 1) conflicts.push({ field, headers: claimants });
  }

  const missingRequired = REQUIRED_FIELDS.filter((f) => !claims.has(f));
  return { mapping, unknown, missingRequired, conflicts };
}
