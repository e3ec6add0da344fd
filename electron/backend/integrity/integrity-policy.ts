/**
 * Who may check the record. The full verification names dossiers of every department: the national
 * roles (and a base without any profile yet, which sees everything). The status read on opening
 * names only sealed sessions, which every profile may list (sessions:list).
 */
import { ApiError } from '../../../shared/api/contract';
import type { IntegrityMethod } from '../../../shared/api/integrity-contract';
import { OPEN, type Policies } from '../access/policy-kit';

export const INTEGRITY_POLICY: Policies<IntegrityMethod> = {
  'integrity:verify': {
    check: ({ scope }, req) => {
      if (scope.restricted) throw new ApiError('FORBIDDEN', 'Seuls les membres du comité national et les administrateurs ANCT peuvent vérifier l’intégrité de la base : elle porte sur les dossiers de tous les départements.');
      return req;
    },
  },
  'integrity:status': OPEN,
};
