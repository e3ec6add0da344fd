/** Per-department and per-region figures of the map, from two grouped passes over covering indexes. */
import { DEPARTMENTS } from '../../../shared/domain/geography';
import { aggregateRegions, per100k, type DepartmentFigures, type RegionFigures } from '../../../shared/domain/territory';
import type { DbReader } from '../review/db-reader';

/** The latest target row of each department (null target: cleared). */
export function currentTargets(db: DbReader): Map<string, number | null> {
  // SQLite takes the bare column `target` from the row holding max(id): the latest per department.
  const rows = db.all<{ code: string; target: number | null }>('SELECT department_code AS code, target, max(id) AS id FROM department_targets GROUP BY department_code');
  return new Map(rows.map((r) => [r.code, r.target]));
}

/** Figures for all 101 departments, including those without any dossier. */
export function departmentFigures(db: DbReader): DepartmentFigures[] {
  // Each pass reads one covering index (dossiers_department_status_posts, dossiers_review_department),
  // never the wide rows: together they cost less than one pass that needs both sets of columns.
  const decided = db.all<{ code: string; dossiers: number; requested: number; granted: number }>(
    `SELECT department_code AS code, count(*) AS dossiers, sum(posts_requested) AS requested,
       sum(CASE WHEN status = 'VALIDATION_COSELEC' THEN coalesce(posts_granted, 0) ELSE 0 END) AS granted
     FROM dossiers INDEXED BY dossiers_department_status_posts GROUP BY department_code`,
  );
  const reviewed = db.all<{ code: string; reviewed: number; supported: number }>(
    `SELECT department_code AS code, count(review_opinion) AS reviewed,
       sum(CASE WHEN review_opinion = 'FAVORABLE' THEN coalesce(review_posts, 0) ELSE 0 END) AS supported
     FROM dossiers INDEXED BY dossiers_review_department GROUP BY department_code`,
  );
  const decidedByCode = new Map(decided.map((r) => [r.code, r]));
  const reviewedByCode = new Map(reviewed.map((r) => [r.code, r]));
  const targets = currentTargets(db);
  return DEPARTMENTS.map((d) => {
    const a = decidedByCode.get(d.code);
    const b = reviewedByCode.get(d.code);
    const granted = a?.granted ?? 0;
    return {
      code: d.code,
      name: d.name,
      regionCode: d.regionCode,
      population: d.population,
      dossiers: a?.dossiers ?? 0,
      requested: a?.requested ?? 0,
      supported: b?.supported ?? 0,
      granted,
      reviewed: b?.reviewed ?? 0,
      target: targets.get(d.code) ?? null,
      per100k: per100k(granted, d.population),
    };
  });
}

/** The figures of the departments kept by `allows`, summed by region. */
export function regionFigures(db: DbReader, allows: (departmentCode: string) => boolean): RegionFigures[] {
  return aggregateRegions(departmentFigures(db).filter((d) => allows(d.code)));
}
