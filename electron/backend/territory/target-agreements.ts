/**
 * Agreed numbers of posts per department (« accord préalable de principe : N conseillers »)
 * imported from a CSV or XLSX file: every row is checked first; one error and nothing is written.
 */
import { createHash } from 'node:crypto';
import { ApiError, type AgreedTargetIssue, type AgreedTargetRow, type AgreedTargetsPreview, type TargetVersion } from '../../../shared/api/contract';
import { DEPARTMENTS, getDepartment } from '../../../shared/domain/geography';
import type { UserProfile } from '../../../shared/domain/review';
import { normalizeHeader } from '../../../shared/import/headers';
import { coerceValue, describeRaw, isNullLike } from '../../../shared/import/values';
import type { Store } from '../db/store';
import { ImportFileError, quoted } from '../import/import-file-error';
import { readImportFile, type RawTable } from '../import/read-file';
import { TARGET_MAX } from '../review/totals';
import { currentTargets } from './territory-stats';

/** Words that designate each column, compared word by word after normalizeHeader. */
const NAME_WORDS = new Set(['nom', 'libelle', 'intitule']);
const DEPARTMENT_WORDS = new Set(['departement', 'departements', 'dep', 'dept', 'dpt', 'code']);
const TARGET_WORDS = new Set(['accord', 'accords', 'nombre', 'nb', 'objectif', 'objectifs', 'postes', 'poste', 'conseillers', 'cible', 'enveloppe', 'dotation', 'quota']);

type Role = 'department' | 'name' | 'target';

function roleOf(header: string): Role | null {
  const words = normalizeHeader(header).split(' ');
  if (words.some((w) => TARGET_WORDS.has(w)) && !words.includes('code')) return 'target';
  if (words.some((w) => NAME_WORDS.has(w))) return 'name';
  if (words.some((w) => DEPARTMENT_WORDS.has(w))) return 'department';
  return null;
}

interface Columns {
  department: string;
  name: string | null;
  target: string;
}

function findColumns(table: RawTable, subject: string): Columns {
  const byRole = new Map<Role, string[]>();
  for (const header of table.headers) {
    const role = roleOf(header);
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), header]);
  }
  const one = (role: Role, what: string): string | null => {
    const headers = byRole.get(role) ?? [];
    if (headers.length > 1) throw new ImportFileError(`${subject} a plusieurs colonnes pour ${what} : ${headers.map(quoted).join(', ')}. Gardez-en une seule.`);
    return headers[0] ?? null;
  };
  let department = one('department', 'le département');
  const name = one('name', 'le nom du département');
  const target = one('target', 'le nombre de postes');
  // « Département » may hold names only: the name column then is the department column.
  if (!department && name) department = name;
  const expected = 'une colonne « Département » (code, par exemple 06, 2A ou 971) et une colonne « Nombre » (le nombre de postes convenu)';
  if (!department || !target) {
    throw new ImportFileError(`${subject} doit avoir ${expected}. Colonnes trouvées : ${table.headers.map(quoted).join(', ')}.`);
  }
  return { department, name: name === department ? null : name, target };
}

/** Folds a department name for a tolerant comparison (« Bouches du Rhone » = « Bouches-du-Rhône »). */
const foldName = (text: string) => normalizeHeader(text).replace(/\bst\b/g, 'saint').replace(/\bste\b/g, 'sainte').replace(/ /g, '');

const TOTAL_ROW = /^(total|total general|totaux|france|france entiere|ensemble)$/;

type Parsed = { value: number } | { error: string };

function parseTarget(raw: unknown): Parsed {
  const shown = `« ${describeRaw(raw)} »`;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || !Number.isInteger(raw)) return { error: `${shown} n’est pas un nombre entier de postes` };
    return raw < 0 ? { error: `${shown} est négatif : un nombre de postes est positif ou nul` } : { value: raw };
  }
  const text = String(raw).replace(/[\s\u00a0\u202f]/g, '');
  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return { error: `${shown} n’est pas un nombre entier de postes` };
  if (match[3] && /[1-9]/.test(match[3])) return { error: `${shown} n’est pas un nombre entier de postes` };
  const value = Number(match[2]);
  if (match[1] === '-' && value !== 0) return { error: `${shown} est négatif : un nombre de postes est positif ou nul` };
  return { value };
}

/** « accords.xlsx », feuille « Accords », ligne 4, colonne « Nombre » : … */
function where(table: RawTable, fileName: string, row: number, column: string): string {
  const sheet = table.sheet ? `, feuille ${quoted(table.sheet)}` : '';
  return `${quoted(fileName)}${sheet}, ligne ${row}, colonne ${quoted(column)}`;
}

export interface AgreementReading {
  preview: AgreedTargetsPreview;
  fileHash: string;
}

/** Reads and checks every row; writes nothing. Throws ImportFileError for a file refused as a whole. */
export async function readAgreements(store: Store, request: { fileName: string; data: Uint8Array; sheet?: string }): Promise<AgreementReading> {
  const { fileName } = request;
  const table = await readImportFile(fileName, request.data, { sheet: request.sheet });
  const subject = table.sheet ? `La feuille ${quoted(table.sheet)} du classeur ${quoted(fileName)}` : `Le fichier ${quoted(fileName)}`;
  const columns = findColumns(table, subject);
  const previous = currentTargets(store.db);
  const errors: AgreedTargetIssue[] = table.malformed.map((m) => ({ row: m.row, column: null, message: `${quoted(fileName)}, ligne ${m.row} : ${m.reason}` }));
  const warnings: AgreedTargetIssue[] = [];
  const rows: AgreedTargetRow[] = [];
  const seen = new Map<string, number>();

  for (const { row, cells } of table.records) {
    const rawDepartment = cells[columns.department];
    const rawTarget = cells[columns.target];
    const rawName = columns.name ? cells[columns.name] : null;
    if (isNullLike(rawDepartment) && isNullLike(rawTarget) && isNullLike(rawName)) continue;
    const fail = (column: string, reason: string) => errors.push({ row, column, message: `${where(table, fileName, row, column)} : ${reason}.` });

    if (typeof rawDepartment === 'string' && TOTAL_ROW.test(normalizeHeader(rawDepartment))) {
      warnings.push({ row, column: columns.department, message: `${where(table, fileName, row, columns.department)} : ligne de total ${quoted(rawDepartment.trim())} ignorée.` });
      continue;
    }
    let code: string | null = null;
    if (isNullLike(rawDepartment)) fail(columns.department, 'département manquant');
    else {
      const coerced = coerceValue('department', rawDepartment);
      const candidate = 'value' in coerced ? coerced.value : null;
      if (candidate === '20') fail(columns.department, '« 20 » n’est plus un code de département : la Corse se divise en 2A (Corse-du-Sud) et 2B (Haute-Corse)');
      else if (!candidate || !getDepartment(candidate)) fail(columns.department, `département inconnu « ${describeRaw(rawDepartment)} » (codes attendus : 01 à 95, 2A, 2B, 971 à 976)`);
      else if (seen.has(candidate)) fail(columns.department, `le département ${candidate} figure déjà ligne ${seen.get(candidate)}`);
      else code = candidate;
    }
    let target: number | null = null;
    if (isNullLike(rawTarget)) fail(columns.target, 'nombre de postes manquant');
    else {
      const parsed = parseTarget(rawTarget);
      if ('error' in parsed) fail(columns.target, parsed.error);
      else if (parsed.value > TARGET_MAX) fail(columns.target, `${parsed.value.toLocaleString('fr-FR')} postes dépasse le maximum de ${TARGET_MAX.toLocaleString('fr-FR')} par département`);
      else target = parsed.value;
    }
    if (code === null) continue;
    seen.set(code, row);
    const department = getDepartment(code)!;
    if (columns.name && !isNullLike(rawName) && foldName(String(rawName)) !== foldName(department.name)) {
      warnings.push({ row, column: columns.name, message: `${where(table, fileName, row, columns.name)} : le nom ${quoted(String(rawName).trim())} ne correspond pas au département ${code} (${department.name}).` });
    }
    if (target !== null) rows.push({ row, departmentCode: code, departmentName: department.name, target, previous: previous.get(code) ?? null });
  }
  if (rows.length === 0 && errors.length === 0) throw new ImportFileError(`${subject} ne contient aucun nombre de postes par département.`);

  const order = new Map(DEPARTMENTS.map((d, i) => [d.code, i]));
  rows.sort((a, b) => order.get(a.departmentCode)! - order.get(b.departmentCode)!);
  return {
    preview: { fileName, sheet: table.sheet, columns, rows, errors, warnings, version: null },
    fileHash: createHash('sha256').update(request.data).digest('hex'),
  };
}

/** Checks the whole file again, then writes all its rows as one version, or throws and writes nothing. */
export async function importAgreements(store: Store, author: UserProfile, request: { fileName: string; data: Uint8Array; sheet?: string }): Promise<AgreedTargetsPreview> {
  const { preview, fileHash } = await readAgreements(store, request);
  if (preview.errors.length > 0) {
    const first = preview.errors.slice(0, 3).map((e) => e.message).join(' ');
    const more = preview.errors.length > 3 ? ` (et ${preview.errors.length - 3} autre(s))` : '';
    throw new ApiError('VALIDATION', `Aucun objectif n’a été enregistré : ${preview.errors.length} erreur(s) dans ${quoted(request.fileName)}. ${first}${more}`, { errors: preview.errors });
  }
  const at = new Date().toISOString();
  const total = preview.rows.reduce((s, r) => s + r.target, 0);
  let id = 0;
  store.write({ action: 'targets:importAgreed', user: author.name, summary: { fileName: request.fileName, fileHash, departments: preview.rows.length, total } }, (tx) => {
    tx.run('INSERT INTO target_agreements (file_name, file_hash, departments, total, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)', [request.fileName, fileHash, preview.rows.length, total, author.name, at]);
    id = tx.lastInsertId();
    for (const r of preview.rows) {
      tx.run('INSERT INTO department_targets (department_code, target, set_by, set_at, agreement_id) VALUES (?, ?, ?, ?, ?)', [r.departmentCode, r.target, author.name, at, id]);
    }
  });
  const version: TargetVersion = {
    id,
    kind: 'agreement',
    departmentCode: null,
    total,
    key: null,
    floor: null,
    setBy: author.name,
    setAt: at,
    departmentCodes: preview.rows.map((r) => r.departmentCode),
    fileName: request.fileName,
  };
  return { ...preview, version };
}
