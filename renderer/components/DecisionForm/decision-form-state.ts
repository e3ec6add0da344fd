/**
 * The committee's decision on one agenda item while the secretary types it: values, the form's
 * own checks, and whether the decision departs from the prefecture's opinion (which makes a
 * justification required). The backend checks the same and has the last word.
 */
import { DEROGATION_MAX, DEROGATION_MIN, departsFromOpinion, majorityReached } from '../../../shared/domain/committee';
import type { AgendaItem, DecisionInput, DecisionKind, RefusalGround, SessionDecision } from '../../../shared/domain/committee';
import { COMMENT_MIN, OPINION_LABELS } from '../../../shared/domain/review';
import { formatNumber, pluralize } from '../../lib/format';

export interface DecisionFormValues {
  decision: DecisionKind | null;
  postsGranted: number | '';
  priority: boolean;
  grounds: RefusalGround[];
  comment: string;
  justification: string;
  derogation: string;
  withVote: boolean;
  votes: { for: number | ''; against: number | ''; abstain: number | '' };
}

/** What a decision form needs to know about its item. */
export type DecisionSubject = Pick<AgendaItem, 'postsRequested' | 'postsSupported' | 'opinion' | 'eligibility'>;

/** Posts offered first when approving: what the prefecture supported, within 1..requested. */
export function defaultPostsGranted(subject: DecisionSubject): number | '' {
  if (subject.postsRequested < 1) return '';
  const supported = subject.postsSupported ?? subject.postsRequested;
  return Math.min(subject.postsRequested, Math.max(1, supported));
}

export function initialDecisionValues(subject: DecisionSubject, current: SessionDecision | null): DecisionFormValues {
  if (current) {
    return {
      decision: current.decision,
      postsGranted: current.postsGranted ?? defaultPostsGranted(subject),
      priority: current.priority,
      grounds: [...current.grounds],
      comment: current.comment,
      justification: current.justification ?? '',
      derogation: current.derogation ?? '',
      withVote: current.vote !== null,
      votes: current.vote ? { ...current.vote } : { for: '', against: '', abstain: '' },
    };
  }
  return {
    decision: null,
    postsGranted: defaultPostsGranted(subject),
    priority: false,
    grounds: [],
    comment: '',
    justification: '',
    derogation: '',
    withVote: false,
    votes: { for: '', against: '', abstain: '' },
  };
}

/** « avis favorable (2 postes soutenus) », for the justification's description. */
export function opinionSummary(subject: DecisionSubject): string {
  if (subject.opinion === null) return 'aucun avis de la préfecture';
  const posts = subject.opinion === 'FAVORABLE' && subject.postsSupported !== null ? ` (${pluralize(subject.postsSupported, 'poste soutenu', 'postes soutenus')})` : '';
  return `avis ${OPINION_LABELS[subject.opinion].toLowerCase()}${posts}`;
}

/** Whether the decision typed so far departs from the opinion (the rule is shared with the backend). */
export function formDeparts(subject: DecisionSubject, values: DecisionFormValues): boolean {
  if (values.decision === null) return false;
  const posts = values.decision === 'POSITIF' && values.postsGranted !== '' ? values.postsGranted : null;
  return departsFromOpinion(subject.opinion, subject.postsSupported, values.decision, posts);
}

/** An approval of a dossier not eligible or « à vérifier » needs a derogation (the rule is the backend's). */
export function formNeedsDerogation(subject: DecisionSubject, values: DecisionFormValues): boolean {
  return values.decision === 'POSITIF' && subject.eligibility.derogation.length > 0;
}

/** An approval without a prefecture opinion needs a justification. */
export function formApprovesWithoutOpinion(subject: DecisionSubject, values: DecisionFormValues): boolean {
  return values.decision === 'POSITIF' && subject.opinion === null;
}

const charCount = (text: string) => [...text].length;

function voteTotal(values: DecisionFormValues): number {
  const { votes } = values;
  return (votes.for || 0) + (votes.against || 0) + (votes.abstain || 0);
}

/** The form's own checks, in French, in the order of the fields. */
export function decisionFormErrors(subject: DecisionSubject, values: DecisionFormValues, base: number): string[] {
  const errors: string[] = [];
  if (values.decision === null) errors.push('Choisissez une décision : accord, refus ou examen complémentaire.');
  if (values.decision === 'POSITIF') {
    const posts = values.postsGranted;
    if (subject.postsRequested < 1) errors.push('Ce dossier ne demande aucun poste : il ne peut pas être approuvé.');
    else if (posts === '' || !Number.isInteger(posts) || posts < 1 || posts > subject.postsRequested) {
      errors.push(`Postes accordés : un nombre entier de 1 à ${formatNumber(subject.postsRequested)} (postes demandés).`);
    }
  }
  if (values.decision === 'NEGATIF') {
    if (values.grounds.length === 0) errors.push('Cochez au moins un motif de refus.');
    if (values.comment.trim().length < COMMENT_MIN) errors.push(`Commentez le refus (au moins ${COMMENT_MIN} caractères) : il figure au procès-verbal et dans le courrier.`);
  }
  if (formDeparts(subject, values) && values.justification.trim().length < COMMENT_MIN) {
    errors.push(`La décision s’écarte de l’avis de la préfecture (${opinionSummary(subject)}) : justifiez-la (au moins ${COMMENT_MIN} caractères).`);
  }
  if (formApprovesWithoutOpinion(subject, values) && values.justification.trim().length < COMMENT_MIN) {
    errors.push(`Le dossier n’a pas d’avis de la préfecture : justifiez l’accord sans avis (au moins ${COMMENT_MIN} caractères).`);
  }
  if (formNeedsDerogation(subject, values)) {
    const length = charCount(values.derogation.trim());
    if (length < DEROGATION_MIN) errors.push(`Justifiez la dérogation aux conditions d’éligibilité (${DEROGATION_MIN} à ${formatNumber(DEROGATION_MAX)} caractères).`);
    else if (length > DEROGATION_MAX) errors.push(`La justification de la dérogation compte au plus ${formatNumber(DEROGATION_MAX)} caractères (${formatNumber(length)} saisis).`);
  }
  if (values.withVote) {
    const { votes } = values;
    if (votes.for === '' || votes.against === '' || votes.abstain === '') errors.push('Vote : indiquez les voix pour, contre et les abstentions (0 si aucune).');
    else if (voteTotal(values) > base) {
      errors.push(`Vote : ${pluralize(voteTotal(values), 'voix exprimée', 'voix exprimées')} pour une base de vote de ${formatNumber(base)} (membres présents et non récusés).`);
    } else if (!majorityReached({ for: votes.for, against: votes.against, abstain: votes.abstain }, base)) {
      // The backend records a decision put to the vote only when it carries.
      errors.push(`Vote : la majorité (${formatNumber(Math.floor(base / 2) + 1)} voix pour sur une base de ${formatNumber(base)}) n’est pas atteinte, la décision n’est pas adoptée.`);
    }
  }
  return errors;
}

export function toDecisionInput(sessionId: number, dossierId: number, values: DecisionFormValues): DecisionInput {
  const decision = values.decision ?? 'EXAMEN_COMPLEMENTAIRE';
  const justification = values.justification.trim();
  // Sent only where the backend asks for it: a text left from another choice would be refused.
  const derogation = decision === 'POSITIF' ? values.derogation.trim() : '';
  return {
    sessionId,
    dossierId,
    decision,
    postsGranted: decision === 'POSITIF' && values.postsGranted !== '' ? values.postsGranted : null,
    priority: values.priority,
    grounds: decision === 'NEGATIF' ? values.grounds : [],
    comment: values.comment.trim(),
    justification: justification === '' ? null : justification,
    derogation: derogation === '' ? null : derogation,
    vote: values.withVote ? { for: values.votes.for || 0, against: values.votes.against || 0, abstain: values.votes.abstain || 0 } : null,
  };
}

/** Whether the backend's refusal is about the justification (the field is then shown even if the UI did not expect it). */
export function mentionsJustification(message: string | null): boolean {
  // The derogation has its own field, shown from the item's eligibility.
  return message !== null && /justifi(?!cation de la dérogation)/i.test(message);
}
