/** National distribution of the departments' targets, saved as versions (who, when), and their history. */
import { ApiError, type DistributionResult, type TargetVersion } from '../../../shared/api/contract';
import { DEPARTMENTS } from '../../../shared/domain/geography';
import type { UserProfile } from '../../../shared/domain/review';
import { distributeTargets, distributionProblem } from '../../../shared/domain/territory';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { TARGET_MAX } from '../review/totals';

export const DEFAULT_NATIONAL_TOTAL = 4000;
const NATIONAL_TOTAL_MAX = TARGET_MAX * 10;

interface VersionRow {
  id: number;
  total: number;
  key: 'population';
  floor: number;
  set_by: string;
  set_at: string;
}

const DEPARTMENT_ORDER = new Map(DEPARTMENTS.map((d, i) => [d.code, i]));
const byDepartmentOrder = (a: string, b: string) => (DEPARTMENT_ORDER.get(a) ?? 0) - (DEPARTMENT_ORDER.get(b) ?? 0);

const toVersion = (r: VersionRow): TargetVersion => ({ id: r.id, kind: 'distribution', departmentCode: null, total: r.total, key: r.key, floor: r.floor, setBy: r.set_by, setAt: r.set_at });

export function distributeNationalTargets(store: Store, author: UserProfile, request: { total?: number; key?: 'population'; floor?: number }): DistributionResult {
  const total = request.total ?? DEFAULT_NATIONAL_TOTAL;
  const floor = request.floor ?? 0;
  if (request.key !== undefined && request.key !== 'population') throw new ApiError('VALIDATION', 'La seule clé de répartition disponible est la population.');
  if (Number.isInteger(total) && total > NATIONAL_TOTAL_MAX) throw new ApiError('VALIDATION', `Le total national ne peut dépasser ${NATIONAL_TOTAL_MAX.toLocaleString('fr-FR')} postes.`);
  const input = { total, floor, weights: DEPARTMENTS.map((d) => ({ code: d.code, weight: d.population })) };
  const problem = distributionProblem(input);
  if (problem) throw new ApiError('VALIDATION', problem);
  const shares = distributeTargets(input);
  const at = new Date().toISOString();
  let id = 0;
  store.write({ action: 'targets:distribute', user: author.name, summary: { total, key: 'population', floor } }, (tx) => {
    tx.run('INSERT INTO target_versions (total, key, floor, set_by, set_at) VALUES (?, ?, ?, ?, ?)', [total, 'population', floor, author.name, at]);
    id = tx.lastInsertId();
    for (const [code, target] of shares) {
      tx.run('INSERT INTO department_targets (department_code, target, set_by, set_at, version_id) VALUES (?, ?, ?, ?, ?)', [code, target, author.name, at, id]);
    }
  });
  return {
    version: { id, kind: 'distribution', departmentCode: null, total, key: 'population', floor, setBy: author.name, setAt: at },
    targets: [...shares].map(([departmentCode, target]) => ({ departmentCode, target })),
  };
}

/**
 * Newest first: the national distributions, the imported agreements, and each department target
 * set on its own (`id` is the distribution's, the agreement's or the department row's, unique
 * within its kind). All are ordered by their rows in department_targets, whose ids follow the
 * order of the writes.
 */
export function targetHistory(db: DbReader, allows: (departmentCode: string) => boolean): TargetVersion[] {
  const distributions = db
    .all<VersionRow & { seq: number }>('SELECT v.id, v.total, v.key, v.floor, v.set_by, v.set_at, (SELECT min(t.id) FROM department_targets t WHERE t.version_id = v.id) AS seq FROM target_versions v')
    .map((r) => ({ seq: r.seq, version: toVersion(r) }));
  const agreements = db
    .all<{ id: number; file_name: string; total: number; set_by: string; set_at: string; seq: number; codes: string }>(
      `SELECT a.id, a.file_name, a.total, a.set_by, a.set_at, min(t.id) AS seq, group_concat(t.department_code) AS codes
       FROM target_agreements a JOIN department_targets t ON t.agreement_id = a.id GROUP BY a.id`,
    )
    .map((r) => ({
      seq: r.seq,
      version: {
        id: r.id,
        kind: 'agreement',
        departmentCode: null,
        total: r.total,
        key: null,
        floor: null,
        setBy: r.set_by,
        setAt: r.set_at,
        departmentCodes: r.codes.split(',').sort(byDepartmentOrder),
        fileName: r.file_name,
      } satisfies TargetVersion,
    }));
  const single = db
    .all<{ id: number; department_code: string; target: number | null; set_by: string; set_at: string }>(
      'SELECT id, department_code, target, set_by, set_at FROM department_targets WHERE version_id IS NULL AND agreement_id IS NULL',
    )
    .filter((r) => allows(r.department_code))
    .map((r) => ({ seq: r.id, version: { id: r.id, kind: 'department', departmentCode: r.department_code, total: r.target, key: null, floor: null, setBy: r.set_by, setAt: r.set_at } satisfies TargetVersion }));
  return [...distributions, ...agreements, ...single].sort((a, b) => b.seq - a.seq).map((v) => v.version);
}
