/**
 * Shapes of the review methods' requests. Values the domain rules judge (a comment's length, posts
 * above those requested, a negative weight) pass through to them, so the user gets their French
 * VALIDATION message rather than a bare "invalid request".
 */
import type { ApiMethod } from '../../../shared/api/contract';
import { COMPARE_MAX, COMPARE_MIN } from '../../../shared/domain/review';
import { bad, idList, isObject, numberOrNull, optionalInteger, optionalStringArray, requiredId, requiredString } from '../request-checks';

const MAX_BULK = 10_000;
const MAX_RANKED = 100_000;

export function validateReviewRequest(method: ApiMethod, req: Record<string, unknown>): void {
  switch (method) {
    case 'profile:save':
      optionalInteger(req, 'id', 1, Number.MAX_SAFE_INTEGER);
      requiredString(req, 'name');
      requiredString(req, 'role');
      if (req.departments === undefined) throw bad('« departments » manquant');
      optionalStringArray(req, 'departments');
      break;
    case 'profile:switch':
      requiredId(req, 'id');
      break;
    case 'opinions:record':
      requiredId(req, 'dossierId');
      requiredString(req, 'opinion');
      numberOrNull(req, 'postsSupported', true);
      if (req.postsSupported === null) throw bad('« postsSupported » doit être un nombre');
      requiredString(req, 'comment');
      for (const key of ['duplicateOfId', 'transferFromId', 'transferPosts']) numberOrNull(req, key, false);
      break;
    case 'opinions:recordBulk':
      idList(req, 'dossierIds', 1, MAX_BULK);
      requiredString(req, 'opinion');
      if (req.postsSupported !== 'requested' && req.postsSupported !== 'none') throw bad('« postsSupported » doit valoir « requested » ou « none »');
      requiredString(req, 'comment');
      break;
    case 'opinions:history':
    case 'scores:get':
      requiredId(req, 'dossierId');
      break;
    case 'grids:save':
      if (!Array.isArray(req.criteria) || req.criteria.some((c) => !isObject(c))) throw bad('« criteria » doit être une liste de critères');
      break;
    case 'scores:record':
      requiredId(req, 'dossierId');
      requiredId(req, 'gridId');
      if (!isObject(req.values) || Object.values(req.values).some((v) => v !== null && typeof v !== 'number')) throw bad('« values » doit associer à chaque critère une note ou null');
      if (req.comment !== undefined && req.comment !== null && typeof req.comment !== 'string') throw bad('« comment » doit être un texte');
      break;
    case 'compare:get':
      idList(req, 'ids', COMPARE_MIN, COMPARE_MAX);
      if (new Set(req.ids as number[]).size !== (req.ids as number[]).length) throw bad('un même dossier apparaît deux fois dans la comparaison');
      break;
    case 'ranking:get':
    case 'departments:totals':
      requiredString(req, 'departmentCode');
      break;
    case 'ranking:save':
      requiredString(req, 'departmentCode');
      idList(req, 'order', 0, MAX_RANKED);
      break;
    case 'targets:set':
      requiredString(req, 'departmentCode');
      numberOrNull(req, 'target', true);
      break;
    default:
      break;
  }
}
