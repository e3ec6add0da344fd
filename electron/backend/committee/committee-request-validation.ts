/**
 * Shapes of the committee methods' requests (each throws BAD_REQUEST with a French reason).
 * Values the rules judge (posts above those requested, a short justification, a vote above its
 * base) pass through to them, so the user gets their French VALIDATION message.
 */
import type { ApiMethod } from '../../../shared/api/contract';
import { DECISION_KINDS, MINUTES_SECTIONS, PRESENCES, REFUSAL_GROUNDS } from '../../../shared/domain/committee';
import { bad, idList, isObject, numberOrNull, optionalInteger, optionalString, optionalStringArray, requiredId, requiredString } from '../request-checks';

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

export function validateCommitteeRequest(method: ApiMethod, req: Record<string, unknown>): void {
  switch (method) {
    case 'members:save':
      optionalInteger(req, 'id', 1, Number.MAX_SAFE_INTEGER);
      requiredString(req, 'name');
      requiredString(req, 'organisation');
      if (typeof req.active !== 'boolean') throw bad('« active » doit valoir true ou false');
      break;
    case 'sessions:get':
      requiredId(req, 'id');
      break;
    case 'sessions:save':
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
      break;
    case 'sessions:setPresence':
      requiredId(req, 'sessionId');
      requiredId(req, 'memberId');
      oneOf(req, 'presence', PRESENCES);
      break;
    case 'sessions:setStatus':
      requiredId(req, 'sessionId');
      oneOf(req, 'status', ['PLANNED', 'IN_PROGRESS', 'CLOSED']);
      break;
    case 'sessions:history':
    case 'minutes:pdf':
    case 'minutes:validate':
      requiredId(req, 'sessionId');
      break;
    case 'agenda:add':
      requiredId(req, 'sessionId');
      idList(req, 'dossierIds', 1, MAX_IDS);
      break;
    case 'agenda:addByFilter': {
      requiredId(req, 'sessionId');
      optionalBoolean(req, 'readyForDecision');
      const filter = req.filter;
      if (!isObject(filter)) throw bad('« filter » doit être un filtre de dossiers');
      for (const key of ['departments', 'regions', 'statuses', 'contractTypes', 'legalForms', 'opinions']) optionalStringArray(filter, key);
      optionalString(filter, 'warning');
      optionalString(filter, 'search');
      optionalInteger(filter, 'reviewerId', 1, Number.MAX_SAFE_INTEGER);
      if (filter.reviewed !== undefined && filter.reviewed !== 'yes' && filter.reviewed !== 'no') throw bad('« reviewed » doit valoir « yes » ou « no »');
      if (filter.minScore !== undefined && (typeof filter.minScore !== 'number' || !Number.isFinite(filter.minScore))) throw bad('« minScore » doit être un nombre');
      break;
    }
    case 'agenda:remove':
      requiredId(req, 'sessionId');
      requiredId(req, 'dossierId');
      break;
    case 'agenda:reorder':
      requiredId(req, 'sessionId');
      idList(req, 'order', 0, MAX_IDS);
      break;
    case 'conflicts:declare':
      requiredId(req, 'sessionId');
      requiredId(req, 'memberId');
      optionalInteger(req, 'dossierId', 1, Number.MAX_SAFE_INTEGER);
      optionalString(req, 'siret');
      optionalString(req, 'networkName');
      requiredString(req, 'note');
      break;
    case 'conflicts:remove':
      requiredId(req, 'sessionId');
      requiredId(req, 'conflictId');
      break;
    case 'decisions:record':
      requiredId(req, 'sessionId');
      decisionShape(req, 'décision');
      break;
    case 'decisions:list':
      optionalInteger(req, 'sessionId', 1, Number.MAX_SAFE_INTEGER);
      optionalString(req, 'sessionNumber');
      break;
    case 'minutes:saveSections':
      requiredId(req, 'sessionId');
      if (!isObject(req.sections) || Object.entries(req.sections).some(([k, v]) => !(MINUTES_SECTIONS as readonly string[]).includes(k) || typeof v !== 'string')) {
        throw bad(`« sections » associe à des sections parmi ${MINUTES_SECTIONS.join(', ')} leur texte`);
      }
      break;
    case 'amendments:create':
      requiredId(req, 'sessionId');
      requiredString(req, 'reason');
      if (!Array.isArray(req.decisions) || req.decisions.length > 10_000) throw bad('« decisions » doit être une liste de décisions');
      req.decisions.forEach((d, i) => decisionShape(d, `décision n° ${i + 1}`));
      break;
    case 'subsidy:saveSettings':
      numberOrNull(req, 'cuiPerPost', true);
      break;
    default:
      break;
  }
}
