/** Who may call the review methods: opinions, scores and rankings by the reviewers, within their scope. */
import type { ReviewMethod } from '../../../shared/api/review-contract';
import { NATIONAL, OPEN, present, REVIEWERS, type Policies } from '../access/policy-kit';

export const REVIEW_POLICY: Policies<ReviewMethod> = {
  // Profiles are self-declared: saying who you are is what the first-start screen asks.
  'profile:current': OPEN,
  'profile:list': OPEN,
  'profile:save': OPEN,
  'profile:switch': OPEN,
  'opinions:record': {
    check: ({ scope, db }, req) => {
      scope.requireRole(REVIEWERS, 'donner un avis');
      scope.checkDossiers(db, present([req.dossierId, req.duplicateOfId, req.transferFromId]));
      return req;
    },
  },
  'opinions:recordBulk': {
    check: ({ scope, db }, req) => {
      scope.requireRole(REVIEWERS, 'donner un avis');
      scope.checkDossiers(db, req.dossierIds);
      return req;
    },
  },
  'opinions:history': { check: ({ scope, db }, req) => (scope.checkDossier(db, req.dossierId), req) },
  'grids:list': OPEN,
  'grids:save': { check: ({ scope }, req) => (scope.requireRole(NATIONAL, 'modifier la grille de notation'), req) },
  'scores:record': {
    check: ({ scope, db }, req) => {
      scope.requireRole(REVIEWERS, 'noter un dossier');
      scope.checkDossier(db, req.dossierId);
      return req;
    },
  },
  'scores:get': { check: ({ scope, db }, req) => (scope.checkDossier(db, req.dossierId), req) },
  'compare:get': { check: ({ scope, db }, req) => (scope.checkDossiers(db, req.ids), req) },
  'ranking:get': { check: ({ scope }, req) => (scope.checkDepartment(req.departmentCode), req) },
  'ranking:save': {
    check: ({ scope }, req) => {
      scope.requireRole(REVIEWERS, 'classer les dossiers');
      scope.checkDepartment(req.departmentCode);
      return req;
    },
  },
  'departments:totals': { check: ({ scope }, req) => (scope.checkDepartment(req.departmentCode), req) },
  'targets:set': {
    check: ({ scope }, req) => {
      scope.requireRole(NATIONAL, 'fixer l’objectif de postes d’un département');
      scope.checkDepartment(req.departmentCode);
      return req;
    },
  },
};
