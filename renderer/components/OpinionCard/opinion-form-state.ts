/**
 * State of the prefect-opinion form, kept apart from the view: what the inputs hold, the request
 * they make, the live length counter of the justification and what changed between versions.
 */
import { COMMENT_MAX, COMMENT_MIN, OPINION_LABELS } from '../../../shared/domain/review';
import { validateOpinion } from '../../../shared/domain/review-rules';
import type { Opinion, OpinionInput, OpinionKind } from '../../../shared/domain/review';
import { formatNumber } from '../../lib/format';

export interface OpinionFormValues {
  opinion: OpinionKind | null;
  /** '' while the number input is empty. */
  postsSupported: number | '';
  comment: string;
  duplicateOfId: number | null;
  withTransfer: boolean;
  transferFromId: number | null;
  transferPosts: number | '';
}

/** A new version starts from the current one, so changing one thing does not mean retyping everything. */
export function initialOpinionValues(current: Opinion | null, postsRequested: number): OpinionFormValues {
  if (!current) {
    return {
      opinion: null,
      postsSupported: postsRequested,
      comment: '',
      duplicateOfId: null,
      withTransfer: false,
      transferFromId: null,
      transferPosts: '',
    };
  }
  return {
    opinion: current.opinion,
    postsSupported: current.postsSupported,
    comment: current.comment,
    duplicateOfId: current.duplicateOfId,
    withTransfer: current.transferFromId !== null,
    transferFromId: current.transferFromId,
    transferPosts: current.transferPosts ?? '',
  };
}

/**
 * Picking an opinion suggests the usual number of posts: all those requested for a favourable
 * opinion, none otherwise. The user can still change it afterwards.
 */
export function withOpinion(values: OpinionFormValues, opinion: OpinionKind, postsRequested: number): OpinionFormValues {
  const postsSupported = opinion === 'FAVORABLE' ? (values.opinion === 'FAVORABLE' ? values.postsSupported : postsRequested) : 0;
  return { ...values, opinion, postsSupported, duplicateOfId: opinion === 'DOUBLON' ? values.duplicateOfId : null };
}

export function toOpinionInput(dossierId: number, values: OpinionFormValues): OpinionInput {
  return {
    dossierId,
    // An unchosen opinion is sent as is so the shared rule reports it in French.
    opinion: (values.opinion ?? '') as OpinionKind,
    postsSupported: values.postsSupported === '' ? Number.NaN : values.postsSupported,
    comment: values.comment,
    duplicateOfId: values.opinion === 'DOUBLON' ? values.duplicateOfId : null,
    transferFromId: values.withTransfer ? values.transferFromId : null,
    transferPosts: values.withTransfer ? (values.transferPosts === '' ? null : values.transferPosts) : null,
  };
}

export function opinionFormErrors(dossierId: number, values: OpinionFormValues, postsRequested: number): string[] {
  const errors = validateOpinion(toOpinionInput(dossierId, values), postsRequested);
  if (values.withTransfer && values.transferFromId === null) errors.push('Choisissez le dossier d’où viennent les postes transférés.');
  return [...new Set(errors)];
}

export type CounterTone = 'short' | 'ok' | 'long';

export interface CommentCounter {
  /** Characters as the rule counts them: after trimming, an accented letter or an emoji is one. */
  length: number;
  tone: CounterTone;
  label: string;
}

export function commentCounter(comment: string): CommentCounter {
  const length = [...comment.trim()].length;
  const tone: CounterTone = length < COMMENT_MIN ? 'short' : length > COMMENT_MAX ? 'long' : 'ok';
  const hint =
    tone === 'short'
      ? ` · encore ${COMMENT_MIN - length} au minimum`
      : tone === 'long'
        ? ` · ${length - COMMENT_MAX} de trop`
        : '';
  return { length, tone, label: `${formatNumber(length)} / ${formatNumber(COMMENT_MAX)} caractères${hint}` };
}

/** How a version differs from the one before it, in French; the first version has no « before ». */
export function opinionChanges(previous: Opinion | undefined, next: Opinion): string[] {
  if (!previous) return ['Premier avis'];
  const changes: string[] = [];
  if (previous.opinion !== next.opinion) changes.push(`Avis : ${OPINION_LABELS[previous.opinion]} → ${OPINION_LABELS[next.opinion]}`);
  if (previous.postsSupported !== next.postsSupported) {
    changes.push(`Postes soutenus : ${formatNumber(previous.postsSupported)} → ${formatNumber(next.postsSupported)}`);
  }
  if (previous.duplicateOfId !== next.duplicateOfId) changes.push('Dossier original du doublon modifié');
  if (previous.transferFromId !== next.transferFromId || previous.transferPosts !== next.transferPosts) {
    changes.push(next.transferFromId === null ? 'Transfert de poste retiré' : 'Transfert de poste modifié');
  }
  if (previous.comment !== next.comment) changes.push('Justification modifiée');
  return changes.length > 0 ? changes : ['Aucun changement (avis confirmé)'];
}
