/**
 * Committee decisions: checked against the rules (quorum, agenda, posts, grounds, vote base,
 * departure from the opinion), appended to `decisions`, and mirrored on the dossier (status, posts
 * granted, COSELEC number and date) with a `dossier_changes` row, all in one transaction.
 */
import { ApiError } from '../../../shared/api/contract';
import {
  DECISION_LABELS,
  DECISION_STATUS,
  DEROGATION_MAX,
  DEROGATION_MIN,
  REFUSAL_GROUND_LABELS,
  departsFromOpinion,
  majorityReached,
  type DecisionInput,
  type SessionDecision,
} from '../../../shared/domain/committee';
import type { DossierFieldKey, FieldChange } from '../../../shared/domain/dossier';
import { ELIGIBILITY_STATE_LABELS, type EligibilitySummary } from '../../../shared/domain/eligibility';
import { frenchNumber, plural } from '../../../shared/domain/french-format';
import { COMMENT_MIN, OPINION_LABELS, type OpinionKind, type UserProfile } from '../../../shared/domain/review';
import type { Store, WriteTx } from '../db/store';
import { refreshContentHash } from '../dossiers/dossier-writes';
import type { DbReader } from '../review/db-reader';
import { recusedOn, sessionConflicts } from './conflicts';
import { FROZEN_COLUMNS, FROZEN_PLACEHOLDERS, frozenValuesFor } from './decision-money';
import { currentSessionDecisions, toSessionDecision, type DecisionRow } from './decision-rows';
import { appendHistory } from './history';
import { dossierEligibility, quorumOf, sessionMembers } from './session-detail';
import { loadSession, quorumRuleOf, requireInProgress, sessionLabel, type SessionRow } from './session-rows';
import { subsidySettings } from './subsidy-settings';

export const DECISION_TEXT_MAX = 2000;

/** What a decision is checked against: the dossier as the agenda shows it, and who may vote. */
export interface DecisionContext {
  externalId: string;
  postsRequested: number;
  opinion: OpinionKind | null;
  postsSupported: number | null;
  recused: number[];
  voteBase: number;
  /** The dossier's eligibility now: an approval answers its `derogation` reasons with a derogation. */
  eligibility: EligibilitySummary;
}

/** The decision as it will be stored. */
export type NormalisedDecision = Pick<SessionDecision, 'dossierId' | 'decision' | 'postsGranted' | 'priority' | 'grounds' | 'comment' | 'justification' | 'derogation' | 'vote'>;

export function normaliseDecision(input: Omit<DecisionInput, 'sessionId'>): NormalisedDecision {
  const justification = input.justification?.trim() ?? '';
  const derogation = input.derogation?.trim() ?? '';
  return {
    dossierId: input.dossierId,
    decision: input.decision,
    postsGranted: input.postsGranted ?? null,
    priority: input.priority ?? false,
    grounds: [...new Set(input.grounds ?? [])],
    comment: input.comment.trim(),
    justification: justification === '' ? null : justification,
    derogation: derogation === '' ? null : derogation,
    vote: input.vote ?? null,
  };
}


function opinionText(ctx: DecisionContext): string {
  if (ctx.opinion === null) return 'aucun avis';
  const posts = ctx.opinion === 'FAVORABLE' && ctx.postsSupported !== null ? `, ${plural(ctx.postsSupported, 'poste soutenu', 'postes soutenus')}` : '';
  return `avis ${OPINION_LABELS[ctx.opinion].toLowerCase()}${posts}`;
}

/** Every rule a decision breaks, in French, in the order of the form's fields; empty when it may be recorded. */
export function decisionErrors(d: NormalisedDecision, ctx: DecisionContext): string[] {
  const errors: string[] = [];
  if (d.decision === 'POSITIF') {
    if (ctx.postsRequested < 1) errors.push(`Le dossier ${ctx.externalId} ne demande aucun poste : il ne peut pas être approuvé.`);
    else if (d.postsGranted === null || !Number.isInteger(d.postsGranted) || d.postsGranted < 1 || d.postsGranted > ctx.postsRequested) {
      errors.push(`Postes accordés : un nombre entier de 1 à ${ctx.postsRequested} (postes demandés par le dossier ${ctx.externalId}).`);
    }
  } else if (d.postsGranted !== null) {
    errors.push(`Seul un accord attribue des postes : laissez les postes accordés vides pour ${d.decision === 'NEGATIF' ? 'un refus' : 'un examen complémentaire'}.`);
  }
  if (d.decision === 'NEGATIF') {
    if (d.grounds.length === 0) errors.push(`Un refus indique au moins un motif : ${Object.values(REFUSAL_GROUND_LABELS).map((l) => `« ${l} »`).join(', ')}.`);
    if (d.comment.length < COMMENT_MIN) errors.push(`Un refus est commenté (au moins ${COMMENT_MIN} caractères) : le commentaire figure au procès-verbal et dans le courrier.`);
  } else if (d.grounds.length > 0) {
    errors.push('Les motifs de refus ne s’appliquent qu’à un refus.');
  }
  if (d.comment.length > DECISION_TEXT_MAX) errors.push(`Le commentaire compte au plus ${frenchNumber(DECISION_TEXT_MAX)} caractères.`);
  if (departsFromOpinion(ctx.opinion, ctx.postsSupported, d.decision, d.postsGranted) && (d.justification ?? '').length < COMMENT_MIN) {
    errors.push(`La décision s’écarte de l’avis de la préfecture (${opinionText(ctx)}) : justifiez-la (au moins ${COMMENT_MIN} caractères).`);
  }
  if (d.decision === 'POSITIF' && ctx.opinion === null && (d.justification ?? '').length < COMMENT_MIN) {
    errors.push(`Le dossier ${ctx.externalId} n’a pas d’avis de la préfecture : justifiez l’accord sans avis (au moins ${COMMENT_MIN} caractères).`);
  }
  if (d.justification !== null && d.justification.length > DECISION_TEXT_MAX) errors.push(`La justification compte au plus ${frenchNumber(DECISION_TEXT_MAX)} caractères.`);
  errors.push(...derogationErrors(d, ctx));
  if (d.vote) {
    const total = d.vote.for + d.vote.against + d.vote.abstain;
    const base = `base de vote de ${ctx.voteBase} (membres présents et non récusés${ctx.recused.length > 0 ? `, ${plural(ctx.recused.length, 'membre récusé', 'membres récusés')}` : ''})`;
    if (total > ctx.voteBase) errors.push(`Vote : ${plural(total, 'voix exprimée', 'voix exprimées')} pour une ${base}.`);
    else if (!majorityReached(d.vote, ctx.voteBase)) {
      errors.push(
        `Vote : ${plural(d.vote.for, 'voix pour', 'voix pour')} sur une ${base} : la majorité (au moins ${Math.floor(ctx.voteBase / 2) + 1} voix pour) n’est pas atteinte, la décision n’est pas adoptée.`,
      );
    }
  }
  return errors;
}

const charCount = (text: string) => [...text].length;

/** An approval of a dossier not eligible or « à vérifier » states why (the derogation); nothing else carries one. */
function derogationErrors(d: NormalisedDecision, ctx: DecisionContext): string[] {
  const needed = d.decision === 'POSITIF' ? ctx.eligibility.derogation : [];
  const length = d.derogation === null ? 0 : charCount(d.derogation);
  if (needed.length === 0) {
    if (d.derogation === null) return [];
    return [
      d.decision === 'POSITIF'
        ? `Le dossier ${ctx.externalId} ne demande pas de dérogation (${ELIGIBILITY_STATE_LABELS[ctx.eligibility.state]}) : laissez la justification de la dérogation vide.`
        : 'La justification de la dérogation ne s’applique qu’à un accord : laissez-la vide pour un refus ou un examen complémentaire.',
    ];
  }
  const why = `Le dossier ${ctx.externalId} est ${ELIGIBILITY_STATE_LABELS[ctx.eligibility.state]} (${needed.join(' ; ')})`;
  if (length < DEROGATION_MIN) {
    return [`${why} : l’accord demande une justification de la dérogation (${DEROGATION_MIN} à ${frenchNumber(DEROGATION_MAX)} caractères${length > 0 ? `, ${length} saisi${length > 1 ? 's' : ''}` : ''}).`];
  }
  if (length > DEROGATION_MAX) return [`La justification de la dérogation du dossier ${ctx.externalId} compte au plus ${frenchNumber(DEROGATION_MAX)} caractères (${frenchNumber(length)} saisis).`];
  return [];
}

interface DossierState {
  id: number;
  external_id: string;
  siret: string | null;
  network_name: string | null;
  posts_requested: number;
  review_opinion: OpinionKind | null;
  review_posts: number | null;
  status: string;
  posts_granted: number | null;
  coselec_validated: number | null;
  coselec_number: string | null;
  coselec_date: string | null;
}

/** The dossiers of the session's agenda, by id. */
function agendaDossiers(db: DbReader, sessionId: number): Map<number, DossierState> {
  const rows = db.all<DossierState>(
    `SELECT d.id, d.external_id, d.siret, d.network_name, d.posts_requested, d.review_opinion, d.review_posts, d.status, d.posts_granted, d.coselec_validated, d.coselec_number, d.coselec_date
     FROM agenda_items a JOIN dossiers d ON d.id = a.dossier_id WHERE a.session_id = ?`,
    [sessionId],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface Prepared {
  decision: NormalisedDecision;
  dossier: DossierState;
  ctx: DecisionContext;
}

/**
 * Checks a batch of decisions of one session (one for decisions:record, several for an
 * amendment): all pass or nothing is written. Quorum is checked on the session's presence.
 */
export function prepareDecisions(db: DbReader, session: SessionRow, inputs: readonly Omit<DecisionInput, 'sessionId'>[]): Prepared[] {
  const members = sessionMembers(db, session.id);
  const quorum = quorumOf(quorumRuleOf(session), members);
  if (!quorum.reached) {
    throw new ApiError(
      'QUORUM',
      `Quorum non atteint pour la séance ${sessionLabel(session.number)} : ${plural(quorum.present, 'membre présent', 'membres présents')} sur ${members.length}, ${quorum.required} requis. Aucune décision ne peut être enregistrée.`,
    );
  }
  const dossiers = agendaDossiers(db, session.id);
  const conflicts = sessionConflicts(db, session.id);
  const memberIds = new Set(members.map((m) => m.memberId));
  const present = members.filter((m) => m.presence === 'PRESENT').map((m) => m.memberId);
  const settings = subsidySettings(db);
  const seen = new Set<number>();
  const errors: string[] = [];
  const prepared: Prepared[] = [];
  for (const input of inputs) {
    const dossier = dossiers.get(input.dossierId);
    if (!dossier) {
      const known = db.get<{ external_id: string }>('SELECT external_id FROM dossiers WHERE id = ?', [input.dossierId]);
      errors.push(
        known
          ? `Le dossier ${known.external_id} n’est pas inscrit à l’ordre du jour de la séance ${sessionLabel(session.number)} : ajoutez-le d’abord.`
          : `Le dossier n° ${input.dossierId} n’existe pas dans cette base.`,
      );
      continue;
    }
    if (seen.has(dossier.id)) {
      errors.push(`Le dossier ${dossier.external_id} apparaît deux fois.`);
      continue;
    }
    seen.add(dossier.id);
    const recused = recusedOn({ dossierId: dossier.id, siret: dossier.siret, networkName: dossier.network_name }, conflicts, memberIds);
    const ctx: DecisionContext = {
      externalId: dossier.external_id,
      postsRequested: dossier.posts_requested,
      opinion: dossier.review_opinion,
      postsSupported: dossier.review_posts,
      recused,
      voteBase: present.filter((id) => !recused.includes(id)).length,
      eligibility: dossierEligibility(db, dossier.id, settings),
    };
    const decision = normaliseDecision(input);
    const problems = decisionErrors(decision, ctx);
    if (problems.length > 0) errors.push(...(inputs.length > 1 ? problems.map((p) => `Dossier ${dossier.external_id} : ${p}`) : problems));
    prepared.push({ decision, dossier, ctx });
  }
  if (errors.length > 0) throw new ApiError('VALIDATION', `Aucune décision n’a été enregistrée. ${errors.join(' ')}`, { errors });
  return prepared;
}

const DOSSIER_FIELDS: [DossierFieldKey, 'status' | 'posts_granted' | 'coselec_validated' | 'coselec_number' | 'coselec_date'][] = [
  ['status', 'status'],
  ['postsGranted', 'posts_granted'],
  ['coselecValidated', 'coselec_validated'],
  ['coselecNumber', 'coselec_number'],
  ['coselecDate', 'coselec_date'],
];

/** Appends the decision and mirrors it on the dossier; returns the new decision's id. */
export function appendDecision(tx: WriteTx, session: SessionRow, p: Prepared, by: string, at: string, amendmentId: number | null): number {
  const d = p.decision;
  tx.run(
    `INSERT INTO decisions (dossier_id, session_number, session_date, decision, posts_granted, priority, comment, source, recorded_by, recorded_at, session_id, grounds, justification, vote, vote_base, recused, amendment_id, derogation, eligibility, ${FROZEN_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, 'committee', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${FROZEN_PLACEHOLDERS})`,
    [
      d.dossierId,
      session.number,
      session.date,
      d.decision,
      d.postsGranted,
      d.priority ? 1 : 0,
      d.comment,
      by,
      at,
      session.id,
      JSON.stringify(d.grounds),
      d.justification,
      d.vote ? JSON.stringify(d.vote) : null,
      p.ctx.voteBase,
      JSON.stringify(p.ctx.recused),
      amendmentId,
      d.derogation,
      JSON.stringify(p.ctx.eligibility),
      // The money is frozen in the same row (an amendment of sealed minutes cannot be updated later).
      ...frozenValuesFor(tx, d.dossierId, d.decision, d.postsGranted),
    ],
  );
  const id = tx.lastInsertId();
  // The dossier follows its current decision: what the list, the detail and the map read.
  const after: Pick<DossierState, 'status' | 'posts_granted' | 'coselec_validated' | 'coselec_number' | 'coselec_date'> = {
    status: DECISION_STATUS[d.decision],
    posts_granted: d.decision === 'POSITIF' ? d.postsGranted : d.decision === 'NEGATIF' ? 0 : null,
    coselec_validated: d.decision === 'POSITIF' ? 1 : 0,
    coselec_number: session.number,
    coselec_date: session.date,
  };
  const changes: FieldChange[] = DOSSIER_FIELDS.filter(([, column]) => p.dossier[column] !== after[column]).map(([field, column]) => ({
    field,
    before: field === 'coselecValidated' && p.dossier[column] !== null ? p.dossier[column] === 1 : p.dossier[column],
    after: field === 'coselecValidated' ? after[column] === 1 : after[column],
  }));
  tx.run('UPDATE dossiers SET status = ?, posts_granted = ?, coselec_validated = ?, coselec_number = ?, coselec_date = ?, updated_at = ? WHERE id = ?', [
    after.status,
    after.posts_granted,
    after.coselec_validated,
    after.coselec_number,
    after.coselec_date,
    at,
    d.dossierId,
  ]);
  refreshContentHash(tx, d.dossierId);
  if (changes.length > 0) {
    tx.run("INSERT INTO dossier_changes (dossier_id, at, by_user, source, changes) VALUES (?, ?, ?, 'committee', ?)", [d.dossierId, at, by, JSON.stringify(changes)]);
  }
  return id;
}

export function decisionText(d: Pick<NormalisedDecision, 'decision' | 'postsGranted'>): string {
  return d.decision === 'POSITIF' ? `${DECISION_LABELS.POSITIF}, ${plural(d.postsGranted ?? 0, 'poste', 'postes')}` : DECISION_LABELS[d.decision];
}

/** What a stored decision says, compared with a new one (to skip recording the same thing twice). */
function sameDecision(row: DecisionRow, d: NormalisedDecision): boolean {
  return (
    row.decision === d.decision &&
    row.posts_granted === d.postsGranted &&
    row.priority === (d.priority ? 1 : 0) &&
    row.grounds === JSON.stringify(d.grounds) &&
    (row.comment ?? '') === d.comment &&
    row.justification === d.justification &&
    row.derogation === d.derogation &&
    row.vote === (d.vote ? JSON.stringify(d.vote) : null)
  );
}

export function recordDecision(store: Store, author: UserProfile, input: DecisionInput): void {
  const db = store.db;
  const session = loadSession(db, input.sessionId);
  requireInProgress(session);
  const [prepared] = prepareDecisions(db, session, [input]);
  const p = prepared!;
  const previous = currentSessionDecisions(db, session.id).get(p.dossier.id);
  if (
    previous &&
    sameDecision(previous, p.decision) &&
    previous.vote_base === p.ctx.voteBase &&
    previous.recused === JSON.stringify(p.ctx.recused) &&
    previous.eligibility === JSON.stringify(p.ctx.eligibility)
  )
    return;
  const at = new Date().toISOString();
  const summary = `Décision sur le dossier ${p.dossier.external_id} : ${decisionText(p.decision)}${previous ? ` (remplace : ${decisionText({ decision: previous.decision, postsGranted: previous.posts_granted })})` : ''}`;
  store.write({ action: 'decisions:record', user: author.name, summary: { sessionId: session.id, dossierId: p.dossier.id, decision: p.decision.decision, postsGranted: p.decision.postsGranted } }, (tx) => {
    const id = appendDecision(tx, session, p, author.name, at, null);
    appendHistory(tx, {
      sessionId: session.id,
      dossierId: p.dossier.id,
      at,
      by: author.name,
      action: 'decisions:record',
      summary,
      before: previous ? toSessionDecision(previous, session) : null,
      after: toSessionDecision(tx.get<DecisionRow>('SELECT * FROM decisions WHERE id = ?', [id])!, session),
    });
  });
}

/** Current decisions of one session in agenda order, or of every session (oldest session first). */
export function listDecisions(db: DbReader, sessionId: number | null): SessionDecision[] {
  const sessions = sessionId === null ? db.all<SessionRow>('SELECT * FROM committee_sessions ORDER BY date, id') : [loadSession(db, sessionId)];
  return sessions.flatMap((s) => {
    const current = currentSessionDecisions(db, s.id);
    const order = db.all<{ dossier_id: number }>('SELECT dossier_id FROM agenda_items WHERE session_id = ? ORDER BY position', [s.id]);
    return order.flatMap((o) => {
      const row = current.get(o.dossier_id);
      return row ? [toSessionDecision(row, s)] : [];
    });
  });
}
