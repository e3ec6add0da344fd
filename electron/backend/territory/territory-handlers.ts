/** The territory methods of the contract: thin, each calls a tested function (policies already ran). */
import type { Store } from '../db/store';
import type { ScopedHandlers } from '../review/scope-policy';
import { DEFAULT_TOLERANCE_PERCENT } from '../../../shared/domain/territory';
import { distributeNationalTargets, targetHistory } from './target-versions';
import { territoryChecks } from './territory-checks';
import { departmentFigures, regionFigures } from './territory-stats';

type TerritoryMethod = 'stats:departments' | 'stats:regions' | 'targets:distribute' | 'targets:history' | 'territory:checks';

export function territoryHandlers(store: Store): Pick<ScopedHandlers, TerritoryMethod> {
  const db = store.db;
  return {
    'stats:departments': async () => departmentFigures(db),
    'stats:regions': async (_req, scope) => regionFigures(db, (code) => scope.allows(code)),
    'targets:distribute': async (req, scope) => distributeNationalTargets(store, scope.requireProfile(), req),
    'targets:history': async (_req, scope) => targetHistory(db, (code) => scope.allows(code)),
    'territory:checks': async (req, scope) => territoryChecks(db, req.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT, (code) => scope.allows(code)),
  };
}
