/**
 * The report of divergences: platform rows whose decision contradicts a decision of this base,
 * kept as the platform's history in `import_divergences` (never in `decisions`, so that nothing
 * reading the current decision can take them for it), listed, and exported as CSV.
 */
import type { DivergenceSide, ImportDivergence, ReportedDivergence } from '../../../shared/api/import-contract';
import { describeDivergenceSide } from '../../../shared/import/divergence-labels';
import type { WriteTx } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { csvFile } from '../files/csv-writer';
import type { PlannedRow } from './import-plan';

export function toImportDivergence(row: PlannedRow): ImportDivergence | null {
  const d = row.divergence;
  if (!d || row.dossierId === null) return null;
  return {
    dossierId: row.dossierId,
    externalId: row.fields.externalId,
    name: row.fields.name,
    departmentCode: row.fields.departmentCode ?? '',
    row: row.row,
    platformStatus: d.platformStatus,
    platform: d.platform,
    base: d.base,
    alreadyReported: d.alreadyReported,
  };
}

/** Adds the divergences not reported yet; returns how many. */
export function recordDivergences(tx: WriteTx, batchId: number, planned: readonly PlannedRow[], by: string, now: string): number {
  let added = 0;
  for (const row of planned) {
    const d = row.divergence;
    if (!d || d.alreadyReported || row.dossierId === null) continue;
    tx.run(
      `INSERT INTO import_divergences (dossier_id, batch_id, row_number, platform_status, platform_decision, platform_session_number, platform_session_date, platform_posts_granted,
         base_decision_id, base_session_number, base_session_date, base_decision, base_posts_granted, detected_at, detected_by, divergence_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.dossierId,
        batchId,
        row.row,
        d.platformStatus,
        d.platform.decision,
        d.platform.sessionNumber,
        d.platform.sessionDate,
        d.platform.postsGranted,
        d.base.decisionId,
        d.base.sessionNumber,
        d.base.sessionDate,
        d.base.decision,
        d.base.postsGranted,
        now,
        by,
        d.key,
      ],
    );
    added++;
  }
  return added;
}

interface DivergenceRow {
  id: number;
  dossier_id: number;
  external_id: string;
  name: string | null;
  department_code: string;
  batch_id: number;
  file_name: string;
  row_number: number;
  platform_status: string | null;
  platform_decision: NonNullable<DivergenceSide['decision']>;
  platform_session_number: string | null;
  platform_session_date: string | null;
  platform_posts_granted: number | null;
  base_decision_id: number | null;
  base_session_number: string | null;
  base_session_date: string | null;
  base_decision: DivergenceSide['decision'];
  base_posts_granted: number | null;
  detected_at: string;
  detected_by: string;
}

const LIST_SQL = `SELECT v.*, d.external_id, d.name, d.department_code, b.file_name
  FROM import_divergences v JOIN dossiers d ON d.id = v.dossier_id JOIN import_batches b ON b.id = v.batch_id`;

function toReported(r: DivergenceRow): ReportedDivergence {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    externalId: r.external_id,
    name: r.name,
    departmentCode: r.department_code,
    row: r.row_number,
    platformStatus: r.platform_status,
    platform: { sessionNumber: r.platform_session_number, sessionDate: r.platform_session_date, decision: r.platform_decision, postsGranted: r.platform_posts_granted },
    base: { decisionId: r.base_decision_id, sessionNumber: r.base_session_number, sessionDate: r.base_session_date, decision: r.base_decision, postsGranted: r.base_posts_granted },
    fileName: r.file_name,
    batchId: r.batch_id,
    detectedAt: r.detected_at,
    detectedBy: r.detected_by,
  };
}

/** Newest first, only the dossiers of the departments `allows` lets through. */
export function listDivergences(db: DbReader, allows: (departmentCode: string) => boolean): ReportedDivergence[] {
  return db.all<DivergenceRow>(`${LIST_SQL} ORDER BY v.id DESC`).filter((r) => allows(r.department_code)).map(toReported);
}

/** The divergences of one dossier, oldest first (its page shows them in the decision history). */
export function dossierDivergences(db: DbReader, dossierId: number): ReportedDivergence[] {
  return db.all<DivergenceRow>(`${LIST_SQL} WHERE v.dossier_id = ? ORDER BY v.id`, [dossierId]).map(toReported);
}

const HEADERS = ['Identifiant', 'Nom de la structure', 'Département', 'Fichier', 'Ligne', 'Statut (plateforme)', 'La plateforme indique', 'Cette base indique', 'Relevée le', 'Relevée par'] as const;

/** The app's one CSV format (files/csv-writer), which neutralises cells a spreadsheet would run as formulas. */
export function divergencesCsv(list: readonly ReportedDivergence[]): Uint8Array {
  return csvFile(
    HEADERS,
    list.map((d) => [d.externalId, d.name ?? '', d.departmentCode, d.fileName, d.row, d.platformStatus ?? '', describeDivergenceSide(d.platform), describeDivergenceSide(d.base), d.detectedAt.slice(0, 10), d.detectedBy]),
  );
}

export function divergencesFileName(at: Date): string {
  return `divergences-plateforme-${at.toISOString().slice(0, 10)}.csv`;
}
