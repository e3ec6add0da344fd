/**
 * Shapes of the review methods' requests. Values the domain rules judge (a comment's length, posts
 * above those requested, a negative weight) pass through to them, so the user gets their French
 * VALIDATION message rather than a bare "invalid request".
 */
import type { ReviewMethod } from '../../../shared/api/review-contract';
import { COMPARE_MAX, COMPARE_MIN } from '../../../shared/domain/review';
import { bad, idList, isObject, NO_CHECK, numberOrNull, optionalInteger, optionalStringArray, requiredId, requiredString, type RequestChecks } from '../request-checks';

const MAX_BULK = 10_000;
const MAX_RANKED = 100_000;

const dossierId = (req: Record<string, unknown>): void => requiredId(req, 'dossierId');
const departmentCode = (req: Record<string, unknown>): void => requiredString(req, 'departmentCode');

export const REVIEW_REQUEST_CHECKS: RequestChecks<ReviewMethod> = {
  'profile:current': NO_CHECK,
  'profile:list': NO_CHECK,
  'profile:save': (req) => {
    optionalInteger(req, 'id', 1, Number.MAX_SAFE_INTEGER);
    requiredString(req, 'name');
    requiredString(req, 'role');
    if (req.departments === undefined) throw bad('« departments » manquant');
    optionalStringArray(req, 'departments');
  },
  'profile:switch': (req) => requiredId(req, 'id'),
  'opinions:record': (req) => {
    requiredId(req, 'dossierId');
    requiredString(req, 'opinion');
    numberOrNull(req, 'postsSupported', true);
    if (req.postsSupported === null) throw bad('« postsSupported » doit être un nombre');
    requiredString(req, 'comment');
    for (const key of ['duplicateOfId', 'transferFromId', 'transferPosts']) numberOrNull(req, key, false);
  },
  'opinions:recordBulk': (req) => {
    idList(req, 'dossierIds', 1, MAX_BULK);
    requiredString(req, 'opinion');
    if (req.postsSupported !== 'requested' && req.postsSupported !== 'none') throw bad('« postsSupported » doit valoir « requested » ou « none »');
    requiredString(req, 'comment');
  },
  'opinions:history': dossierId,
  'grids:list': NO_CHECK,
  'grids:save': (req) => {
    if (!Array.isArray(req.criteria) || req.criteria.some((c) => !isObject(c))) throw bad('« criteria » doit être une liste de critères');
  },
  'scores:record': (req) => {
    requiredId(req, 'dossierId');
    requiredId(req, 'gridId');
    if (!isObject(req.values) || Object.values(req.values).some((v) => v !== null && typeof v !== 'number')) throw bad('« values » doit associer à chaque critère une note ou null');
    if (req.comment !== undefined && req.comment !== null && typeof req.comment !== 'string') throw bad('« comment » doit être un texte');
  },
  'scores:get': dossierId,
  'compare:get': (req) => {
    idList(req, 'ids', COMPARE_MIN, COMPARE_MAX);
    if (new Set(req.ids as number[]).size !== (req.ids as number[]).length) throw bad('un même dossier apparaît deux fois dans la comparaison');
  },
  'ranking:get': departmentCode,
  'ranking:save': (req) => {
    requiredString(req, 'departmentCode');
    idList(req, 'order', 0, MAX_RANKED);
  },
  'departments:totals': departmentCode,
  'targets:set': (req) => {
    requiredString(req, 'departmentCode');
    numberOrNull(req, 'target', true);
  },
};
