/** The committee methods of the contract: thin, each calls a tested function (policies already ran). */
import type { CommitteeMethod } from '../../../shared/api/committee-contract';
import type { Store } from '../db/store';
import type { Profiles } from '../review/profiles';
import type { ScopedHandlers } from '../access/guard';
import { addToAgenda, dossiersMatching, removeFromAgenda, reorderAgenda } from './agenda';
import { declareConflict, removeConflict } from './conflicts';
import { listDecisions, recordDecision } from './decisions';
import { sessionHistory } from './history';
import { listMembers, saveMember } from './members';
import { createAmendment, minutesPdf, saveSections, validateMinutes } from './minutes';
import { listSessions, sessionDetail } from './session-detail';
import { loadSession, sessionByNumber } from './session-rows';
import { saveSession, setPresence, setStatus } from './sessions';
import { saveSubsidySettings, subsidySettings } from './subsidy-settings';

export function committeeHandlers(store: Store, _profiles: Profiles): Pick<ScopedHandlers, CommitteeMethod> {
  const db = store.db;
  const detail = (id: number) => sessionDetail(db, id);
  return {
    'members:list': async () => listMembers(db),
    'members:save': async (req, scope) => saveMember(store, scope.requireProfile(), req),
    'sessions:list': async () => listSessions(db),
    'sessions:get': async (req) => detail(req.id),
    'sessions:save': async (req, scope) => detail(saveSession(store, scope.requireProfile(), req)),
    'sessions:setPresence': async (req, scope) => (setPresence(store, scope.requireProfile(), req.sessionId, req.memberId, req.presence), detail(req.sessionId)),
    'sessions:setStatus': async (req, scope) => (setStatus(store, scope.requireProfile(), req.sessionId, req.status), detail(req.sessionId)),
    'sessions:history': async (req) => (loadSession(db, req.sessionId), sessionHistory(db, req.sessionId)),
    'agenda:add': async (req, scope) => {
      const result = addToAgenda(store, scope.requireProfile(), req.sessionId, req.dossierIds, 'par sélection');
      return { ...result, session: detail(req.sessionId) };
    },
    'agenda:addByFilter': async (req, scope) => {
      const ids = dossiersMatching(db, scope.restrict(req.filter), req.readyForDecision ?? false);
      const result = addToAgenda(store, scope.requireProfile(), req.sessionId, ids, req.readyForDecision ? 'par filtre, dossiers prêts pour décision' : 'par filtre');
      return { ...result, session: detail(req.sessionId) };
    },
    'agenda:remove': async (req, scope) => (removeFromAgenda(store, scope.requireProfile(), req.sessionId, req.dossierId), detail(req.sessionId)),
    'agenda:reorder': async (req, scope) => (reorderAgenda(store, scope.requireProfile(), req.sessionId, req.order), detail(req.sessionId)),
    'conflicts:declare': async (req, scope) => (declareConflict(store, scope.requireProfile(), req), detail(req.sessionId)),
    'conflicts:remove': async (req, scope) => (removeConflict(store, scope.requireProfile(), req.sessionId, req.conflictId), detail(req.sessionId)),
    'decisions:record': async (req, scope) => (recordDecision(store, scope.requireProfile(), req), detail(req.sessionId)),
    'decisions:list': async (req) => {
      if (req.sessionId !== undefined) return listDecisions(db, req.sessionId);
      if (req.sessionNumber !== undefined) return listDecisions(db, sessionByNumber(db, req.sessionNumber).id);
      return listDecisions(db, null);
    },
    'minutes:saveSections': async (req, scope) => (saveSections(store, scope.requireProfile(), req.sessionId, req.sections), detail(req.sessionId)),
    'minutes:pdf': async (req) => minutesPdf(db, req.sessionId),
    'minutes:validate': async (req, scope) => (validateMinutes(store, scope.requireProfile(), req.sessionId), detail(req.sessionId)),
    'amendments:create': async (req, scope) => (createAmendment(store, scope.requireProfile(), req.sessionId, req.reason, req.decisions), detail(req.sessionId)),
    'subsidy:settings': async () => subsidySettings(db),
    'subsidy:saveSettings': async (req, scope) => saveSubsidySettings(store, scope.requireProfile(), req),
  };
}
