/**
 * Pure-ish planning of an import: validated rows compared with what the database holds.
 * Nothing is written here; the plan is shown as a preview and applied in one transaction.
 */
import type { DossierFieldKey, DossierFields, FieldChange, DossierWarning } from '../../../shared/domain/dossier';
import type { SqliteDb } from '../db/sqlite';
import { FIELD_COLUMNS, FIELD_KEYS, contentHash, rowToFields } from '../dossiers/dossier-columns';
import { DecisionRecord, type PlannedDivergence } from './decision-record';

export interface ValidRow {
  row: number;
  fields: DossierFields;
  warnings: DossierWarning[];
}

export interface PlannedRow extends ValidRow {
  action: 'created' | 'updated' | 'unchanged';
  dossierId: number | null;
  changes: FieldChange[];
  /** The file's decision state does not replace the committee's decision recorded here: kept. */
  keepsCommitteeDecision: boolean;
  /** The file's decision contradicts a decision of this base: reported, never applied. */
  divergence: PlannedDivergence | null;
}

/** The fields that carry the committee's decision on the platform. */
const DECISION_FIELDS = ['status', 'coselecValidated', 'postsGranted', 'coselecNumber', 'coselecDate'] as const satisfies readonly DossierFieldKey[];

const valuesEqual = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Fields the file does not carry keep their stored value; fields it carries replace it
 * (a newer platform export is authoritative, including for emptied values).
 */
export function planRows(db: SqliteDb, rows: readonly ValidRow[], mappedFields: ReadonlySet<DossierFieldKey>): PlannedRow[] {
  const existing = new Map(
    db.all<{ id: number; external_id: string; content_hash: string }>('SELECT id, external_id, content_hash FROM dossiers').map((r) => [r.external_id, r]),
  );
  const record = new DecisionRecord(db);
  return rows.map((row) => {
    const stored = existing.get(row.fields.externalId);
    if (!stored) return { ...row, action: 'created', dossierId: null, changes: [], keepsCommitteeDecision: false, divergence: null };
    const storedRow = db.get<Record<string, unknown>>(`SELECT ${FIELD_COLUMNS.join(', ')} FROM dossiers WHERE id = ?`, [stored.id]);
    const before = rowToFields(storedRow ?? {});
    const merged = { ...before };
    for (const key of FIELD_KEYS) {
      // The region always follows the department.
      if (mappedFields.has(key) || key === 'regionCode') (merged as Record<string, unknown>)[key] = row.fields[key];
    }
    const verdict = record.judge(stored.id, merged);
    const keepsCommitteeDecision = verdict.kind !== 'apply';
    const divergence = verdict.kind === 'diverge' ? verdict.divergence : null;
    if (keepsCommitteeDecision) for (const key of DECISION_FIELDS) (merged as Record<string, unknown>)[key] = before[key];
    if (contentHash(merged) === stored.content_hash) {
      return { ...row, fields: merged, action: 'unchanged', dossierId: stored.id, changes: [], keepsCommitteeDecision, divergence };
    }
    const changes = FIELD_KEYS.filter((key) => !valuesEqual(before[key], merged[key])).map((field) => ({ field, before: before[field], after: merged[field] }));
    return { ...row, fields: merged, action: 'updated', dossierId: stored.id, changes, keepsCommitteeDecision, divergence };
  });
}
