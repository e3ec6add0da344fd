/** The territory methods of the contract: thin, each calls a tested function (policies already ran). */
import type { TerritoryMethod } from '../../../shared/api/territory-contract';
import type { Store } from '../db/store';
import type { ScopedHandlers } from '../access/guard';
import { DEFAULT_TOLERANCE_PERCENT } from '../../../shared/domain/territory';
import { checkRows, checksCsv, checksFileName, checksXlsx } from './checks-export';
import { importAgreements, readAgreements } from './target-agreements';
import { distributeNationalTargets, targetHistory } from './target-versions';
import { territoryChecks } from './territory-checks';
import { departmentFigures, regionFigures } from './territory-stats';

export function territoryHandlers(store: Store): Pick<ScopedHandlers, TerritoryMethod> {
  const db = store.db;
  return {
    'stats:departments': async () => departmentFigures(db),
    // National aggregates, like stats:departments: every region, from all its departments.
    'stats:regions': async () => regionFigures(db, () => true),
    'targets:distribute': async (req, scope) => distributeNationalTargets(store, scope.requireProfile(), req),
    'targets:history': async (_req, scope) => targetHistory(db, (code) => scope.allows(code)),
    'territory:checks': async (req, scope) => territoryChecks(db, req.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT, (code) => scope.allows(code)),
    'territory:exportChecks': async (req, scope) => {
      const tolerancePercent = req.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT;
      const rows = checkRows(db, territoryChecks(db, tolerancePercent, (code) => scope.allows(code)));
      const at = new Date();
      const data =
        req.format === 'csv'
          ? checksCsv(rows)
          : await checksXlsx(rows, { tolerancePercent, author: scope.profile?.name ?? 'profil non choisi', scope: scope.describe(), at });
      return { fileName: checksFileName(req.format, at), data };
    },
    'targets:importAgreed': async (req, scope) =>
      req.commit ? importAgreements(store, scope.requireProfile(), req) : (await readAgreements(store, req)).preview,
  };
}
