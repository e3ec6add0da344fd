/** The import methods: a file's preview and commit, the template, the divergence report (within the profile's departments). */
import type { ImportMethod } from '../../../shared/api/import-contract';
import type { Store } from '../db/store';
import type { ScopedHandlers } from '../access/guard';
import { divergencesCsv, divergencesFileName, listDivergences } from './import-divergences';
import type { ImportService } from './import-service';
import { buildImportTemplate } from './template';

export function importHandlers(store: Store, imports: ImportService): Pick<ScopedHandlers, ImportMethod> {
  const db = store.db;
  return {
    'import:preview': (req) => imports.preview(req),
    'import:commit': async (req) => imports.commit(req.token),
    'import:template': async () => ({ fileName: 'modele-import-dossiers-cnfs.xlsx', data: await buildImportTemplate() }),
    'import:divergences': async (_req, scope) => listDivergences(db, (code) => scope.allows(code)),
    'import:exportDivergences': async (_req, scope) => ({ fileName: divergencesFileName(new Date()), data: divergencesCsv(listDivergences(db, (code) => scope.allows(code))) }),
  };
}
