/**
 * Shapes of the committee methods' requests (each throws BAD_REQUEST with a French reason).
 * Values the rules judge (posts above those requested, a short justification, a vote above its
 * base) pass through to them, so the user gets their French VALIDATION message.
 */
import type { CommitteeMethod } from '../../../shared/api/committee-contract';
import { DECISION_KINDS, MINUTES_SECTIONS, PRESENCES, REFUSAL_GROUNDS } from '../../../shared/domain/committee';
import { bad, dossierFilterFields, idList, isObject, NO_CHECK, numberOrNull, optionalInteger, optionalString, requiredId, requiredString, type RequestChecks } from '../request-checks';

const MAX_IDS = 100_000;

function oneOf(req: Record<string, unknown>, key: string, values: readonly string[]): void {
  if (typeof req[key] !== 'string' || !values.includes(req[key])) throw bad(`« ${key} » doit valoir ${values.map((v) => `« ${v} »`).join(', ')}`);
}

function optionalBoolean(req: Record<string, unknown>, key: string): void {
  if (req[key] !== undefined && typeof req[key] !== 'boolean') throw bad(`« ${key} » doit valoir true ou false`);
}

function idArray(req: Record<string, unknown>, key: string, what: string): void {
  const value = req[key];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 1)) throw bad(`« ${key} » doit être une liste d’identifiants ${what}`);
  if (value.length > MAX_IDS) throw bad(`« ${key} » compte au plus ${MAX_IDS} éléments`);
}

function decisionShape(d: unknown, where: string): void {
  if (!isObject(d)) throw bad(`${where} : objet attendu`);
  requiredId(d, 'dossierId');
  oneOf(d, 'decision', DECISION_KINDS);
  numberOrNull(d, 'postsGranted', false);
  optionalBoolean(d, 'priority');
  if (d.grounds !== undefined && (!Array.isArray(d.grounds) || d.grounds.some((g) => typeof g !== 'string' || !(REFUSAL_GROUNDS as readonly string[]).includes(g)))) {
    throw bad(`« grounds » doit être une liste de motifs parmi ${REFUSAL_GROUNDS.join(', ')}`);
  }
  requiredString(d, 'comment');
  if (d.justification !== undefined && d.justification !== null && typeof d.justification !== 'string') throw bad('« justification » doit être un texte');
  if (d.derogation !== undefined && d.derogation !== null && typeof d.derogation !== 'string') throw bad('« derogation » doit être un texte');
  if (d.vote !== undefined && d.vote !== null) {
    const vote = d.vote;
    if (!isObject(vote) || ['for', 'against', 'abstain'].some((k) => typeof vote[k] !== 'number' || !Number.isInteger(vote[k]) || vote[k] < 0 || vote[k] > 1000)) {
      throw bad('« vote » doit donner les voix « for », « against » et « abstain » (entiers ≥ 0)');
    }
  }
}

const sessionId = (req: Record<string, unknown>): void => requiredId(req, 'sessionId');

export const COMMITTEE_REQUEST_CHECKS: RequestChecks<CommitteeMethod> = {
  'members:list': NO_CHECK,
  'members:save': (req) => {
    optionalInteger(req, 'id', 1, Number.MAX_SAFE_INTEGER);
    requiredString(req, 'name');
    requiredString(req, 'organisation');
    if (typeof req.active !== 'boolean') throw bad('« active » doit valoir true ou false');
  },
  'sessions:list': NO_CHECK,
  'sessions:get': (req) => requiredId(req, 'id'),
  'sessions:save': (req) => {
    optionalInteger(req, 'id', 1, Number.MAX_SAFE_INTEGER);
    requiredString(req, 'number');
    requiredString(req, 'date');
    requiredString(req, 'place');
    if (req.chairId !== null && (typeof req.chairId !== 'number' || !Number.isInteger(req.chairId) || req.chairId < 1)) throw bad('« chairId » doit être un identifiant de membre ou null');
    idArray(req, 'memberIds', 'de membres');
    if (req.quorumRule !== undefined) {
      const rule = req.quorumRule;
      if (!isObject(rule) || (rule.kind !== 'MAJORITY' && rule.kind !== 'MINIMUM')) throw bad('« quorumRule » doit être { kind: "MAJORITY" } ou { kind: "MINIMUM", count }');
      if (rule.kind === 'MINIMUM' && typeof rule.count !== 'number') throw bad('« quorumRule.count » doit être un nombre');
    }
  },
  'sessions:setPresence': (req) => {
    requiredId(req, 'sessionId');
    requiredId(req, 'memberId');
    oneOf(req, 'presence', PRESENCES);
  },
  'sessions:setStatus': (req) => {
    requiredId(req, 'sessionId');
    oneOf(req, 'status', ['PLANNED', 'IN_PROGRESS', 'CLOSED']);
  },
  'sessions:history': sessionId,
  'agenda:add': (req) => {
    requiredId(req, 'sessionId');
    idList(req, 'dossierIds', 1, MAX_IDS);
  },
  'agenda:addByFilter': (req) => {
    requiredId(req, 'sessionId');
    optionalBoolean(req, 'readyForDecision');
    const filter = req.filter;
    if (!isObject(filter)) throw bad('« filter » doit être un filtre de dossiers');
    dossierFilterFields(filter);
  },
  'agenda:remove': (req) => {
    requiredId(req, 'sessionId');
    requiredId(req, 'dossierId');
  },
  'agenda:reorder': (req) => {
    requiredId(req, 'sessionId');
    idList(req, 'order', 0, MAX_IDS);
  },
  'conflicts:declare': (req) => {
    requiredId(req, 'sessionId');
    requiredId(req, 'memberId');
    optionalInteger(req, 'dossierId', 1, Number.MAX_SAFE_INTEGER);
    optionalString(req, 'siret');
    optionalString(req, 'networkName');
    requiredString(req, 'note');
  },
  'conflicts:remove': (req) => {
    requiredId(req, 'sessionId');
    requiredId(req, 'conflictId');
  },
  'decisions:record': (req) => {
    requiredId(req, 'sessionId');
    decisionShape(req, 'décision');
  },
  'decisions:list': (req) => {
    optionalInteger(req, 'sessionId', 1, Number.MAX_SAFE_INTEGER);
    optionalString(req, 'sessionNumber');
  },
  'minutes:saveSections': (req) => {
    requiredId(req, 'sessionId');
    if (!isObject(req.sections) || Object.entries(req.sections).some(([k, v]) => !(MINUTES_SECTIONS as readonly string[]).includes(k) || typeof v !== 'string')) {
      throw bad(`« sections » associe à des sections parmi ${MINUTES_SECTIONS.join(', ')} leur texte`);
    }
  },
  'minutes:pdf': sessionId,
  'minutes:validate': sessionId,
  'amendments:create': (req) => {
    requiredId(req, 'sessionId');
    requiredString(req, 'reason');
    if (!Array.isArray(req.decisions) || req.decisions.length > 10_000) throw bad('« decisions » doit être une liste de décisions');
    req.decisions.forEach((d, i) => decisionShape(d, `décision n° ${i + 1}`));
  },
  'subsidy:settings': NO_CHECK,
  'subsidy:saveSettings': (req) => numberOrNull(req, 'cuiPerPost', true),
};
