/** Shapes of the integrity methods' requests: both take no parameter. */
import type { IntegrityMethod } from '../../../shared/api/integrity-contract';
import { bad, type RequestChecks } from '../request-checks';

const noParameter =
  (method: IntegrityMethod) =>
  (req: Record<string, unknown>): void => {
    if (Object.keys(req).length > 0) throw bad(`« ${method} » ne prend aucun paramètre (reçu : ${Object.keys(req).map((k) => `« ${k} »`).join(', ')})`);
  };

export const INTEGRITY_REQUEST_CHECKS: RequestChecks<IntegrityMethod> = {
  'integrity:verify': noParameter('integrity:verify'),
  'integrity:status': noParameter('integrity:status'),
};
