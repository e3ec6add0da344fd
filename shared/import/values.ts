/**
 * Coercion of raw cell values (CSV strings; numbers, booleans, dates from XLSX and JSON) into
 * field values, restoring what spreadsheets mangle (lost leading zeros, scientific notation).
 * Errors are French reasons meant to be shown after the column name and the raw value.
 */
import type { ContractType, DossierStatus, QpvStatus, StructureType } from '../domain/dossier';
import { DOSSIER_STATUSES, STATUS_LABELS } from '../domain/dossier';
import type { FieldKind } from '../domain/fields';
import { DEPARTMENTS, REGIONS, getRegion } from '../domain/geography';
import { roundCents } from '../domain/money';
import { normalizeSiret } from '../domain/siret';
import { normalizeHeader } from './headers';

// Enumerated values (statuses, yes/no, contract types…) repeat on every row: normalise each once.
const keyCache = new Map<string, string>();
function key(text: string): string {
  let folded = keyCache.get(text);
  if (folded === undefined) {
    folded = normalizeHeader(text);
    if (keyCache.size < 10_000) keyCache.set(text, folded);
  }
  return folded;
}

export type CoerceResult<T> = { value: T | null } | { error: string };

export interface KindValues {
  text: string;
  address: string;
  int: number;
  money: number;
  bool: boolean;
  date: string;
  department: string;
  region: string;
  postalCode: string;
  inseeCode: string;
  siret: string;
  status: DossierStatus;
  contractType: ContractType;
  qpv: QpvStatus;
  structureType: StructureType;
  email: string;
  phone: string;
}

type Present = string | number | boolean | Date;

// Placeholders real exports write for "no value", compared without case or accents.
const NULL_LIKE = new Set(['', 'undefined', 'null', 'non renseigne', 'non renseignee', 'non defini', 'non definie', 'n/a', '-']);
/** Longer strings cannot be a placeholder: spares folding every long text of a large import. */
const NULL_LIKE_MAX_LENGTH = 32;

function fold(s: string): string {
  return s.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ');
}

export function isNullLike(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'number') return Number.isNaN(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime());
  if (typeof raw !== 'string' || raw.length > NULL_LIKE_MAX_LENGTH) return false;
  // Every placeholder starts with u, n or - (or is blank): most values are ruled out without folding.
  const first = raw.trimStart().charAt(0).toLowerCase();
  return (first === '' || first === 'u' || first === 'n' || first === '-') && NULL_LIKE.has(fold(raw));
}

/** A raw value as quoted in messages: on one line and not too long. */
export function describeRaw(raw: unknown): string {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'date invalide' : raw.toISOString();
  const text = String(raw).replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const ok = <T>(value: T): CoerceResult<T> => ({ value });
const fail = <T>(error: string): CoerceResult<T> => ({ error });
const SPACES = /[\s\u00a0\u202f]/g;

function asText(raw: Present): string {
  if (typeof raw === 'boolean') return raw ? 'Oui' : 'Non';
  if (raw instanceof Date) return toIsoDate(raw) ?? '';
  return String(raw).replace(/\r\n?/g, '\n').trim();
}

// Whole numbers as typed ("3", "3,0", "1 000") or stored as floats (3.0).
function parseWhole(raw: Present): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const m = /^(-?\d+)(?:[.,]0+)?$/.exec(raw.replace(SPACES, ''));
  return m ? Number(m[1]) : null;
}

function parseAmount(raw: Present): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  let s = raw.replace(SPACES, '').replace(/['’]/g, '').replace(/^€|(€|eur|euros)$/gi, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both separators: the last one is the decimal mark ("1.234,56", "1,234.56").
    const thousands = lastComma > lastDot ? '.' : ',';
    s = s.split(thousands).join('').replace(',', '.');
  } else if ((s.match(/[.,]/g) ?? []).length > 1) {
    s = s.replace(/[.,]/g, '');
  } else {
    s = s.replace(',', '.');
  }
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

// Codes with leading zeros ("06", "06420"): a number cell keeps all but the first zero.
function padCode(raw: Present, length: number, maxLength = length): string | null {
  const whole = parseWhole(raw);
  const digits = whole !== null && whole >= 0 ? String(whole) : typeof raw === 'string' ? raw.replace(SPACES, '') : '';
  return /^\d+$/.test(digits) && digits.length >= length - 1 && digits.length <= maxLength ? digits.padStart(length, '0') : null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function parisParts(date: Date) {
  const parts = PARIS.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day'), midnight: part('hour') + part('minute') + part('second') === 0 };
}

/**
 * The calendar day of a date value. Spreadsheet readers give wall-clock times as if they were
 * UTC, so the UTC day is the one the cell showed; but the platform stores days as Paris
 * midnight (22:00 or 23:00 UTC the day before), which is recognised and read in Paris time.
 * `instant` marks timestamps with an explicit offset, always read in Paris time.
 */
function toIsoDate(date: Date, instant = false): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const paris = parisParts(date);
  if (instant || (paris.midnight && date.getUTCMilliseconds() === 0)) return iso(paris.y, paris.m, paris.d);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// Serial days since 1899-12-30 (Excel's 1900 date system), limited to 1970–2099.
const SERIAL_MIN = 25569;
const SERIAL_MAX = 73050;

function fromSerial(serial: number): CoerceResult<string> {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return fail('date non reconnue (JJ/MM/AAAA attendu)');
  return ok(toIsoDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000)));
}

function coerceDate(raw: Present): CoerceResult<string> {
  if (raw instanceof Date) return ok(toIsoDate(raw));
  if (typeof raw === 'number') return fromSerial(raw);
  if (typeof raw !== 'string') return fail('date attendue');
  const s = raw.trim();
  let ymd: [number, number, number] | null = null;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (fr) {
    const year = Number(fr[3]);
    ymd = [fr[3]?.length === 2 ? 2000 + year : year, Number(fr[2]), Number(fr[1])];
  } else if (isoMatch?.[5]) {
    return isRealDate(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]))
      ? ok(toIsoDate(new Date(s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')), true))
      : fail('date inexistante');
  } else if (isoMatch) {
    ymd = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
  } else if (/^\d{5}$/.test(s)) {
    return fromSerial(Number(s));
  }
  if (!ymd) return fail('date non reconnue (JJ/MM/AAAA attendu)');
  return isRealDate(...ymd) ? ok(iso(...ymd)) : fail('date inexistante');
}

function lookup<T>(entries: [T, string[]][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, names] of entries) for (const name of names) map.set(key(name), value);
  return map;
}

const STATUSES = lookup<DossierStatus>([
  ...DOSSIER_STATUSES.map((s): [DossierStatus, string[]] => [s, [s, STATUS_LABELS[s]]]),
  ['CREEE', ['Créée', 'Non traité', 'Nouvelle', 'Nouveau']],
  ['VALIDATION_COSELEC', ['Validée', 'Validé']],
  ['REFUS_COSELEC', ['Refusée', 'Refusé', 'Refus']],
  ['EXAMEN_COMPLEMENTAIRE_COSELEC', ['Examen complémentaire COSELEC']],
  ['ABANDON', ['Abandonnée', 'Abandonné']],
  ['ANNULEE', ['Annulé']],
]);

const CONTRACTS = lookup<ContractType>([
  ['CDI', ['CDI', 'Contrat à durée indéterminée']],
  ['CDD', ['CDD', 'Contrat à durée déterminée']],
  ['CONTRAT_PROJET', ['CONTRAT_PROJET', 'Contrat de projet', 'Contrat projet', 'CDI de chantier ou d’opération', 'CDI de chantier']],
  ['CUI', ['CUI', 'PEC', 'CUI-CAE', 'CUI-CIE', 'CAE', 'CIE', 'CUI-PEC', 'PEC-CAE', 'PEC-CIE', 'CUI-CAE/PEC', 'CUI-CIE/PEC', 'CUI (CAE/CIE – PEC)', 'Parcours emploi compétences', 'Contrat unique d’insertion']],
]);

const QPV = lookup<QpvStatus>([
  ['OUI', ['Oui', 'Yes', 'True', 'Vrai', '1', 'x']],
  ['NON', ['Non', 'No', 'False', 'Faux', '0']],
  ['SANS_OBJET', ['Sans objet', 'SANS_OBJET', 'SO']],
]);

const STRUCTURE_TYPES = lookup<StructureType>([
  ['PRIVEE', ['Privée', 'Privé', 'PRIVATE', 'Structure privée', 'Droit privé']],
  ['PUBLIQUE', ['Publique', 'Public', 'Structure publique', 'Droit public']],
]);

const BOOLEANS = lookup<boolean>([
  [true, ['Oui', 'Yes', 'True', 'Vrai', '1', 'x']],
  [false, ['Non', 'No', 'False', 'Faux', '0']],
]);

const DEPARTMENT_NAMES = lookup(DEPARTMENTS.map((d): [string, string[]] => [d.code, [d.name]]));
const REGION_NAMES = lookup(REGIONS.map((r): [string, string[]] => [r.code, [r.name]]));

function fromList<T>(map: Map<string, T>, error: string) {
  return (raw: Present): CoerceResult<T> => {
    const found = map.get(key(typeof raw === 'string' ? raw : String(raw)));
    return found === undefined ? fail(error) : ok(found);
  };
}

// "06 - Alpes-Maritimes", "84 Auvergne-Rhône-Alpes": a code followed by the name.
const LEADING_CODE = /^(\d{1,3}|2[ab])(?:\s*[-–—:]\s*|\s+)\p{L}/iu;

/** Shape only: whether the code is one of the 101 departments is validateRecord's business. */
function coerceDepartment(raw: Present): CoerceResult<string> {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (typeof text === 'string') {
    if (/^2[ab]$/i.test(text)) return ok(text.toUpperCase());
    const leading = LEADING_CODE.exec(text)?.[1];
    if (leading) return coerceDepartment(leading);
    const byName = DEPARTMENT_NAMES.get(key(text));
    if (byName) return ok(byName);
  }
  const code = padCode(text, 2, 3);
  return code ? ok(code) : fail('code département non reconnu');
}

function coerceRegion(raw: Present): CoerceResult<string> {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  const leading = typeof text === 'string' ? LEADING_CODE.exec(text)?.[1] : undefined;
  const code = padCode(leading ?? text, 2) ?? (typeof text === 'string' ? REGION_NAMES.get(key(text)) : undefined);
  return code && getRegion(code) ? ok(code) : fail('code région inconnu');
}

function coerceInsee(raw: Present): CoerceResult<string> {
  if (typeof raw === 'string' && /^2[ab]\d{3}$/i.test(raw.trim())) return ok(raw.trim().toUpperCase());
  const code = padCode(raw, 5);
  return code ? ok(code) : fail('code commune INSEE à 5 caractères attendu');
}

function coerceSiret(raw: Present): CoerceResult<string> {
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail('SIRET attendu');
  const digits = normalizeSiret(raw);
  if (digits !== null) return ok(digits);
  return typeof raw === 'string' && /e\+?\d/i.test(raw)
    ? fail('SIRET arrondi par le tableur (notation scientifique) : chiffres perdus')
    : fail('SIRET non numérique');
}

function coercePhone(raw: Present): CoerceResult<string> {
  const s = typeof raw === 'number' ? String(parseWhole(raw) ?? raw) : String(raw).replace(/[\s\u00a0\u202f.\-()/]/g, '');
  if (/^(\+|00)\d{8,14}$/.test(s)) return ok(s.replace(/^00/, '+'));
  if (/^0\d{9}$/.test(s)) return ok(s);
  // A number cell drops the leading 0 of "06 12 34 56 78".
  if (/^[1-9]\d{8}$/.test(s)) return ok(`0${s}`);
  return fail('numéro de téléphone invalide');
}

function coerceEmail(raw: Present): CoerceResult<string> {
  const s = asText(raw).replace(/^mailto:/i, '');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? ok(s) : fail('adresse email invalide');
}

function coerceInt(raw: Present): CoerceResult<number> {
  const n = typeof raw === 'boolean' ? null : parseWhole(raw);
  return n !== null && n >= 0 && Number.isSafeInteger(n) ? ok(n) : fail('nombre entier positif ou nul attendu');
}

function coerceMoney(raw: Present): CoerceResult<number> {
  const n = typeof raw === 'boolean' ? null : parseAmount(raw);
  return n !== null && n >= 0 ? ok(roundCents(n)) : fail('montant positif en euros attendu');
}

const COERCERS: { [K in FieldKind]: (raw: Present) => CoerceResult<KindValues[K]> } = {
  text: (raw) => ok(asText(raw)),
  address: (raw) => ok(asText(raw).split('\n').map((line) => line.trim()).filter(Boolean).join('\n')),
  int: coerceInt,
  money: coerceMoney,
  bool: (raw) => (typeof raw === 'boolean' ? ok(raw) : fromList(BOOLEANS, 'Oui ou Non attendu')(raw)),
  date: coerceDate,
  department: coerceDepartment,
  region: coerceRegion,
  postalCode: (raw) => {
    const code = padCode(raw, 5);
    return code ? ok(code) : fail('code postal à 5 chiffres attendu');
  },
  inseeCode: coerceInsee,
  siret: coerceSiret,
  status: fromList(STATUSES, 'statut inconnu'),
  contractType: fromList(CONTRACTS, 'type de contrat inconnu (CDI, CDD, contrat de projet ou CUI/PEC attendu)'),
  qpv: (raw) => fromList(QPV, 'Oui, Non ou Sans objet attendu')(typeof raw === 'boolean' ? (raw ? 'Oui' : 'Non') : raw),
  structureType: fromList(STRUCTURE_TYPES, 'Privée ou Publique attendu'),
  email: coerceEmail,
  phone: coercePhone,
};

/** { value: null } for empty cells and the placeholders exports write instead of nothing. */
export function coerceValue<K extends FieldKind>(kind: K, raw: unknown): CoerceResult<KindValues[K]> {
  if (isNullLike(raw)) return ok(null);
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean' && !(raw instanceof Date)) {
    return fail('valeur illisible');
  }
  const value = COERCERS[kind](raw);
  // A text cell holding only spaces is empty too.
  return 'value' in value && value.value === '' ? ok(null) : value;
}
