/**
 * Reading a filled department workbook (2021 shape, as Excel or LibreOffice saved it) into
 * opinions, row by row. A row with any problem (unknown identifier, invalid opinion, comment too
 * short or too long, posts above those requested, …) is reported with its sheet, row and column
 * and left out; the valid rows are recorded together (exchange-service.ts). Each row also gives
 * the opinion version it was made from and the workbook's export id (hidden columns; absent from a
 * 2021 workbook, whose rows are then read as made from « no opinion »).
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { ApiError } from '../../../shared/api/contract';
import { WORKBOOK_COLUMNS, WORKBOOK_OPINIONS, type WorkbookColumn, type WorkbookIssue } from '../../../shared/domain/exchange';
import { COMMENT_MAX, COMMENT_MIN, OPINION_KINDS, type OpinionKind } from '../../../shared/domain/review';
import { validateOpinion } from '../../../shared/domain/review-rules';
import { normalizeHeader } from '../../../shared/import/headers';
import { frenchNumber } from '../../../shared/domain/french-format';
import type { DbReader } from '../review/db-reader';
import type { Scope } from '../access/scope';
import { cellToPrimitive, type CellPrimitive } from '../import/read-xlsx';
import { canonicalJson, sha256Hex } from './package-format';

/** A row that passed every check: what it asks to record. */
export interface WorkbookRow {
  sheet: string;
  row: number;
  externalId: string;
  dossierId: number;
  name: string | null;
  departmentCode: string;
  opinion: OpinionKind;
  postsSupported: number;
  comment: string;
  duplicateOf: string | null;
  duplicateOfId: number | null;
  /** The version the row was made from: its uid and number, null when there was none (or no such column). */
  baseUid: string | null;
  baseVersion: number | null;
  exportId: string | null;
  /** The row's own uid (content, base and export id): the same row read again is recognised. */
  uid: string;
}

export interface ReadWorkbook {
  sheets: string[];
  rows: WorkbookRow[];
  errors: WorkbookIssue[];
  /** Rows with an identifier. */
  total: number;
  empty: number;
  rejected: number;
}

interface DossierRef {
  id: number;
  external_id: string;
  name: string | null;
  department_code: string;
  posts_requested: number;
}

const quoted = (s: string) => `« ${s} »`;
const charCount = (s: string) => [...s].length;

const HEADER_KEYS = new Map<string, WorkbookColumn>(Object.entries(WORKBOOK_COLUMNS).map(([key, label]) => [normalizeHeader(label), key as WorkbookColumn]));
/** Shorter or older wordings of the columns the import reads. */
const HEADER_PREFIXES: [string, WorkbookColumn][] = [
  ['commentaire', 'comment'],
  ['nombre de conseillers soutenus', 'postsSupported'],
  ['doublon de', 'duplicateOf'],
  ['identifiant', 'externalId'],
  ['avis prefecture', 'opinion'],
  ['avis prefet', 'opinion'],
];

const OPINION_WORDS = new Map<string, OpinionKind>([
  ...Object.entries(WORKBOOK_OPINIONS).map(([kind, label]) => [normalizeHeader(label), kind as OpinionKind] as const),
  ...OPINION_KINDS.map((kind) => [normalizeHeader(kind), kind] as const),
  ['avis favorable', 'FAVORABLE'],
  ['avis defavorable', 'DEFAVORABLE'],
]);

function columnKey(header: string): WorkbookColumn | null {
  const normal = normalizeHeader(header);
  if (normal === '') return null;
  const exact = HEADER_KEYS.get(normal);
  if (exact) return exact;
  return HEADER_PREFIXES.find(([prefix]) => normal.startsWith(prefix))?.[1] ?? null;
}

const text = (value: CellPrimitive): string => {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
};

/** Header row (within the first rows) and where each column the import knows sits. */
function findColumns(sheet: Worksheet): { headerRow: number; columns: Map<WorkbookColumn, number> } | null {
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const columns = new Map<WorkbookColumn, number>();
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const key = columnKey(text(cellToPrimitive(cell.value)));
      if (key && !columns.has(key)) columns.set(key, col);
    });
    if (columns.has('externalId')) return { headerRow: r, columns };
  }
  return null;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function loadWorkbook(fileName: string, data: Uint8Array): Promise<ExcelJS.Workbook> {
  if (!(data[0] === 0x50 && data[1] === 0x4b)) {
    throw new ApiError('WORKBOOK_FORMAT', `Le fichier ${quoted(fileName)} n’est pas un classeur Excel (.xlsx) : enregistrez-le au format « Classeur Excel 2007-365 (.xlsx) » puis recommencez. Rien n’a été importé.`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ApiError('WORKBOOK_UNREADABLE', `Le classeur ${quoted(fileName)} est endommagé ou incomplet et ne peut pas être lu : ouvrez-le, enregistrez-le de nouveau puis recommencez. Rien n’a été importé.`);
  }
  return workbook;
}

class SheetReader {
  constructor(
    private readonly result: ReadWorkbook,
    private readonly sheet: Worksheet,
    private readonly columns: Map<WorkbookColumn, number>,
    private readonly dossiers: Map<string, DossierRef>,
    private readonly scope: Scope,
    private readonly seen: Map<string, string>,
  ) {}

  private where(key: WorkbookColumn): string {
    const col = this.columns.get(key);
    return col === undefined ? WORKBOOK_COLUMNS[key] : `${WORKBOOK_COLUMNS[key]} (${columnLetter(col)})`;
  }

  private cell(r: number, key: WorkbookColumn): CellPrimitive {
    const col = this.columns.get(key);
    return col === undefined ? null : cellToPrimitive(this.sheet.getRow(r).getCell(col).value);
  }

  read(r: number): void {
    const issues: WorkbookIssue[] = [];
    const issue = (key: WorkbookColumn | null, reason: string, externalId: string | null) =>
      issues.push({ sheet: this.sheet.name, row: r, column: key ? this.where(key) : null, externalId, reason });
    const externalId = text(this.cell(r, 'externalId'));
    const opinionText = text(this.cell(r, 'opinion'));
    const postsRaw = this.cell(r, 'postsSupported');
    const comment = text(this.cell(r, 'comment'));
    const duplicateOf = text(this.cell(r, 'duplicateOf')) || null;
    const filled = opinionText !== '' || text(postsRaw) !== '' || comment !== '' || duplicateOf !== null;
    if (externalId === '') {
      if (filled) {
        issue('externalId', 'Identifiant structure manquant : l’avis de cette ligne ne peut être rattaché à aucun dossier.', null);
        this.finish(issues);
      }
      return;
    }
    this.result.total++;
    const dossier = this.dossiers.get(externalId);
    if (!dossier) {
      issue('externalId', `Identifiant ${quoted(externalId)} inconnu dans cette base : ligne non importée.`, externalId);
      return this.finish(issues);
    }
    const firstSeen = this.seen.get(externalId);
    if (firstSeen) {
      issue('externalId', `Identifiant ${quoted(externalId)} en double (déjà ${firstSeen}) : seule la première ligne est lue.`, externalId);
      return this.finish(issues);
    }
    this.seen.set(externalId, `ligne ${r} de la feuille ${quoted(this.sheet.name)}`);
    if (!filled) {
      this.result.empty++;
      return;
    }
    if (!this.scope.allows(dossier.department_code)) {
      issue('externalId', `Le dossier ${quoted(externalId)} relève du département ${dossier.department_code}, hors de votre périmètre (${this.scope.describe()}).`, externalId);
      return this.finish(issues);
    }

    const opinion = OPINION_WORDS.get(normalizeHeader(opinionText));
    if (opinionText === '') issue('opinion', 'Avis manquant : choisissez Favorable, Défavorable, Examen complémentaire ou Doublon.', externalId);
    else if (!opinion) issue('opinion', `Avis ${quoted(opinionText)} invalide : choisissez Favorable, Défavorable, Examen complémentaire ou Doublon.`, externalId);

    let posts = opinion === 'FAVORABLE' ? dossier.posts_requested : 0;
    const postsText = text(postsRaw);
    if (postsText !== '') {
      const value = typeof postsRaw === 'number' ? postsRaw : Number(postsText.replace(',', '.'));
      if (!Number.isInteger(value) || value < 0) issue('postsSupported', `${quoted(postsText)} n’est pas un nombre entier de conseillers (positif ou nul).`, externalId);
      else if (value > dossier.posts_requested) issue('postsSupported', `${value} conseiller(s) soutenu(s) pour ${dossier.posts_requested} demandé(s) : le nombre soutenu ne peut pas dépasser le nombre demandé.`, externalId);
      else posts = value;
    }

    const length = charCount(comment);
    if (length === 0) issue('comment', `Commentaire manquant : l’avis se justifie en ${COMMENT_MIN} à ${frenchNumber(COMMENT_MAX)} caractères.`, externalId);
    else if (length < COMMENT_MIN) issue('comment', `Commentaire trop court (${length} caractère${length > 1 ? 's' : ''}) : l’avis se justifie en ${COMMENT_MIN} caractères au moins.`, externalId);
    else if (length > COMMENT_MAX) issue('comment', `Commentaire trop long (${frenchNumber(length)} caractères) : ${frenchNumber(COMMENT_MAX)} au plus.`, externalId);

    let duplicateOfId: number | null = null;
    if (opinion === 'DOUBLON') {
      const original = duplicateOf ? this.dossiers.get(duplicateOf) : undefined;
      if (!duplicateOf) issue('duplicateOf', 'Avis « Doublon » : indiquez l’identifiant du dossier d’origine.', externalId);
      else if (!original) issue('duplicateOf', `Identifiant ${quoted(duplicateOf)} inconnu dans cette base.`, externalId);
      else if (original.id === dossier.id) issue('duplicateOf', 'Un dossier ne peut pas être le doublon de lui-même.', externalId);
      else if (!this.scope.allows(original.department_code)) issue('duplicateOf', `Le dossier ${quoted(duplicateOf)} relève du département ${original.department_code}, hors de votre périmètre.`, externalId);
      else duplicateOfId = original.id;
    } else if (duplicateOf !== null && opinion) {
      issue('duplicateOf', 'Le dossier d’origine ne s’indique que pour un avis « Doublon ».', externalId);
    }

    if (issues.length === 0 && opinion) {
      // The domain rules have the last word (the same as for an opinion given in the app).
      const errors = validateOpinion({ dossierId: dossier.id, opinion, postsSupported: posts, comment, duplicateOfId, transferFromId: null, transferPosts: null }, dossier.posts_requested);
      for (const reason of errors) issue(null, reason, externalId);
      if (errors.length === 0) {
        const baseUid = text(this.cell(r, 'baseUid')) || null;
        const baseNumber = this.cell(r, 'baseVersion');
        const baseVersion = baseUid !== null && typeof baseNumber === 'number' && Number.isInteger(baseNumber) ? baseNumber : null;
        const exportId = text(this.cell(r, 'exportId')) || null;
        const uid = sha256Hex(canonicalJson({ d: externalId, w: exportId, b: baseUid, o: opinion, p: posts, c: comment, dup: duplicateOf }));
        this.result.rows.push({ sheet: this.sheet.name, row: r, externalId, dossierId: dossier.id, name: dossier.name, departmentCode: dossier.department_code, opinion, postsSupported: posts, comment, duplicateOf, duplicateOfId, baseUid, baseVersion, exportId, uid });
        return;
      }
    }
    this.finish(issues);
  }

  private finish(issues: WorkbookIssue[]): void {
    this.result.errors.push(...issues);
    this.result.rejected++;
  }
}

export async function readWorkbook(db: DbReader, scope: Scope, fileName: string, data: Uint8Array): Promise<ReadWorkbook> {
  const workbook = await loadWorkbook(fileName, data);
  const found = workbook.worksheets.flatMap((sheet) => {
    const located = findColumns(sheet);
    return located ? [{ sheet, ...located }] : [];
  });
  if (found.length === 0) {
    throw new ApiError('WORKBOOK_FORMAT', `Le classeur ${quoted(fileName)} n’a aucune feuille avec la colonne ${quoted(WORKBOOK_COLUMNS.externalId)} : ce n’est pas un classeur départemental d’avis. Rien n’a été importé.`);
  }
  const withoutOpinion = found.find((f) => !f.columns.has('opinion'));
  if (withoutOpinion) {
    throw new ApiError('WORKBOOK_FORMAT', `La feuille ${quoted(withoutOpinion.sheet.name)} du classeur ${quoted(fileName)} n’a pas de colonne ${quoted(WORKBOOK_COLUMNS.opinion)}. Rien n’a été importé.`);
  }
  const dossiers = new Map(db.all<DossierRef>('SELECT id, external_id, name, department_code, posts_requested FROM dossiers').map((d) => [d.external_id, d]));
  const result: ReadWorkbook = { sheets: found.map((f) => f.sheet.name), rows: [], errors: [], total: 0, empty: 0, rejected: 0 };
  const seen = new Map<string, string>();
  for (const { sheet, headerRow, columns } of found) {
    const reader = new SheetReader(result, sheet, columns, dossiers, scope, seen);
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) reader.read(r);
  }
  return result;
}
