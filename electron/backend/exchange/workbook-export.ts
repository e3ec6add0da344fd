/**
 * The department workbook in the 2021 shape, for a prefecture without the app: sheets « Liste A -
 * Structures publiques » and « Liste B - Structures privées » with the 2021 columns (plus the
 * posts supported and a duplicate's original), drop-down lists for the opinion and the OUI/NON
 * fields, locked identifier columns, and a summary sheet with the department's target and a live
 * total of the posts supported. Each row also carries, in hidden locked columns, the opinion
 * version it was made from (number and uid) and the workbook's export id: the import tells an
 * untouched row from a changed one, and a row made from a version since replaced becomes a conflict.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { DECISION_LABELS, type DecisionKind } from '../../../shared/domain/committee';
import { WORKBOOK_COLUMNS, WORKBOOK_OPINIONS, WORKBOOK_SHEETS, type WorkbookColumn } from '../../../shared/domain/exchange';
import { getDepartment } from '../../../shared/domain/geography';
import { COMMENT_MAX, COMMENT_MIN, type OpinionKind, type UserProfile } from '../../../shared/domain/review';
import { frenchNumber } from '../../../shared/domain/french-format';
import type { DbReader } from '../review/db-reader';
import { departmentTotals } from '../review/totals';
import { localOpinions } from './local-versions';

const SUMMARY_SHEET = 'Synthèse';

interface Row {
  id: number;
  external_id: string;
  siret: string | null;
  name: string | null;
  postal_code: string | null;
  commune_name: string | null;
  email: string | null;
  france_services: number | null;
  zrr: number | null;
  qpv: string | null;
  posts_requested: number;
  posts_granted: number | null;
  structure_type: string | null;
  review_opinion: OpinionKind | null;
  review_posts: number | null;
  comment: string | null;
  duplicate_of: string | null;
  decision: DecisionKind | null;
  opinion_id: number | null;
  /** Filled from localOpinions: the uid of the current version (null without opinion). */
  base_uid?: string | null;
  base_version: number | null;
}

const COLUMN_KEYS = Object.keys(WORKBOOK_COLUMNS) as WorkbookColumn[];
/** What the prefecture fills in and the import reads; every other column describes the structure. */
const INPUT_COLUMNS = new Set<WorkbookColumn>(['opinion', 'postsSupported', 'comment', 'duplicateOf']);
/** What the import compares the row with: never shown, never editable. */
const HIDDEN = new Set<WorkbookColumn>(['baseVersion', 'baseUid', 'exportId']);
/** Locked when the sheet is protected: a changed identifier could not be matched back. */
const LOCKED = new Set<WorkbookColumn>(['externalId', 'siret', ...HIDDEN]);
const WIDTHS: Partial<Record<WorkbookColumn, number>> = { externalId: 14, siret: 17, name: 40, city: 16, comment: 60, email: 30, opinion: 22, duplicateOf: 20 };
const HEADER_FILL = 'FFE7ECF5';
const INPUT_FILL = 'FFFFF4D6';

const letterOf = (key: WorkbookColumn) => String.fromCharCode(65 + COLUMN_KEYS.indexOf(key));
const yesNo = (value: number | null) => (value === null ? null : value === 1 ? 'OUI' : 'NON');
const QPV_TEXT: Record<string, string> = { OUI: 'OUI', NON: 'NON', SANS_OBJET: 'SANS OBJET' };

// exceljs 4.4 writes range validations but does not declare `dataValidations` on Worksheet.
type WithValidations = Worksheet & { dataValidations: { add(address: string, validation: DataValidation): void } };

function list(values: string[], title: string): DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: true, errorStyle: 'stop', errorTitle: title, error: `Choisissez une valeur de la liste : ${values.join(', ')}.` };
}

function cellsOf(row: Row, exportId: string): Record<WorkbookColumn, string | number | null> {
  return {
    externalId: row.external_id,
    siret: row.siret,
    name: row.name,
    postalCode: row.postal_code,
    city: row.commune_name,
    email: row.email,
    franceServices: yesNo(row.france_services),
    zrr: yesNo(row.zrr),
    qpv: row.qpv ? (QPV_TEXT[row.qpv] ?? row.qpv) : null,
    qpvCode: null,
    qpvName: null,
    postsRequested: row.posts_requested,
    opinion: row.review_opinion ? WORKBOOK_OPINIONS[row.review_opinion] : null,
    postsSupported: row.review_opinion ? row.review_posts : null,
    comment: row.comment,
    duplicateOf: row.duplicate_of,
    postsCoselec: row.posts_granted,
    opinionCoselec: row.decision ? DECISION_LABELS[row.decision] : null,
    baseVersion: row.base_version,
    baseUid: row.base_uid ?? null,
    exportId,
  };
}

async function writeList(sheet: Worksheet, rows: Row[], exportId: string): Promise<void> {
  sheet.columns = COLUMN_KEYS.map((key) => ({
    header: WORKBOOK_COLUMNS[key],
    key,
    width: WIDTHS[key] ?? Math.min(24, Math.max(12, WORKBOOK_COLUMNS[key].length * 0.6)),
    style: { numFmt: key === 'externalId' || key === 'siret' || key === 'postalCode' || key === 'baseUid' || key === 'exportId' ? '@' : 'General', alignment: { vertical: 'top', wrapText: key === 'comment' || key === 'name' } },
    hidden: HIDDEN.has(key),
  }));
  const header = sheet.getRow(1);
  header.height = 45;
  header.eachCell((cell, col) => {
    const key = COLUMN_KEYS[col - 1]!;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_COLUMNS.has(key) ? INPUT_FILL : HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const row of rows) sheet.addRow(cellsOf(row, exportId));
  const last = rows.length + 1;
  for (let r = 2; r <= last; r++) {
    for (const key of COLUMN_KEYS) {
      if (!LOCKED.has(key)) sheet.getCell(`${letterOf(key)}${r}`).protection = { locked: false };
    }
  }
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1, activeCell: `${letterOf('opinion')}2` }];
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  sheet.autoFilter = { from: 'A1', to: `${letterOf('opinionCoselec')}1` };
  if (rows.length > 0) {
    const validations = (sheet as WithValidations).dataValidations;
    const range = (key: WorkbookColumn) => `${letterOf(key)}2:${letterOf(key)}${last}`;
    validations.add(range('opinion'), list(Object.values(WORKBOOK_OPINIONS), 'Avis Préfecture'));
    validations.add(range('franceServices'), list(['OUI', 'NON'], 'France services'));
    validations.add(range('zrr'), list(['OUI', 'NON'], 'ZRR'));
    validations.add(range('qpv'), list(['OUI', 'NON', 'SANS OBJET'], 'QPV'));
    // Relative reference: each row is bounded by its own number of posts requested.
    validations.add(range('postsSupported'), {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [0, `${letterOf('postsRequested')}2`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Conseillers soutenus',
      error: 'Un nombre entier, au plus le nombre de conseillers demandés.',
    });
    validations.add(range('comment'), {
      type: 'textLength',
      operator: 'between',
      allowBlank: true,
      formulae: [COMMENT_MIN, COMMENT_MAX],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Commentaire',
      error: `Le commentaire justifiant l’avis compte de ${COMMENT_MIN} à ${frenchNumber(COMMENT_MAX)} caractères.`,
    });
  }
  // No password: the lock prevents accidental edits of the identifiers, not a determined user.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
}

const sheetRef = (name: string, key: WorkbookColumn) => `'${name}'!${letterOf(key)}:${letterOf(key)}`;

function writeSummary(sheet: Worksheet, departmentCode: string, target: number | null, rows: Row[], author: UserProfile, now: string, exportId: string): void {
  const department = getDepartment(departmentCode);
  const sheets = [WORKBOOK_SHEETS.PUBLIQUE, WORKBOOK_SHEETS.PRIVEE];
  // Favourable rows count their posts supported, or all the posts requested when left blank (as the import does).
  const supported = sheets
    .map((s) => `SUMIFS(${sheetRef(s, 'postsSupported')},${sheetRef(s, 'opinion')},"Favorable")+SUMIFS(${sheetRef(s, 'postsRequested')},${sheetRef(s, 'opinion')},"Favorable",${sheetRef(s, 'postsSupported')},"")`)
    .join('+');
  const reviewed = sheets.map((s) => `COUNTA(${sheetRef(s, 'opinion')})-1`).join('+');
  const currentSupported = rows.reduce((sum, r) => sum + (r.review_opinion === 'FAVORABLE' ? (r.review_posts ?? 0) : 0), 0);
  sheet.columns = [{ width: 58 }, { width: 34, style: { alignment: { horizontal: 'left' } } }];
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  sheet.addRow(['Classeur départemental – Conseillers numériques France Services']).font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow(['Département', `${departmentCode} – ${department?.name ?? ''}`]);
  sheet.addRow(['Objectif de postes du département (accord préalable de principe)', target ?? 'non fixé']);
  sheet.addRow(['Conseillers soutenus par la préfecture (avis favorables)', { formula: supported, result: currentSupported }]);
  sheet.addRow(['Écart à l’objectif', target === null ? 'sans objectif' : { formula: `B5-B4`, result: currentSupported - target }]);
  sheet.addRow(['Avis saisis', { formula: reviewed, result: rows.filter((r) => r.review_opinion).length }]);
  sheet.addRow(['Dossiers du département', rows.length]);
  sheet.addRow(['Classeur établi le', now.slice(0, 10).split('-').reverse().join('/')]);
  sheet.addRow(['Par', author.name]);
  sheet.addRow(['Identifiant du classeur', exportId]);
  sheet.addRow([]);
  for (const text of [
    'Pour chaque dossier, choisissez l’avis dans la colonne « Avis Préfecture » (Favorable, Défavorable, Examen complémentaire ou Doublon),',
    'indiquez le nombre de conseillers soutenus (vide : tous les conseillers demandés pour un avis favorable, aucun sinon)',
    `et justifiez l’avis en ${COMMENT_MIN} à ${frenchNumber(COMMENT_MAX)} caractères. Pour un doublon, indiquez l’identifiant du dossier d’origine.`,
    'Seules ces colonnes sont importées ; les autres décrivent la structure. Ne modifiez pas les identifiants.',
    'Les lignes incomplètes ou invalides sont signalées à l’import (feuille, ligne, colonne) et ne sont pas importées.',
    'Chaque ligne garde la version de l’avis d’où elle part : si l’avis a changé dans l’application depuis ce classeur, une ligne modifiée devient un conflit à arbitrer, jamais un écrasement.',
  ]) {
    sheet.addRow([text]);
  }
  for (const r of [3, 4, 5, 6, 7, 8, 9, 10, 11]) sheet.getCell(`A${r}`).font = { bold: true };
  sheet.getCell('B5').font = { bold: true, color: { argb: 'FF000091' } };
}

export async function buildWorkbook(db: DbReader, departmentCode: string, author: UserProfile, now = new Date().toISOString()): Promise<{ fileName: string; data: Uint8Array }> {
  const rows = db.all<Row>(
    `SELECT d.id, d.external_id, d.siret, d.name, d.postal_code, d.commune_name, d.email, d.france_services, d.zrr, d.qpv, d.posts_requested, d.posts_granted,
            d.structure_type, d.review_opinion, d.review_posts, o.comment, dup.external_id AS duplicate_of, o.id AS opinion_id, o.version AS base_version,
            (SELECT x.decision FROM decisions x WHERE x.dossier_id = d.id ORDER BY x.id DESC LIMIT 1) AS decision
     FROM dossiers d
     LEFT JOIN opinions o ON o.dossier_id = d.id AND o.version = (SELECT max(version) FROM opinions WHERE dossier_id = d.id)
     LEFT JOIN dossiers dup ON dup.id = o.duplicate_of_id
     WHERE d.department_code = ?
     ORDER BY d.sort_name, d.external_id`,
    [departmentCode],
  );
  // The same uid as in packages: the row's base is recognised in any database holding that version.
  const versions = localOpinions(db, departmentCode);
  for (const row of rows) row.base_uid = versions.get(row.id)?.find((v) => v.id === row.opinion_id)?.uid ?? null;
  const exportId = randomUUID();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CNFS Revue';
  // Excel and LibreOffice recompute the totals on opening rather than trusting the values cached here.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  const publicSheet = workbook.addWorksheet(WORKBOOK_SHEETS.PUBLIQUE);
  const privateSheet = workbook.addWorksheet(WORKBOOK_SHEETS.PRIVEE);
  await writeList(publicSheet, rows.filter((r) => r.structure_type === 'PUBLIQUE'), exportId);
  await writeList(privateSheet, rows.filter((r) => r.structure_type !== 'PUBLIQUE'), exportId);
  writeSummary(summary, departmentCode, departmentTotals(db, departmentCode).target, rows, author, now, exportId);
  return { fileName: `classeur-avis-${departmentCode}-${now.slice(0, 10)}.xlsx`, data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}
