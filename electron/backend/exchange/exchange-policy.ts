/**
 * Who may call the exchange methods. A prefecture agent exports the opinions (package or
 * workbook) of their own departments only and imports the national level's dossier packages for
 * them; the national side (committee, ANCT) imports the prefectures' review packages and sends
 * dossier packages. A package's department and sender are only known once the file is read: the
 * exchange service checks them (see checkPackageRights), before anything is shown or written.
 */
import type { ExchangeMethod } from '../../../shared/api/exchange-contract';
import { NATIONAL, REVIEWERS, type Policies } from '../access/policy-kit';

export const EXCHANGE_POLICY: Policies<ExchangeMethod> = {
  'exchange:exportPackage': {
    check: ({ scope }, req) => {
      scope.requireRole(REVIEWERS, 'exporter les avis d’un département');
      scope.checkDepartment(req.departmentCode);
      return req;
    },
  },
  'exchange:exportDossierPackage': {
    check: ({ scope }, req) => {
      scope.requireRole(NATIONAL, 'envoyer les dossiers d’un département à sa préfecture');
      scope.checkDepartment(req.departmentCode);
      return req;
    },
  },
  'exchange:previewPackage': { check: ({ scope }, req) => (scope.requireProfile(), req) },
  'exchange:importPackage': { check: ({ scope }, req) => (scope.requireProfile(), req) },
  // Lists only the conflicts on dossiers of the scope: see listConflicts.
  'exchange:conflicts': { check: ({ scope }, req) => (scope.requireProfile(), req) },
  'exchange:resolveConflict': {
    check: ({ scope, db }, req) => {
      scope.requireRole(REVIEWERS, 'résoudre un conflit entre deux versions d’un avis');
      const dossierId = db.value<number>('SELECT dossier_id FROM exchange_conflicts WHERE id = ?', [req.id]);
      if (dossierId !== undefined) scope.checkDossier(db, dossierId);
      return req;
    },
  },
  // Lists only the imports touching a department of the scope: see exchangeLog.
  'exchange:log': { check: ({ scope }, req) => (scope.requireProfile(), req) },
  'exchange:exportWorkbook': {
    check: ({ scope }, req) => {
      scope.requireRole(REVIEWERS, 'exporter le classeur d’un département');
      scope.checkDepartment(req.departmentCode);
      return req;
    },
  },
  // Rows on dossiers outside the scope are refused one by one, with the reason: see readWorkbook.
  'exchange:previewWorkbook': { check: ({ scope }, req) => (scope.requireRole(REVIEWERS, 'importer des avis'), req) },
  'exchange:importWorkbook': { check: ({ scope }, req) => (scope.requireRole(REVIEWERS, 'importer des avis'), req) },
};
