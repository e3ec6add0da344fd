/**
 * A department's priority order. Dossiers not ranked yet follow the stored order, best aggregate
 * score first then by name, so a new dossier lands at a predictable place.
 */
import { ApiError } from '../../../shared/api/contract';
import type { DepartmentRanking, OpinionKind, RankingEntry, UserProfile } from '../../../shared/domain/review';
import type { Store } from '../db/store';
import type { DbReader } from './db-reader';
import { departmentTotals } from './totals';

interface RankingRow {
  id: number;
  external_id: string;
  name: string | null;
  posts_requested: number;
  review_opinion: OpinionKind | null;
  review_posts: number | null;
  review_score: number | null;
}

export function departmentRanking(db: DbReader, departmentCode: string): DepartmentRanking {
  const rows = db.all<RankingRow>(
    `SELECT d.id, d.external_id, d.name, d.posts_requested, d.review_opinion, d.review_posts, d.review_score
     FROM dossiers d LEFT JOIN rankings r ON r.department_code = d.department_code AND r.dossier_id = d.id
     WHERE d.department_code = ?
     ORDER BY r.position IS NULL, r.position, d.review_score DESC NULLS LAST, d.sort_name, d.id`,
    [departmentCode],
  );
  let cumulative = 0;
  const entries: RankingEntry[] = rows.map((r, i) => {
    const postsSupported = r.review_posts ?? 0;
    // The running total adds up what favourable opinions support, like the department totals.
    if (r.review_opinion === 'FAVORABLE') cumulative += postsSupported;
    return {
      dossierId: r.id,
      externalId: r.external_id,
      name: r.name,
      rank: i + 1,
      postsRequested: r.posts_requested,
      opinion: r.review_opinion,
      postsSupported,
      cumulativeSupported: cumulative,
      aggregate: r.review_score,
    };
  });
  return { departmentCode, entries, totals: departmentTotals(db, departmentCode) };
}

/** `order`: dossier ids of the department, highest priority first; those left out become unranked. */
export function saveRanking(store: Store, author: UserProfile, departmentCode: string, order: readonly number[]): DepartmentRanking {
  const inDepartment = new Set(store.db.all<{ id: number }>('SELECT id FROM dossiers WHERE department_code = ?', [departmentCode]).map((r) => r.id));
  const seen = new Set<number>();
  const errors: string[] = [];
  for (const id of order) {
    if (seen.has(id)) errors.push(`Le dossier n° ${id} apparaît plusieurs fois dans le classement.`);
    else if (!inDepartment.has(id)) errors.push(`Le dossier n° ${id} ne relève pas du département ${departmentCode}.`);
    seen.add(id);
  }
  if (errors.length > 0) throw new ApiError('VALIDATION', errors.slice(0, 5).join(' '), { errors });
  store.write({ action: 'ranking:save', user: author.name, summary: { departmentCode, ranked: order.length } }, (tx) => {
    tx.run('DELETE FROM rankings WHERE department_code = ?', [departmentCode]);
    order.forEach((id, i) => tx.run('INSERT INTO rankings (department_code, dossier_id, position) VALUES (?, ?, ?)', [departmentCode, id, i + 1]));
  });
  return departmentRanking(store.db, departmentCode);
}
