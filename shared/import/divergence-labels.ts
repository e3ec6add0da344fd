/** How a divergence reads in French, the same in the app, the CLI and the CSV report. */
import type { DivergenceSide } from '../api/import-contract';
import { DECISION_LABELS } from '../domain/committee';

const dayMonthYear = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** « COSELEC 12 du 01/04/2021 : Accord, 3 postes » ; « COSELEC 14 : aucune décision sur ce dossier ». */
export function describeDivergenceSide(side: DivergenceSide): string {
  const session = `${side.sessionNumber ? `COSELEC ${side.sessionNumber}` : 'séance non précisée'}${side.sessionDate ? ` du ${dayMonthYear(side.sessionDate)}` : ''}`;
  if (side.decision === null) return `${session} : aucune décision sur ce dossier`;
  const posts = side.decision === 'POSITIF' ? `, ${side.postsGranted ?? 0} poste${(side.postsGranted ?? 0) > 1 ? 's' : ''}` : '';
  return `${session} : ${DECISION_LABELS[side.decision]}${posts}`;
}
