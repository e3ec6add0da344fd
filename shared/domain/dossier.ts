/** Dossier model shared by the backend, the UI and the CLI. Department codes are strings ("01", "2A", "971"). */
import type { RefusalGround } from './committee';
import type { OpinionKind } from './review';
import type { BasisChange, FrozenMoney } from './decision-money';

export const DOSSIER_STATUSES = [
  'CREEE',
  'EXAMEN_COMPLEMENTAIRE_COSELEC',
  'VALIDATION_COSELEC',
  'REFUS_COSELEC',
  'ABANDON',
  'ANNULEE',
  'DOUBLON',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const STATUS_LABELS: Record<DossierStatus, string> = {
  CREEE: 'Non traitée',
  EXAMEN_COMPLEMENTAIRE_COSELEC: 'Examen complémentaire',
  VALIDATION_COSELEC: 'Validée en COSELEC',
  REFUS_COSELEC: 'Refusée en COSELEC',
  ABANDON: 'Abandon',
  ANNULEE: 'Annulée',
  DOUBLON: 'Doublon',
};

export const CONTRACT_TYPES = ['CDI', 'CDD', 'CONTRAT_PROJET', 'CUI'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_LABELS: Record<ContractType, string> = {
  CDI: 'CDI',
  CDD: 'CDD',
  CONTRAT_PROJET: 'Contrat de projet',
  CUI: 'CUI (CAE/CIE – PEC)',
};

export const QPV_VALUES = ['OUI', 'NON', 'SANS_OBJET'] as const;
export type QpvStatus = (typeof QPV_VALUES)[number];

export type StructureType = 'PRIVEE' | 'PUBLIQUE';

/**
 * Every field a dossier can carry. Only `externalId` is mandatory on import;
 * `null` means "not provided".
 */
export interface DossierFields {
  externalId: string;
  siret: string | null;
  name: string | null;
  legalName: string | null;
  structureType: StructureType | null;
  phase: string | null;
  status: DossierStatus | null;
  postalCode: string | null;
  communeCode: string | null;
  communeName: string | null;
  communeInsee: string | null;
  departmentCode: string | null;
  regionCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  adminEmails: string | null;
  accountCreated: boolean | null;
  passwordChosen: boolean | null;
  matchingCount: number | null;
  postsRequested: number | null;
  coselecValidated: boolean | null;
  postsGranted: number | null;
  coselecNumber: string | null;
  /** ISO date YYYY-MM-DD */
  coselecDate: string | null;
  zrr: boolean | null;
  qpv: QpvStatus | null;
  qpvCount: number | null;
  franceServices: boolean | null;
  legalForm: string | null;
  nationalNetwork: boolean | null;
  networkName: string | null;
  networkRegions: number | null;
  networkDepartments: number | null;
  networkBeneficiaries: number | null;
  contractType: ContractType | null;
  contractMonths: number | null;
  branchAgreement: boolean | null;
  /** Public aid already received for the job, in euros, deducted from the subsidy. */
  declaredAid: number | null;
  consolidation: boolean | null;
  motivation: string | null;
  /** ISO date YYYY-MM-DD */
  submittedAt: string | null;
}

export type DossierFieldKey = keyof DossierFields;

export interface DossierWarning {
  code: string;
  message: string;
  field?: DossierFieldKey;
}

export type DossierSource = 'platform' | 'file' | 'demo';

export interface DossierSummary {
  id: number;
  externalId: string;
  siret: string | null;
  name: string | null;
  departmentCode: string;
  regionCode: string | null;
  communeName: string | null;
  postalCode: string | null;
  legalForm: string | null;
  contractType: ContractType | null;
  postsRequested: number;
  postsGranted: number | null;
  status: DossierStatus;
  warnings: DossierWarning[];
  updatedAt: string;
  /** Review state: current opinion, posts it supports, aggregate score, number of reviewers who scored. */
  opinion: OpinionKind | null;
  postsSupported: number | null;
  aggregateScore: number | null;
  reviewers: number;
}

export interface Provenance {
  batchId: number;
  fileName: string;
  fileHash: string;
  rowNumber: number;
  importedAt: string;
  importedBy: string;
  action: 'created' | 'updated' | 'unchanged';
}

export interface DecisionEntry {
  id: number;
  sessionNumber: string | null;
  sessionDate: string | null;
  decision: 'POSITIF' | 'NEGATIF' | 'EXAMEN_COMPLEMENTAIRE';
  postsGranted: number | null;
  priority: boolean;
  comment: string | null;
  source: 'platform' | 'committee';
  recordedBy: string;
  recordedAt: string;
  /** The committee session (this app's); null for platform decisions. */
  sessionId: number | null;
  /** Refusal grounds (RefusalGround codes of shared/domain/committee.ts). */
  grounds: RefusalGround[];
  /** Why the decision departs from the prefecture's opinion. */
  justification: string | null;
  /** Set when the entry corrects sealed minutes. */
  amendmentId: number | null;
  /** What an approval committed, frozen when it was recorded (null for another decision). */
  money: FrozenMoney | null;
  /** The dossier's fields that changed since this decision (before → after). */
  changesSinceDecision: BasisChange[];
}

/** One side of a divergence between a platform row and this base (issue 11: imports never override decisions). */
export interface DivergenceSide {
  sessionNumber: string | null;
  /** ISO date YYYY-MM-DD. */
  sessionDate: string | null;
  /** Null on the base's side: the session is held here but took no decision on this dossier. */
  decision: DecisionEntry['decision'] | null;
  postsGranted: number | null;
}

/**
 * A platform decision kept aside because it contradicts a decision of this base: the platform's
 * history, never the current decision (it is not a DecisionEntry and never counts anywhere).
 */
export interface PlatformDivergenceEntry {
  id: number;
  platform: DivergenceSide;
  base: DivergenceSide & { decisionId: number | null };
  fileName: string;
  detectedAt: string;
  detectedBy: string;
}

export interface FieldChange {
  field: DossierFieldKey;
  before: unknown;
  after: unknown;
}

export interface DossierChange {
  at: string;
  by: string;
  source: string;
  changes: FieldChange[];
}

export interface EligibilityCheck {
  code: string;
  label: string;
  status: 'ok' | 'warning' | 'error' | 'info' | 'unknown';
  detail: string;
  /** Approving the dossier needs a derogation justification (set on checks that are not errors but still gate). */
  derogation?: true;
}

export interface DossierDetail extends DossierSummary {
  fields: DossierFields;
  source: DossierSource;
  createdAt: string;
  provenance: Provenance[];
  decisions: DecisionEntry[];
  /** Platform decisions kept aside (« divergence plateforme »), oldest first. */
  platformDivergences: PlatformDivergenceEntry[];
  history: DossierChange[];
  eligibility: EligibilityCheck[];
}
