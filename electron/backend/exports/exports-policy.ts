/** Who may call the exports methods. */
import type { ExportsMethod } from '../../../shared/api/exports-contract';
import type { Policies } from '../review/policy-kit';

export const EXPORTS_POLICY: Policies<ExportsMethod> = {};
