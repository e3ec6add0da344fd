/** Who may call the exports methods, and what a PREFECTURE profile's exports are narrowed to. */
import { ApiError } from '../../../shared/api/contract';
import type { DecisionSelection, ExportsMethod } from '../../../shared/api/exports-contract';
import { NATIONAL, OPEN, type Policies } from '../access/policy-kit';
import type { Scope } from '../access/scope';

/**
 * A department asked for outside the scope is refused; otherwise a PREFECTURE profile's selection
 * is narrowed to its departments (all of them when it names none), and so is the list filter.
 */
export function narrowSelection<S extends DecisionSelection>(scope: Scope, selection: S): S {
  for (const code of selection.departments ?? []) scope.checkDepartment(code);
  const allowed = scope.departments;
  if (allowed === null) return selection;
  if (allowed.length === 0) throw new ApiError('OUT_OF_SCOPE', 'Votre profil de préfecture n’a aucun département : rien à exporter.');
  const departments = selection.departments && selection.departments.length > 0 ? selection.departments : [...allowed];
  return { ...selection, departments, ...(selection.filter ? { filter: scope.restrict(selection.filter) } : {}) };
}

export const EXPORTS_POLICY: Policies<ExportsMethod> = {
  'exports:start': { check: ({ scope }, req) => narrowSelection(scope, req) },
  // A job belongs to the profile that started it (see ExportJobs): another profile gets NOT_FOUND.
  'exports:result': OPEN,
  'exports:cancel': OPEN,
  'exports:count': { check: ({ scope }, req) => narrowSelection(scope, req) },
  // Counts only the decisions of the scope's departments: see exportsHandlers.
  'exports:sessions': OPEN,
  'dossiers:contractSignature': { check: ({ scope, db }, req) => (scope.checkDossier(db, req.dossierId), req) },
  'dossiers:setContractSignedAt': {
    check: ({ scope, db }, req) => {
      scope.requireRole(NATIONAL, 'enregistrer la date de signature d’un contrat');
      scope.checkDossier(db, req.dossierId);
      return req;
    },
  },
};
