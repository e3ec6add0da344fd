/** Department totals (from the review state kept on each dossier row) and department targets. */
import { ApiError } from '../../../shared/api/contract';
import type { DepartmentTotals, UserProfile } from '../../../shared/domain/review';
import type { Store } from '../db/store';
import type { DbReader } from './db-reader';

/** The latest target set for the department; null when none was ever set, or it was cleared. */
export function departmentTarget(db: DbReader, departmentCode: string): number | null {
  return db.value<number | null>('SELECT target FROM department_targets WHERE department_code = ? ORDER BY id DESC LIMIT 1', [departmentCode]) ?? null;
}

/** One indexed pass over the department's dossiers: no join, whatever the size of the base. */
export function departmentTotals(db: DbReader, departmentCode: string): DepartmentTotals {
  const row = db.get<{ dossiers: number; requested: number | null; reviewed: number; favourable: number | null; supported: number | null }>(
    `SELECT count(*) AS dossiers, sum(posts_requested) AS requested, count(review_opinion) AS reviewed,
       sum(review_opinion = 'FAVORABLE') AS favourable,
       sum(CASE WHEN review_opinion = 'FAVORABLE' THEN review_posts ELSE 0 END) AS supported
     FROM dossiers WHERE department_code = ?`,
    [departmentCode],
  );
  return {
    departmentCode,
    dossiers: row?.dossiers ?? 0,
    requested: row?.requested ?? 0,
    reviewed: row?.reviewed ?? 0,
    favourable: row?.favourable ?? 0,
    postsSupported: row?.supported ?? 0,
    target: departmentTarget(db, departmentCode),
  };
}

export const TARGET_MAX = 100_000;

export function setDepartmentTarget(store: Store, author: UserProfile, departmentCode: string, target: number | null): DepartmentTotals {
  if (target !== null && (!Number.isInteger(target) || target < 0 || target > TARGET_MAX)) {
    throw new ApiError('VALIDATION', `L’objectif de postes du département doit être un nombre entier de 0 à ${TARGET_MAX.toLocaleString('fr-FR')}.`);
  }
  if (departmentTarget(store.db, departmentCode) !== target) {
    store.write({ action: 'targets:set', user: author.name, summary: { departmentCode, target } }, (tx) => {
      tx.run('INSERT INTO department_targets (department_code, target, set_by, set_at) VALUES (?, ?, ?, ?)', [departmentCode, target, author.name, new Date().toISOString()]);
    });
  }
  return departmentTotals(store.db, departmentCode);
}
