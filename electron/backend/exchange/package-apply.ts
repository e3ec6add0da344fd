/** Applying a planned package import: one journaled transaction, all or nothing. */
import type { UserProfile } from '../../../shared/domain/review';
import type { ImportRejection } from '../../../shared/api/contract';
import type { Store, WriteTx } from '../db/store';
import { freezeReceivedDecision } from '../committee/decision-money';
import { FTS_BULK_THRESHOLD, ftsRebuild, insertDossiers, nextDossierId, recordProvenance, updateDossier, type ProvenanceRow } from '../dossiers/dossier-writes';
import { currentGrid, gridsById } from '../review/grids';
import { appendOpinion } from '../review/opinions';
import { refreshScoreState } from '../review/score-state';
import { AuthorResolver } from './authors';
import type { PackagePlan } from './package-plan';

function insertLog(tx: WriteTx, plan: PackagePlan, user: string, now: string): number {
  const { content } = plan;
  const id = (tx.value<number>('SELECT max(id) FROM exchange_log') ?? 0) + 1;
  tx.run(
    'INSERT INTO exchange_log (id, kind, file_name, checksum, department_code, sender_name, sender_role, created_at, app_version, schema_version, imported_at, imported_by, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [id, content.kind, plan.fileName, plan.checksum, content.departmentCode, content.sender.name, content.sender.role, content.createdAt, content.app.version, content.app.schemaVersion, now, user, JSON.stringify(plan.counts)],
  );
  return id;
}

/** Dossier packages: the dossiers' fields, through the same writes as a file import (provenance, history, search index). */
function writeDossiers(tx: WriteTx, plan: PackagePlan, user: string, now: string): void {
  const rows = plan.dossiers;
  const rejected: ImportRejection[] = plan.lines.flatMap((line, i) => (line.dossier === 'rejected' ? [{ row: i + 1, line: null, column: null, reason: line.reason ?? '', externalId: line.externalId }] : []));
  const created = rows.filter((r) => r.action === 'created').length;
  const updated = rows.filter((r) => r.action === 'updated').length;
  if (created === 0 && updated === 0) return;
  const batch = (tx.value<number>('SELECT max(id) FROM import_batches') ?? 0) + 1;
  tx.run(
    'INSERT INTO import_batches (id, file_name, file_hash, format, imported_at, imported_by, total, created, updated, unchanged, rejected, rejections) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [batch, plan.fileName, plan.checksum, 'cnfs-package', now, user, rows.length + rejected.length, created, updated, rows.length - created - updated, rejected.length, JSON.stringify(rejected)],
  );
  let nextId = nextDossierId(tx);
  const ids = rows.map((row) => (row.action === 'created' ? nextId++ : row.dossierId!));
  const bulk = created + updated > FTS_BULK_THRESHOLD;
  insertDossiers(tx, rows.flatMap((row, i) => (row.action === 'created' ? [{ id: ids[i]!, dossier: row }] : [])), 'file', now, !bulk);
  const provenance: ProvenanceRow[] = [];
  rows.forEach((row, i) => {
    if (row.action === 'updated') updateDossier(tx, ids[i]!, row, row.changes, user, `paquet « ${plan.fileName} »`, now, !bulk);
    provenance.push([ids[i]!, batch, row.row, row.action]);
  });
  recordProvenance(tx, provenance);
  if (bulk) ftsRebuild(tx);
}

export function applyPackage(store: Store, plan: PackagePlan, importer: UserProfile): number {
  const { content } = plan;
  const now = new Date().toISOString();
  const summary = { fileName: plan.fileName, checksum: plan.checksum, kind: content.kind, departmentCode: content.departmentCode, sender: content.sender.name, counts: plan.counts };
  return store.write({ action: 'exchange:importPackage', user: importer.name, summary }, (tx) => {
    const logId = insertLog(tx, plan, importer.name, now);
    const authors = new AuthorResolver(tx, content.departmentCode, now);
    if (content.kind === 'dossiers') writeDossiers(tx, plan, importer.name, now);
    const idOf = (externalId: string): number => {
      const id = tx.value<number>('SELECT id FROM dossiers WHERE external_id = ?', [externalId]);
      if (id === undefined) throw new Error(`Dossier ${externalId} planned but missing`);
      return id;
    };
    const ref = (externalId: string | null) => (externalId === null ? null : idOf(externalId));

    for (const { externalId, decision } of plan.decisions) {
      tx.run(
        'INSERT INTO decisions (dossier_id, session_number, session_date, decision, posts_granted, priority, comment, source, recorded_by, recorded_at, grounds, justification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [idOf(externalId), decision.sessionNumber, decision.sessionDate, decision.decision, decision.postsGranted, decision.priority ? 1 : 0, decision.comment, decision.source, decision.recordedBy, decision.recordedAt, JSON.stringify(decision.grounds), decision.justification],
      );
      freezeReceivedDecision(tx, tx.lastInsertId(), idOf(externalId), decision.decision, decision.postsGranted);
    }

    for (const planned of plan.opinions) {
      const dossierId = idOf(planned.externalId);
      for (const id of planned.supersede) tx.run("UPDATE exchange_conflicts SET status = 'SUPERSEDED' WHERE id = ? AND status = 'OPEN'", [id]);
      for (const v of planned.append) {
        const input = { dossierId, opinion: v.opinion, postsSupported: v.postsSupported, comment: v.comment, duplicateOfId: ref(v.duplicateOf), transferFromId: ref(v.transferFrom), transferPosts: v.transferPosts };
        const rowId = appendOpinion(tx, input, { id: authors.resolve(v.author), name: v.author.name }, v.createdAt, 'import');
        tx.run("INSERT INTO exchange_origins (kind, row_id, log_id, journal, local_seq) VALUES ('opinion', ?, ?, ?, NULL)", [rowId, logId, JSON.stringify(v.journal)]);
      }
      for (const uid of planned.merge) tx.run('INSERT OR IGNORE INTO exchange_merged (dossier_id, uid) VALUES (?, ?)', [dossierId, uid]);
      if (planned.conflict) {
        const localId = tx.value<number>('SELECT id FROM opinions WHERE dossier_id = ? ORDER BY version DESC LIMIT 1', [dossierId])!;
        const { localUid, incoming, known } = planned.conflict;
        tx.run(
          "INSERT INTO exchange_conflicts (dossier_id, log_id, local_opinion_id, local_uid, incoming_uid, incoming, status, detected_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)",
          [dossierId, logId, localId, localUid, incoming.uid, JSON.stringify({ version: incoming, known }), now],
        );
      }
    }

    const touched = new Map<number, Set<number>>();
    for (const { externalId, score, gridId } of plan.scores) {
      const dossierId = idOf(externalId);
      const reviewerId = authors.resolve(score.reviewer);
      tx.run('INSERT INTO scores (dossier_id, reviewer_id, reviewer_name, grid_id, criteria_values, comment, created_at, current) VALUES (?, ?, ?, ?, ?, ?, ?, 0)', [
        dossierId,
        reviewerId,
        score.reviewer.name,
        gridId,
        JSON.stringify(score.values),
        score.comment,
        score.createdAt,
      ]);
      tx.run("INSERT INTO exchange_origins (kind, row_id, log_id, journal, local_seq) VALUES ('score', ?, ?, ?, NULL)", [tx.lastInsertId(), logId, JSON.stringify(score.journal)]);
      touched.set(dossierId, (touched.get(dossierId) ?? new Set()).add(reviewerId));
    }
    if (touched.size > 0) {
      const grids = gridsById(tx);
      const current = currentGrid(tx);
      for (const [dossierId, reviewers] of touched) {
        // Each reviewer's latest sheet counts, whichever database it was written in.
        for (const reviewerId of reviewers) {
          tx.run(
            'UPDATE scores SET current = (id = (SELECT id FROM scores WHERE dossier_id = ? AND reviewer_id = ? ORDER BY created_at DESC, id DESC LIMIT 1)) WHERE dossier_id = ? AND reviewer_id = ?',
            [dossierId, reviewerId, dossierId, reviewerId],
          );
        }
        refreshScoreState(tx, dossierId, grids, current);
      }
    }

    if (plan.ranking) {
      tx.run('DELETE FROM rankings WHERE department_code = ?', [content.departmentCode]);
      plan.ranking.forEach((externalId, i) => tx.run('INSERT INTO rankings (department_code, dossier_id, position) VALUES (?, ?, ?)', [content.departmentCode, idOf(externalId), i + 1]));
    }
    return logId;
  });
}
