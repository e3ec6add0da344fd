/** Who may read the import's divergence report. */
import type { ImportApi } from '../../../shared/api/import-contract';
import { OPEN, type Policies } from '../review/policy-kit';

export const IMPORT_POLICY: Policies<keyof ImportApi> = {
  // Like the import itself, open to every profile; a PREFECTURE profile gets only the dossiers of
  // its departments (see importHandlers).
  'import:divergences': OPEN,
  'import:exportDivergences': OPEN,
};
