/** Shapes of the import report's requests (each throws BAD_REQUEST with a French reason). */
import type { ApiMethod } from '../../../shared/api/contract';
import { bad } from '../request-checks';

export function validateImportRequest(method: ApiMethod, req: Record<string, unknown>): void {
  switch (method) {
    case 'import:divergences':
    case 'import:exportDivergences':
      if (Object.keys(req).length > 0) throw bad(`aucun paramètre attendu (reçu : ${Object.keys(req).join(', ')})`);
      break;
    default:
      break;
  }
}
