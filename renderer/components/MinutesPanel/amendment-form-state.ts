/** An amendment to sealed minutes: a reason and one or more corrected decisions. */
import type { AgendaItem, DecisionInput, SessionDetail } from '../../../shared/domain/committee';
import { COMMENT_MIN } from '../../../shared/domain/review';
import { decisionFormErrors, initialDecisionValues, toDecisionInput } from '../DecisionForm/decision-form-state';
import type { DecisionFormValues } from '../DecisionForm/decision-form-state';
import { voteBase } from '../Committee/session-view';

export interface Correction {
  dossierId: number;
  values: DecisionFormValues;
}

export function newCorrection(item: AgendaItem): Correction {
  return { dossierId: item.dossierId, values: initialDecisionValues(item, item.decision) };
}

export function amendmentErrors(session: SessionDetail, reason: string, corrections: readonly Correction[]): string[] {
  const errors: string[] = [];
  if (reason.trim().length < COMMENT_MIN) errors.push(`Indiquez le motif de l’amendement (au moins ${COMMENT_MIN} caractères) : il figure au procès-verbal.`);
  if (corrections.length === 0) errors.push('Choisissez au moins un dossier dont la décision est corrigée.');
  for (const correction of corrections) {
    const item = session.agenda.find((entry) => entry.dossierId === correction.dossierId);
    if (!item) continue;
    for (const error of decisionFormErrors(item, correction.values, voteBase(session.members, item.recusedMemberIds))) {
      errors.push(`ID ${item.externalId} : ${error}`);
    }
  }
  return errors;
}

export function toAmendmentDecisions(session: SessionDetail, corrections: readonly Correction[]): Omit<DecisionInput, 'sessionId'>[] {
  return corrections.map((correction) => {
    const { sessionId: _sessionId, ...input } = toDecisionInput(session.id, correction.dossierId, correction.values);
    return input;
  });
}
