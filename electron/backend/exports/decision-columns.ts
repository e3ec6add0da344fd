/**
 * The columns of the "Décisions" sheet and of the CSV: the same list, in the same order, so that
 * the two files of one selection say exactly the same thing.
 */
import { DECISION_LABELS, REFUSAL_GROUND_LABELS } from '../../../shared/domain/committee';
import { CONTRACT_LABELS } from '../../../shared/domain/dossier';
import { basisChangesText } from '../../../shared/domain/decision-money';
import { OPINION_LABELS } from '../../../shared/domain/review';
import type { DecisionExportRow } from './decision-rows';

/**
 * text: free text; code: an identifier kept as text (SIRET, department "01", session "62BIS");
 * count: whole number; euro: amount with cents; date: ISO YYYY-MM-DD, a real date in the workbook.
 */
export type ColumnKind = 'text' | 'code' | 'count' | 'euro' | 'date';

export interface DecisionColumn {
  header: string;
  kind: ColumnKind;
  /** Workbook column width, in characters. */
  width: number;
  /** Summed in the workbook's totals row. */
  total?: true;
  value: (row: DecisionExportRow) => string | number | null;
}

export const SOURCE_LABELS: Record<DecisionExportRow['source'], string> = { committee: 'Comité', platform: 'Plateforme' };

const yesNo = (value: boolean) => (value ? 'Oui' : 'Non');

export const DECISION_COLUMNS: readonly DecisionColumn[] = [
  { header: 'Origine', kind: 'text', width: 11, value: (r) => SOURCE_LABELS[r.source] },
  { header: 'Séance', kind: 'code', width: 9, value: (r) => r.sessionNumber },
  { header: 'Date de séance', kind: 'date', width: 12, value: (r) => r.sessionDate },
  { header: 'Identifiant dossier', kind: 'code', width: 13, value: (r) => r.externalId },
  { header: 'SIRET', kind: 'code', width: 16, value: (r) => r.siret },
  { header: 'Nom de la structure', kind: 'text', width: 36, value: (r) => r.name },
  { header: 'Forme juridique', kind: 'text', width: 22, value: (r) => r.legalForm },
  { header: 'Code département', kind: 'code', width: 13, value: (r) => r.departmentCode },
  { header: 'Département', kind: 'text', width: 18, value: (r) => r.departmentName },
  { header: 'Région', kind: 'text', width: 22, value: (r) => r.regionName },
  { header: 'Postes demandés', kind: 'count', width: 10, total: true, value: (r) => r.postsRequested },
  { header: 'Avis de la préfecture', kind: 'text', width: 14, value: (r) => (r.opinion ? OPINION_LABELS[r.opinion] : null) },
  { header: 'Postes soutenus', kind: 'count', width: 10, total: true, value: (r) => r.postsSupported },
  { header: 'Décision', kind: 'text', width: 13, value: (r) => DECISION_LABELS[r.decision] },
  { header: 'Postes accordés', kind: 'count', width: 10, total: true, value: (r) => r.postsGranted },
  { header: 'Prioritaire', kind: 'text', width: 10, value: (r) => yesNo(r.priority) },
  { header: 'Motifs de refus', kind: 'text', width: 36, value: (r) => (r.grounds.length > 0 ? r.grounds.map((g) => REFUSAL_GROUND_LABELS[g]).join(' ; ') : null) },
  { header: 'Commentaire', kind: 'text', width: 36, value: (r) => r.comment },
  { header: 'Justification (écart à l’avis)', kind: 'text', width: 28, value: (r) => r.justification },
  { header: 'Type de contrat', kind: 'text', width: 16, value: (r) => (r.contractType ? CONTRACT_LABELS[r.contractType] : null) },
  { header: 'Subvention par poste', kind: 'euro', width: 14, value: (r) => r.money?.perPost ?? null },
  { header: 'Aides déclarées déduites', kind: 'euro', width: 14, total: true, value: (r) => r.money?.aidDeducted ?? null },
  { header: 'Subvention totale', kind: 'euro', width: 15, total: true, value: (r) => r.money?.total ?? null },
  { header: 'Signature du contrat', kind: 'date', width: 12, value: (r) => r.signedAt },
  { header: 'Tranche 1 (20 %)', kind: 'euro', width: 17, total: true, value: (r) => r.money?.tranches[0].amount ?? null },
  { header: 'Échéance tranche 1', kind: 'date', width: 12, value: (r) => r.money?.tranches[0].dueDate ?? null },
  { header: 'Tranche 2 (30 %)', kind: 'euro', width: 17, total: true, value: (r) => r.money?.tranches[1].amount ?? null },
  { header: 'Échéance tranche 2', kind: 'date', width: 12, value: (r) => r.money?.tranches[1].dueDate ?? null },
  { header: 'Tranche 3 (50 %)', kind: 'euro', width: 17, total: true, value: (r) => r.money?.tranches[2].amount ?? null },
  { header: 'Échéance tranche 3', kind: 'date', width: 12, value: (r) => r.money?.tranches[2].dueDate ?? null },
  { header: 'Éligibilité (à la décision)', kind: 'text', width: 36, value: (r) => r.eligibility },
  { header: 'Justification de la dérogation', kind: 'text', width: 36, value: (r) => r.derogation },
  // After the columns that were there before, so they keep their letters: the money above is the decision's, frozen.
  { header: 'Dossier modifié depuis la décision', kind: 'text', width: 40, value: (r) => basisChangesText(r.changes) },
];

