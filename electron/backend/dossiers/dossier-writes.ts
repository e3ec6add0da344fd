/** Journaled writes to dossiers and what hangs off them (warnings, provenance, history, platform decisions). */
import type { DecisionEntry, DossierFields, DossierSource, DossierWarning, FieldChange } from '../../../shared/domain/dossier';
import type { WriteTx } from '../db/store';
import type { SqlParam } from '../db/sqlite';
import { insertRows } from '../db/insert-rows';
import { freezePlatformDecision } from '../committee/decision-money';
import { FIELD_COLUMNS, FIELD_KEYS, contentHash, fieldsToParams, isTextField, rowToFields, sortKey } from './dossier-columns';

// Text columns are bound as `CAST(? AS TEXT)`: see SqliteDb (bulk imports are dominated by string encoding).
const FIELD_SLOTS = FIELD_KEYS.map((key) => (isTextField(key) ? 'CAST(? AS TEXT)' : '?'));
const INSERT_HEAD = `INSERT INTO dossiers (id, ${FIELD_COLUMNS.join(', ')}, sort_name, warnings, warning_count, source, content_hash, created_at, updated_at)`;
const INSERT_SLOTS = `(?, ${FIELD_SLOTS.join(', ')}, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?)`;
// 20 rows × 50 parameters stays far below SQLite's limit on bound parameters.
const DOSSIERS_PER_STATEMENT = 20;
const SMALL_ROWS_PER_STATEMENT = 250;
const UPDATE_SQL = `UPDATE dossiers SET ${FIELD_COLUMNS.map((c, i) => `${c} = ${FIELD_SLOTS[i]}`).join(', ')}, sort_name = CAST(? AS TEXT), warnings = ?, warning_count = ?, content_hash = ?, updated_at = ? WHERE id = ?`;

const FTS_COLUMNS = 'external_id, name, legal_name, siret, commune_name, postal_code, network_name, motivation';
/** Above this many rows, the search index is rebuilt once instead of row by row (5× faster). */
export const FTS_BULK_THRESHOLD = 500;

/** The full-text index is external-content: entries are removed while the old row is still there. */
export function ftsRemove(tx: WriteTx, id: number): void {
  tx.run('DELETE FROM dossiers_fts WHERE docid = ?', [id]);
}

export function ftsAdd(tx: WriteTx, id: number): void {
  tx.run(`INSERT INTO dossiers_fts (docid, ${FTS_COLUMNS}) SELECT id, ${FTS_COLUMNS} FROM dossiers WHERE id = ?`, [id]);
}

export function ftsRebuild(tx: WriteTx): void {
  tx.run("INSERT INTO dossiers_fts (dossiers_fts) VALUES ('rebuild')");
}

export interface DossierWrite {
  fields: DossierFields;
  warnings: DossierWarning[];
}

const warningRows = (id: number, warnings: DossierWarning[]): SqlParam[][] => [...new Set(warnings.map((w) => w.code))].map((code) => [id, code]);

function insertWarnings(tx: WriteTx, rows: SqlParam[][]): void {
  insertRows(tx, 'INSERT INTO dossier_warnings (dossier_id, code)', '(?, ?)', rows, SMALL_ROWS_PER_STATEMENT);
}

/** Ids are assigned explicitly so that a journal replay reproduces them whatever happens. */
export function nextDossierId(tx: WriteTx): number {
  return (tx.value<number>('SELECT max(id) FROM dossiers') ?? 0) + 1;
}

/** `indexNow: false` when the caller rebuilds the search index after a bulk write. */
export function insertDossiers(tx: WriteTx, items: readonly { id: number; dossier: DossierWrite }[], source: DossierSource, now: string, indexNow = true): void {
  const rows = items.map(({ id, dossier: { fields, warnings } }): SqlParam[] => [
    id,
    ...fieldsToParams(fields),
    sortKey(fields.name),
    JSON.stringify(warnings),
    warnings.length,
    source,
    contentHash(fields),
    now,
    now,
  ]);
  insertRows(tx, INSERT_HEAD, INSERT_SLOTS, rows, DOSSIERS_PER_STATEMENT);
  insertWarnings(tx, items.flatMap(({ id, dossier }) => warningRows(id, dossier.warnings)));
  if (indexNow) for (const { id } of items) ftsAdd(tx, id);
}

export function updateDossier(tx: WriteTx, id: number, dossier: DossierWrite, changes: FieldChange[], by: string, origin: string, now: string, indexNow = true): void {
  const { fields, warnings } = dossier;
  if (indexNow) ftsRemove(tx, id);
  tx.run(UPDATE_SQL, [
    ...fieldsToParams(fields),
    sortKey(fields.name),
    JSON.stringify(warnings),
    warnings.length,
    contentHash(fields),
    now,
    id,
  ]);
  if (indexNow) ftsAdd(tx, id);
  tx.run('DELETE FROM dossier_warnings WHERE dossier_id = ?', [id]);
  insertWarnings(tx, warningRows(id, warnings));
  if (changes.length > 0) {
    tx.run('INSERT INTO dossier_changes (dossier_id, at, by_user, source, changes) VALUES (?, ?, ?, ?, ?)', [id, now, by, origin, JSON.stringify(changes)]);
  }
}

export type ProvenanceRow = [dossierId: number, batchId: number, row: number, action: 'created' | 'updated' | 'unchanged'];

export function recordProvenance(tx: WriteTx, rows: ProvenanceRow[]): void {
  insertRows(tx, 'INSERT INTO dossier_provenance (dossier_id, batch_id, row_number, action)', '(?, ?, ?, ?)', rows, SMALL_ROWS_PER_STATEMENT);
}

type PlatformDecision = Pick<DecisionEntry, 'decision' | 'sessionNumber' | 'sessionDate' | 'postsGranted'>;

/** The committee decision the platform's state implies, if any. */
export function platformDecisionOf(fields: DossierFields): PlatformDecision | null {
  const decision =
    fields.status === 'VALIDATION_COSELEC'
      ? 'POSITIF'
      : fields.status === 'REFUS_COSELEC'
        ? 'NEGATIF'
        : fields.status === 'EXAMEN_COMPLEMENTAIRE_COSELEC'
          ? 'EXAMEN_COMPLEMENTAIRE'
          : null;
  if (!decision) return null;
  return {
    decision,
    sessionNumber: fields.coselecNumber,
    sessionDate: fields.coselecDate,
    postsGranted: decision === 'POSITIF' ? fields.postsGranted : null,
  };
}

/**
 * Appends the platform's decision unless the latest platform entry already says the same
 * (a dossier created by this very import has none to compare with).
 */
export function appendPlatformDecision(tx: WriteTx, dossierId: number, fields: DossierFields, by: string, now: string, created: boolean): boolean {
  const decision = platformDecisionOf(fields);
  if (!decision) return false;
  const last = created ? undefined : tx.get<{ decision: string; session_number: string | null; session_date: string | null; posts_granted: number | null }>(
    "SELECT decision, session_number, session_date, posts_granted FROM decisions WHERE dossier_id = ? AND source = 'platform' ORDER BY id DESC LIMIT 1",
    [dossierId],
  );
  if (
    last &&
    last.decision === decision.decision &&
    last.session_number === decision.sessionNumber &&
    last.session_date === decision.sessionDate &&
    last.posts_granted === decision.postsGranted
  ) {
    return false;
  }
  tx.run(
    "INSERT INTO decisions (dossier_id, session_number, session_date, decision, posts_granted, priority, comment, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, 0, NULL, 'platform', ?, ?)",
    [dossierId, decision.sessionNumber, decision.sessionDate, decision.decision, decision.postsGranted, by, now],
  );
  freezePlatformDecision(tx, tx.lastInsertId(), fields, decision.decision, decision.postsGranted);
  return true;
}

/**
 * After a write that changes some of a dossier's fields outside an import (a committee decision),
 * the stored content hash follows, so that the next import compares the file with what is stored.
 */
export function refreshContentHash(tx: WriteTx, dossierId: number): void {
  const row = tx.get<Record<string, unknown>>(`SELECT ${FIELD_COLUMNS.join(', ')} FROM dossiers WHERE id = ?`, [dossierId]);
  if (row) tx.run('UPDATE dossiers SET content_hash = ? WHERE id = ?', [contentHash(rowToFields(row)), dossierId]);
}
