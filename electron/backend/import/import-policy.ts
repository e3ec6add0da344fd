/** Who may import a file and read the import's divergence report. */
import type { ImportMethod } from '../../../shared/api/import-contract';
import { OPEN, type Policies } from '../access/policy-kit';

export const IMPORT_POLICY: Policies<ImportMethod> = {
  // The import rejects, row by row, the rows outside the scope (with the reason): see ImportService.
  'import:preview': OPEN,
  'import:commit': OPEN,
  'import:template': OPEN,
  // Like the import itself, open to every profile; a PREFECTURE profile gets only the dossiers of
  // its departments (see importHandlers).
  'import:divergences': OPEN,
  'import:exportDivergences': OPEN,
};
