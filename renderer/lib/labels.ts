/** French labels and colours the UI needs beyond those defined in shared/domain. */
import type { ImportPreview } from '../../shared/api/contract';
import type { DecisionEntry, DossierStatus, EligibilityCheck, Provenance, QpvStatus, StructureType } from '../../shared/domain/dossier';
import { getDepartment, getRegion } from '../../shared/domain/geography';

export const STATUS_COLORS: Record<DossierStatus, string> = {
  CREEE: 'gray',
  EXAMEN_COMPLEMENTAIRE_COSELEC: 'orange',
  VALIDATION_COSELEC: 'green',
  REFUS_COSELEC: 'red',
  ABANDON: 'dark',
  ANNULEE: 'gray',
  DOUBLON: 'grape',
};

export const QPV_LABELS: Record<QpvStatus, string> = { OUI: 'Oui', NON: 'Non', SANS_OBJET: 'Sans objet' };

export const STRUCTURE_TYPE_LABELS: Record<StructureType, string> = { PRIVEE: 'Privée', PUBLIQUE: 'Publique' };

export const DECISION_COLORS: Record<DecisionEntry['decision'], string> = {
  POSITIF: 'green',
  NEGATIF: 'red',
  EXAMEN_COMPLEMENTAIRE: 'orange',
};

export const PROVENANCE_ACTION_LABELS: Record<Provenance['action'], string> = {
  created: 'Créé',
  updated: 'Mis à jour',
  unchanged: 'Inchangé',
};

export const ELIGIBILITY_STATUS_LABELS: Record<EligibilityCheck['status'], string> = {
  ok: 'Conforme',
  warning: 'À vérifier',
  error: 'Non conforme',
  info: 'Information',
  unknown: 'Non renseigné',
};

export const IMPORT_FORMAT_LABELS: Record<ImportPreview['format'], string> = {
  'platform-csv': 'Export CSV de la plateforme nationale',
  csv: 'Fichier CSV',
  xlsx: 'Classeur Excel (XLSX)',
  json: 'Fichier JSON',
};

const DELIMITER_LABELS: Record<string, string> = {
  ';': 'point-virgule ( ; )',
  ',': 'virgule ( , )',
  '\t': 'tabulation',
  '|': 'barre verticale ( | )',
};

export function delimiterLabel(delimiter: string): string {
  return DELIMITER_LABELS[delimiter] ?? `« ${delimiter} »`;
}

/** `75 – Paris`; unknown codes (e.g. overseas collectivities) are shown as they are. */
export function departmentLabel(code: string | null): string {
  if (!code) return '—';
  const department = getDepartment(code);
  return department ? `${code} – ${department.name}` : code;
}

export function regionLabel(code: string | null): string {
  if (!code) return '—';
  return getRegion(code)?.name ?? code;
}
