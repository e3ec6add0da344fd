/** The import's divergence report: the list and its CSV, within the profile's departments. */
import type { ImportApi } from '../../../shared/api/import-contract';
import type { Store } from '../db/store';
import type { ScopedHandlers } from '../review/scope-policy';
import { divergencesCsv, divergencesFileName, listDivergences } from './import-divergences';

export function importHandlers(store: Store): Pick<ScopedHandlers, keyof ImportApi> {
  const db = store.db;
  return {
    'import:divergences': async (_req, scope) => listDivergences(db, (code) => scope.allows(code)),
    'import:exportDivergences': async (_req, scope) => ({ fileName: divergencesFileName(new Date()), data: divergencesCsv(listDivergences(db, (code) => scope.allows(code))) }),
  };
}
