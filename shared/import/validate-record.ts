/**
 * One imported record → a dossier, or a rejection. Only what makes a row unusable rejects it
 * (no identifier, no valid department, an unreadable number of posts); every other problem is
 * imported with a warning so that the agent sees it instead of losing the row.
 */
import type { ImportRejection } from '../api/contract';
import type { DossierFieldKey, DossierFields, DossierStatus, DossierWarning } from '../domain/dossier';
import { FIELD_DEFS } from '../domain/fields';
import { departmentsForPostalCode, getDepartment, getRegion, isDepartmentCode } from '../domain/geography';
import { isValidSiret } from '../domain/siret';
import { coerceValue, describeRaw } from './values';

export interface RawRecord {
  /** Row number as a spreadsheet shows it (header = row 1). */
  row: number;
  /** Physical line where the record starts in a text file. */
  line: number | null;
  /** Raw values keyed by the file's header names. */
  cells: Record<string, unknown>;
}

export type RecordValidation =
  | { ok: true; row: number; line: number | null; fields: DossierFields; warnings: DossierWarning[] }
  | { ok: false; rejection: ImportRejection };

export const IMPORT_WARNING_LABELS = {
  INVALID_VALUE: 'Valeur invalide ignorée',
  SIRET_FORMAT: 'SIRET sans 14 chiffres',
  SIRET_CHECKSUM: 'SIRET à la clé de contrôle incorrecte',
  DEPARTMENT_DEDUCED: 'Département déduit de la commune',
  POSTAL_CODE_DEPARTMENT: 'Code postal hors du département',
  POSTAL_CODE_UNKNOWN: 'Code postal inconnu',
  REGION_MISMATCH: 'Région incohérente avec le département',
  POSTS_REQUESTED_MISSING: 'Nombre de conseillers souhaités manquant',
  POSTS_GRANTED_EXCEEDS: 'Postes accordés supérieurs aux postes souhaités',
  CONTACT_MISSING: 'Contact manquant',
} as const;
export type ImportWarningCode = keyof typeof IMPORT_WARNING_LABELS;

export function warningLabel(code: string): string {
  return Object.hasOwn(IMPORT_WARNING_LABELS, code) ? IMPORT_WARNING_LABELS[code as ImportWarningCode] : code;
}

/** The platform lists these with department "00" or their own code; the call covers the 101 departments only. */
const OVERSEAS_COLLECTIVITIES: Record<string, string> = {
  '975': 'Saint-Pierre-et-Miquelon',
  '977': 'Saint-Barthélemy',
  '978': 'Saint-Martin',
  '984': 'Terres australes et antarctiques françaises',
  '986': 'Wallis-et-Futuna',
  '987': 'Polynésie française',
  '988': 'Nouvelle-Calédonie',
};

// Status implied by the COSELEC flag and vice versa, for files carrying only one of them.
const VALIDATED_BY_STATUS: Partial<Record<DossierStatus, boolean>> = {
  CREEE: false,
  EXAMEN_COMPLEMENTAIRE_COSELEC: false,
  VALIDATION_COSELEC: true,
  REFUS_COSELEC: false,
};

const quote = (s: string) => `« ${s} »`;

const EMPTY_FIELDS: DossierFields = { ...(Object.fromEntries(FIELD_DEFS.map((d) => [d.key, null])) as Record<DossierFieldKey, null>), externalId: '' };

function emptyFields(): DossierFields {
  return { ...EMPTY_FIELDS };
}

/** Department of an INSEE commune code: "06088" → 06, "2A004" → 2A, "97105" → 971. */
function departmentOfInsee(code: string | null): string | null {
  if (!code) return null;
  const dept = code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
  return isDepartmentCode(dept) ? dept : null;
}

type Mapping = Record<string, DossierFieldKey | null>;

// Field → header, computed once per mapping rather than once per record of a large file.
const headersByMapping = new WeakMap<Mapping, ReadonlyMap<DossierFieldKey, string>>();
function headersOf(mapping: Mapping): ReadonlyMap<DossierFieldKey, string> {
  let headers = headersByMapping.get(mapping);
  if (!headers) {
    const byField = new Map<DossierFieldKey, string>();
    for (const [header, field] of Object.entries(mapping)) {
      if (field && !byField.has(field)) byField.set(field, header);
    }
    headers = byField;
    headersByMapping.set(mapping, headers);
  }
  return headers;
}

class RecordCheck {
  readonly fields = emptyFields();
  readonly warnings: DossierWarning[] = [];
  readonly headers: ReadonlyMap<DossierFieldKey, string>;
  readonly errors = new Map<DossierFieldKey, string>();

  constructor(
    readonly record: RawRecord,
    mapping: Mapping,
  ) {
    this.headers = headersOf(mapping);
  }

  raw(field: DossierFieldKey): unknown {
    const header = this.headers.get(field);
    return header === undefined ? undefined : this.record.cells[header];
  }

  column(field: DossierFieldKey): string {
    return quote(this.headers.get(field) ?? field);
  }

  warn(code: ImportWarningCode, field: DossierFieldKey, message: string): void {
    this.warnings.push({ code, message, field });
  }

  reject(field: DossierFieldKey | null, reason: string): RecordValidation {
    const column = field ? (this.headers.get(field) ?? null) : null;
    const externalId = this.fields.externalId === '' ? null : this.fields.externalId;
    return { ok: false, rejection: { row: this.record.row, line: this.record.line, column, reason, externalId } };
  }

  /** Coerces every mapped column; a value that does not fit is dropped, and remembered. */
  coerceAll(): void {
    const fields = this.fields as unknown as Record<DossierFieldKey, unknown>;
    for (const def of FIELD_DEFS) {
      if (!this.headers.has(def.key)) continue;
      const raw = this.raw(def.key);
      const result = coerceValue(def.kind, raw);
      if ('value' in result) {
        fields[def.key] = result.value;
        continue;
      }
      this.errors.set(def.key, result.error);
      if (def.key !== 'departmentCode' && def.key !== 'postsRequested') {
        this.warn('INVALID_VALUE', def.key, `Colonne ${this.column(def.key)} : valeur ${quote(describeRaw(raw))} ignorée (${result.error})`);
      }
    }
    if (fields.externalId === null) fields.externalId = '';
  }

  /** The department code, resolved or deduced, or the reason the row cannot be placed. */
  resolveDepartment(): { code: string } | { reason: string } {
    const f = this.fields;
    const column = this.column('departmentCode');
    const raw = this.raw('departmentCode');
    const code = f.departmentCode;
    const fromInsee = departmentOfInsee(f.communeInsee) ?? departmentOfInsee(f.communeCode);
    const fromPostal = f.postalCode ? departmentsForPostalCode(f.postalCode) : [];
    if (this.errors.has('departmentCode')) return { reason: `Colonne ${column} : département ${quote(describeRaw(raw))} inconnu` };
    if (code === null) {
      const deduced = fromInsee ?? (fromPostal.length === 1 ? fromPostal[0] : undefined);
      if (!deduced) {
        return { reason: `Département manquant (colonne ${column}) et impossible à déduire de la commune ou du code postal` };
      }
      this.warn('DEPARTMENT_DEDUCED', 'departmentCode', `Département non renseigné : ${deduced} déduit de la commune ou du code postal`);
      return { code: deduced };
    }
    if (code === '20') {
      // Corsica's pre-1976 code: the commune or the postal code tells which half.
      const corsica = [fromInsee, ...fromPostal].filter((d) => d === '2A' || d === '2B');
      const half = corsica[0];
      if (half && corsica.every((d) => d === half)) {
        this.warn('DEPARTMENT_DEDUCED', 'departmentCode', `Colonne ${column} : « 20 » (ancien code de la Corse) remplacé par « ${half} » d’après la commune ou le code postal`);
        return { code: half };
      }
      return { reason: `Colonne ${column} : « 20 » (ancien code de la Corse) ne dit pas s’il s’agit de la Corse-du-Sud (2A) ou de la Haute-Corse (2B), et le code postal ne permet pas de trancher` };
    }
    const collectivity = code === '00' ? this.collectivityName() : OVERSEAS_COLLECTIVITIES[code];
    if (code === '00' || collectivity) {
      const which = collectivity ? ` (${collectivity})` : '';
      return { reason: `Colonne ${column} : ${quote(code)} désigne une collectivité d’outre-mer${which}, hors des 101 départements couverts par l’appel à manifestation d’intérêt` };
    }
    if (!isDepartmentCode(code)) return { reason: `Colonne ${column} : département ${quote(code)} inconnu` };
    return { code };
  }

  private collectivityName(): string | undefined {
    const f = this.fields;
    for (const code of [f.communeInsee, f.communeCode, f.postalCode]) {
      const name = code ? OVERSEAS_COLLECTIVITIES[code.slice(0, 3)] : undefined;
      if (name) return name;
    }
    return undefined;
  }

  checkLocation(departmentCode: string): void {
    const f = this.fields;
    const department = getDepartment(departmentCode);
    f.departmentCode = departmentCode;
    if (f.regionCode !== null && f.regionCode !== department?.regionCode) {
      const expected = department ? `${department.regionCode} (${getRegion(department.regionCode)?.name ?? ''})` : '';
      this.warn('REGION_MISMATCH', 'regionCode', `Colonne ${this.column('regionCode')} : région ${quote(f.regionCode)} incohérente avec le département ${departmentCode} ; la région du département, ${expected}, est retenue`);
    }
    f.regionCode = department?.regionCode ?? null;
    if (f.postalCode === null) return;
    const departments = departmentsForPostalCode(f.postalCode);
    if (departments.length === 0) {
      this.warn('POSTAL_CODE_UNKNOWN', 'postalCode', `Colonne ${this.column('postalCode')} : code postal ${quote(f.postalCode)} inconnu (code CEDEX ou erreur de saisie ?)`);
    } else if (!departments.includes(departmentCode)) {
      this.warn('POSTAL_CODE_DEPARTMENT', 'postalCode', `Colonne ${this.column('postalCode')} : le code postal ${quote(f.postalCode)} correspond au département ${departments.join(' ou ')}, pas au ${departmentCode}`);
    }
  }

  checkSiret(): void {
    const siret = this.fields.siret;
    if (siret === null) return;
    if (siret.length !== 14) {
      this.warn('SIRET_FORMAT', 'siret', `Colonne ${this.column('siret')} : le SIRET ${quote(siret)} n’a pas 14 chiffres (${siret.length})`);
    } else if (!isValidSiret(siret)) {
      this.warn('SIRET_CHECKSUM', 'siret', `Colonne ${this.column('siret')} : le SIRET ${quote(siret)} a une clé de contrôle incorrecte (erreur de saisie probable)`);
    }
  }

  checkPosts(): void {
    const f = this.fields;
    if (f.postsRequested === null) {
      f.postsRequested = 0;
      this.warn('POSTS_REQUESTED_MISSING', 'postsRequested', `Colonne ${this.column('postsRequested')} : nombre de conseillers souhaités non renseigné, 0 retenu`);
    }
    if (f.postsGranted !== null && f.postsGranted > f.postsRequested) {
      this.warn('POSTS_GRANTED_EXCEEDS', 'postsGranted', `${f.postsGranted} poste(s) accordé(s) pour ${f.postsRequested} souhaité(s)`);
    }
  }

  /** Only for contact columns the file has: a file without them says nothing about the structure. */
  checkContacts(): void {
    const contacts = [
      ['phone', 'Téléphone non renseigné'],
      ['email', 'Email non renseigné'],
    ] as const;
    for (const [field, message] of contacts) {
      if (!this.headers.has(field) || this.fields[field] !== null || this.errors.has(field)) continue;
      const raw = this.raw(field);
      const placeholder = typeof raw === 'string' && raw.trim() !== '' ? ` (${quote(raw.trim())} dans le fichier)` : '';
      this.warn('CONTACT_MISSING', field, `${message}${placeholder}`);
    }
  }

  fillStatus(): void {
    const f = this.fields;
    f.status ??= f.coselecValidated ? 'VALIDATION_COSELEC' : 'CREEE';
    f.coselecValidated ??= VALIDATED_BY_STATUS[f.status] ?? null;
  }
}

export function validateRecord(record: RawRecord, mapping: Record<string, DossierFieldKey | null>): RecordValidation {
  const check = new RecordCheck(record, mapping);
  check.coerceAll();
  if (check.fields.externalId === '') {
    return check.reject('externalId', `Identifiant manquant (colonne ${check.column('externalId')}) : la ligne ne peut être rattachée à aucun dossier`);
  }
  const postsError = check.errors.get('postsRequested');
  if (postsError) {
    const raw = describeRaw(check.raw('postsRequested'));
    return check.reject('postsRequested', `Colonne ${check.column('postsRequested')} : ${quote(raw)} n’est pas un nombre de conseillers valide (${postsError})`);
  }
  const department = check.resolveDepartment();
  if ('reason' in department) return check.reject('departmentCode', department.reason);
  check.checkLocation(department.code);
  check.checkSiret();
  check.checkPosts();
  check.checkContacts();
  check.fillStatus();
  return { ok: true, row: record.row, line: record.line, fields: check.fields, warnings: check.warnings };
}
