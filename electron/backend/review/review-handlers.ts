/** The review methods of the contract: thin, each calls a tested function (policies already ran). */
import type { ReviewMethod } from '../../../shared/api/review-contract';
import type { Store } from '../db/store';
import { compareDossiers } from './compare';
import { listGrids, saveGrid } from './grids';
import { opinionHistory, recordOpinion, recordOpinionsBulk } from './opinions';
import type { Profiles } from './profiles';
import { departmentRanking, saveRanking } from './ranking';
import type { ScopedHandlers } from '../access/guard';
import { dossierScores, recordScore } from './scores';
import { departmentTotals, setDepartmentTarget } from './totals';

export function reviewHandlers(store: Store, profiles: Profiles): Pick<ScopedHandlers, ReviewMethod> {
  const db = store.db;
  return {
    'profile:current': async () => profiles.current(),
    'profile:list': async () => profiles.list(),
    'profile:save': async (req) => profiles.save(req),
    'profile:switch': async (req) => profiles.switchTo(req.id),
    'opinions:record': async (req, scope) => recordOpinion(store, scope.requireProfile(), scope.checkDossier(db, req.dossierId), req),
    // The same dossier twice would get two versions of one opinion.
    'opinions:recordBulk': async (req, scope) => recordOpinionsBulk(store, scope.requireProfile(), scope.checkDossiers(db, [...new Set(req.dossierIds)]), req),
    'opinions:history': async (req) => opinionHistory(db, req.dossierId),
    'grids:list': async () => listGrids(db),
    'grids:save': async (req, scope) => saveGrid(store, scope.requireProfile(), req),
    'scores:record': async (req, scope) => recordScore(store, scope.requireProfile(), req),
    'scores:get': async (req) => dossierScores(db, req.dossierId),
    'compare:get': async (req) => compareDossiers(db, req.ids),
    'ranking:get': async (req) => departmentRanking(db, req.departmentCode),
    'ranking:save': async (req, scope) => saveRanking(store, scope.requireProfile(), req.departmentCode, req.order),
    'departments:totals': async (req) => departmentTotals(db, req.departmentCode),
    'targets:set': async (req, scope) => setDepartmentTarget(store, scope.requireProfile(), req.departmentCode, req.target),
  };
}
