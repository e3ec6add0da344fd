/**
 * Pure-ish planning of an import: validated rows compared with what the database holds.
 * Nothing is written here; the plan is shown as a preview and applied in one transaction.
 */
import type { DossierFieldKey, DossierFields, FieldChange, DossierWarning } from '../../../shared/domain/dossier';
import type { SqliteDb } from '../db/sqlite';
import { FIELD_COLUMNS, FIELD_KEYS, contentHash, rowToFields } from '../dossiers/dossier-columns';

export interface ValidRow {
  row: number;
  fields: DossierFields;
  warnings: DossierWarning[];
}

export interface PlannedRow extends ValidRow {
  action: 'created' | 'updated' | 'unchanged';
  dossierId: number | null;
  changes: FieldChange[];
  /** The file's decision state is older than the committee's decision recorded here: kept, not replaced. */
  keepsCommitteeDecision: boolean;
}

/** The fields that carry the committee's decision on the platform. */
const DECISION_FIELDS = ['status', 'coselecValidated', 'postsGranted', 'coselecNumber', 'coselecDate'] as const satisfies readonly DossierFieldKey[];
/** Platform states the committee does not set: the structure gave up, the application was cancelled or is a duplicate. */
const PLATFORM_ONLY_STATES: ReadonlySet<string> = new Set(['ABANDON', 'ANNULEE', 'DOUBLON']);

/** Session date of each dossier whose current (latest) decision is one of this app's committee decisions. */
function committeeDecisionDates(db: SqliteDb): Map<number, string | null> {
  const rows = db.all<{ dossier_id: number; session_date: string | null }>(
    `SELECT x.dossier_id, x.session_date FROM decisions x
     JOIN (SELECT dossier_id, max(id) AS id FROM decisions GROUP BY dossier_id) latest ON latest.id = x.id
     WHERE x.source = 'committee'`,
  );
  return new Map(rows.map((r) => [r.dossier_id, r.session_date]));
}

/**
 * A platform export lags behind the committee: until the platform records the committee's decision,
 * its file still says "not processed" (or an earlier session's decision). Such a state does not undo
 * the decision taken here; a decision of a later session, or an abandonment, does replace it.
 */
function fileIsBehindCommittee(fields: DossierFields, committeeDate: string | null): boolean {
  if (fields.status !== null && PLATFORM_ONLY_STATES.has(fields.status)) return false;
  if (fields.coselecDate === null || committeeDate === null) return true;
  return fields.coselecDate <= committeeDate;
}

const valuesEqual = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Fields the file does not carry keep their stored value; fields it carries replace it
 * (a newer platform export is authoritative, including for emptied values).
 */
export function planRows(db: SqliteDb, rows: readonly ValidRow[], mappedFields: ReadonlySet<DossierFieldKey>): PlannedRow[] {
  const existing = new Map(
    db.all<{ id: number; external_id: string; content_hash: string }>('SELECT id, external_id, content_hash FROM dossiers').map((r) => [r.external_id, r]),
  );
  const committeeDates = committeeDecisionDates(db);
  return rows.map((row) => {
    const stored = existing.get(row.fields.externalId);
    if (!stored) return { ...row, action: 'created', dossierId: null, changes: [], keepsCommitteeDecision: false };
    const storedRow = db.get<Record<string, unknown>>(`SELECT ${FIELD_COLUMNS.join(', ')} FROM dossiers WHERE id = ?`, [stored.id]);
    const before = rowToFields(storedRow ?? {});
    const merged = { ...before };
    for (const key of FIELD_KEYS) {
      // The region always follows the department.
      if (mappedFields.has(key) || key === 'regionCode') (merged as Record<string, unknown>)[key] = row.fields[key];
    }
    const keepsCommitteeDecision = committeeDates.has(stored.id) && fileIsBehindCommittee(merged, committeeDates.get(stored.id) ?? null);
    if (keepsCommitteeDecision) for (const key of DECISION_FIELDS) (merged as Record<string, unknown>)[key] = before[key];
    if (contentHash(merged) === stored.content_hash) {
      return { ...row, fields: merged, action: 'unchanged', dossierId: stored.id, changes: [], keepsCommitteeDecision };
    }
    const changes = FIELD_KEYS.filter((key) => !valuesEqual(before[key], merged[key])).map((field) => ({ field, before: before[field], after: merged[field] }));
    return { ...row, fields: merged, action: 'updated', dossierId: stored.id, changes, keepsCommitteeDecision };
  });
}
