/** Who may call the dossiers methods: the list, facets and detail within the profile's scope. */
import { ApiError } from '../../../shared/api/contract';
import type { DossiersMethod } from '../../../shared/api/dossiers-contract';
import { OPEN, type Policies } from '../access/policy-kit';

export const DOSSIERS_POLICY: Policies<DossiersMethod> = {
  'app:info': OPEN,
  'dossiers:list': { check: ({ scope }, req) => scope.restrict(req) },
  'dossiers:facets': {
    check: ({ scope }, req) => scope.restrict(req),
    // The departments facet ignores the department filter (so its options stay visible), hence the
    // scope too: keep only the allowed rows, whose counts do not depend on that filter.
    filter: ({ scope }, facets) => ({ ...facets, departments: facets.departments.filter((d) => scope.allows(d.value)) }),
  },
  'dossiers:get': { check: ({ scope, db }, req) => (scope.checkDossier(db, req.id), req) },
  'demo:generate': {
    check: ({ scope, db }, req) => {
      const role = scope.profile?.role;
      if (role && role !== 'ADMIN' && (db.value<number>('SELECT count(*) FROM dossiers') ?? 0) > 0) {
        throw new ApiError('FORBIDDEN', 'Seuls les administrateurs ANCT peuvent générer des données de démonstration dans une base qui contient déjà des dossiers.');
      }
      return req;
    },
  },
};
