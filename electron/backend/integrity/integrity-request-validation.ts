/** Shapes of the integrity methods' requests: both take no parameter. */
import type { ApiMethod } from '../../../shared/api/contract';
import { bad } from '../request-checks';

export function validateIntegrityRequest(method: ApiMethod, req: Record<string, unknown>): void {
  if ((method === 'integrity:verify' || method === 'integrity:status') && Object.keys(req).length > 0) {
    throw bad(`« ${method} » ne prend aucun paramètre (reçu : ${Object.keys(req).map((k) => `« ${k} »`).join(', ')})`);
  }
}
