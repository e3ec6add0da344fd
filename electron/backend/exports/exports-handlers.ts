/** The exports methods of the contract: thin, each calls a tested function (policies already ran). */
import type { ExportsMethod } from '../../../shared/api/exports-contract';
import type { Store } from '../db/store';
import type { BackendEvents } from '../host/backend-events';
import type { ScopedHandlers } from '../access/guard';
import { contractSignature, setContractSignedAt } from './contract-signature';
import { checkSessions, countDecisions, exportSessions } from './decision-rows';
import { ExportJobs } from './export-jobs';

export function exportsHandlers(store: Store, events: BackendEvents): Pick<ScopedHandlers, ExportsMethod> {
  const db = store.db;
  const jobs = new ExportJobs(store, events);
  const owner = (scope: { profile: { id: number } | null }) => scope.profile?.id ?? null;
  return {
    'exports:start': async (req, scope) => jobs.start(req, owner(scope)),
    'exports:result': (req, scope) => jobs.result(req.id, owner(scope)),
    'exports:cancel': async (req, scope) => jobs.cancel(req.id, owner(scope)),
    'exports:count': async (req) => {
      checkSessions(db, req.sessions);
      return { rows: countDecisions(db, req) };
    },
    'exports:sessions': async (_req, scope) => (scope.departments?.length === 0 ? [] : exportSessions(db, scope.departments)),
    'dossiers:contractSignature': async (req) => contractSignature(db, req.dossierId),
    'dossiers:setContractSignedAt': async (req, scope) => setContractSignedAt(store, scope.requireProfile(), req.dossierId, req.signedAt),
  };
}
