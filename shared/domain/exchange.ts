/**
 * Offline exchange between prefectures and the national level: the package file format (one
 * readable JSON file, versioned, with a SHA-256 checksum over its canonical content), the preview
 * of an import, the conflicts, and the department workbook in the 2021 shape.
 */
import type { DossierFields } from './dossier';
import type { GridCriterion, OpinionKind, Role } from './review';

export const PACKAGE_FORMAT = 'cnfs-revue/echange';
/** Readers refuse a higher version (a package from a newer app) with a French message. */
export const PACKAGE_FORMAT_VERSION = 1;

/** 'reviews': a prefecture's opinions, scores and ranking; 'dossiers': the national level's dossiers. */
export type PackageKind = 'reviews' | 'dossiers';

export const PACKAGE_KIND_LABELS: Record<PackageKind, string> = {
  reviews: 'Avis d’une préfecture',
  dossiers: 'Dossiers du niveau national',
};

/** Authors are carried by name and role: profiles differ from one database to another. */
export interface PackageAuthor {
  name: string;
  role: Role;
}

/** The journal entry a version was recorded in (in the database that recorded it first). */
export interface JournalRef {
  seq: number;
  at: string;
  user: string;
  action: string;
  hash: string;
}

export interface PackageOpinion {
  /** SHA-256 of the version's content, author and time: the same version has the same uid in every database. */
  uid: string;
  opinion: OpinionKind;
  postsSupported: number;
  comment: string;
  /** External ids (platform IDs) of the dossiers referred to. */
  duplicateOf: string | null;
  transferFrom: string | null;
  transferPosts: number | null;
  author: PackageAuthor;
  createdAt: string;
  journal: JournalRef | null;
  /** True when the sender had itself received this version: `journal` is then the original database's entry. */
  relayed: boolean;
}

export interface PackageScore {
  uid: string;
  reviewer: PackageAuthor;
  /** `hash` of an entry of the package's `grids`. */
  grid: string;
  values: Record<string, number | null>;
  comment: string | null;
  createdAt: string;
  journal: JournalRef | null;
  relayed: boolean;
}

export interface PackageGrid {
  /** SHA-256 of the scale and criteria: grids are matched by content, not by local id or version. */
  hash: string;
  version: number;
  name: string;
  scaleMin: number;
  scaleMax: number;
  criteria: GridCriterion[];
}

export interface PackageDecision {
  uid: string;
  sessionNumber: string | null;
  sessionDate: string | null;
  decision: 'POSITIF' | 'NEGATIF' | 'EXAMEN_COMPLEMENTAIRE';
  postsGranted: number | null;
  priority: boolean;
  comment: string | null;
  source: 'platform' | 'committee';
  recordedBy: string;
  recordedAt: string;
  grounds: string[];
  justification: string | null;
}

export interface PackageDossier {
  externalId: string;
  name: string | null;
  departmentCode: string;
  /** Every version, oldest first; the last one is the sender's current opinion. */
  opinions: PackageOpinion[];
  /** Versions of other databases the sender merged through a conflict resolution. */
  mergedOpinions: string[];
  scores: PackageScore[];
  /** Dossier packages only: the dossier's fields and its decision history. */
  fields?: DossierFields;
  decisions?: PackageDecision[];
}

export interface PackageSender {
  name: string;
  role: Role;
  departments: string[];
}

export interface PackageContent {
  kind: PackageKind;
  departmentCode: string;
  createdAt: string;
  sender: PackageSender;
  app: { name: string; version: string; schemaVersion: number };
  /** The sender's last journal entry when the package was made. */
  journalHead: { seq: number; hash: string } | null;
  grids: PackageGrid[];
  dossiers: PackageDossier[];
  /** Review packages: the department's priority order (external ids, first = highest priority). */
  ranking: { order: string[]; journal: JournalRef | null } | null;
}

export interface PackageFile {
  format: typeof PACKAGE_FORMAT;
  formatVersion: number;
  /** Over the canonical JSON of `content` (keys sorted, no spaces, UTF-8). */
  checksum: { algorithm: 'SHA-256'; value: string };
  content: PackageContent;
}

export interface OpinionSummary {
  opinion: OpinionKind;
  postsSupported: number;
  comment: string;
  authorName: string;
  createdAt: string;
}

export type OpinionAction = 'new' | 'updated' | 'unchanged' | 'conflict' | 'rejected';
export type DossierAction = 'new' | 'updated' | 'unchanged' | 'rejected';

export const OPINION_ACTION_LABELS: Record<OpinionAction, string> = {
  new: 'Nouvel avis',
  updated: 'Avis mis à jour',
  unchanged: 'Inchangé',
  conflict: 'Conflit',
  rejected: 'Rejeté',
};

export interface PackageLine {
  externalId: string;
  name: string | null;
  /** Null for a dossier this database does not hold yet. */
  dossierId: number | null;
  /** Dossier packages: what happens to the dossier's fields. */
  dossier: DossierAction | null;
  /** Null when the package carries no opinion for this dossier. */
  opinion: OpinionAction | null;
  /** Opinion versions that will be added to the dossier's history. */
  versions: number;
  incoming: OpinionSummary | null;
  local: OpinionSummary | null;
  reason: string | null;
}

export interface PackageCounts {
  /** Dossiers in the package. */
  dossiers: number;
  /** Opinions, per dossier. */
  new: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  rejected: number;
  /** Opinion versions added. */
  versions: number;
  /** Score sheets added. */
  scores: number;
  /** Dossier packages: dossiers created and updated, decision entries added. */
  dossiersNew: number;
  dossiersUpdated: number;
  decisions: number;
}

export interface PackagePreview {
  token: string;
  fileName: string;
  kind: PackageKind;
  departmentCode: string;
  departmentName: string;
  sender: PackageSender;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  formatVersion: number;
  checksum: string;
  /** This very package (same checksum) was imported before. */
  alreadyImported: boolean;
  counts: PackageCounts;
  lines: PackageLine[];
  /** Review packages: what happens to the department's ranking. */
  ranking: 'replaced' | 'unchanged' | 'none';
  /** What the import leaves aside and why (score sheets on an unknown grid, …). */
  notes: string[];
  /** Nothing would change. */
  upToDate: boolean;
}

export interface PackageImportResult {
  /** Null when nothing had to be written. */
  logId: number | null;
  fileName: string;
  kind: PackageKind;
  departmentCode: string;
  counts: PackageCounts;
}

export type ConflictStatus = 'OPEN' | 'RESOLVED' | 'SUPERSEDED';
export type ConflictChoice = 'local' | 'incoming';

export const CONFLICT_STATUS_LABELS: Record<ConflictStatus, string> = {
  OPEN: 'À résoudre',
  RESOLVED: 'Résolu',
  SUPERSEDED: 'Remplacé',
};

export interface ExchangeConflict {
  id: number;
  dossierId: number;
  externalId: string;
  dossierName: string | null;
  departmentCode: string;
  postsRequested: number;
  status: ConflictStatus;
  detectedAt: string;
  fileName: string;
  senderName: string | null;
  /** This database's current version when the conflict was found. */
  local: OpinionSummary;
  incoming: OpinionSummary;
  resolvedBy: string | null;
  resolvedAt: string | null;
  choice: ConflictChoice | null;
  comment: string | null;
  /** The version the resolution made current. */
  result: OpinionSummary | null;
  /** Where the incoming side came from: a package, or a row of a department workbook. */
  origin: 'package' | 'workbook';
  /** Workbook conflicts: the version the row was made from, and who imported the workbook. */
  baseVersion: number | null;
  importedBy: string | null;
}

export interface ExchangeLogEntry {
  id: number;
  kind: PackageKind | 'workbook';
  fileName: string;
  checksum: string;
  departmentCode: string;
  senderName: string | null;
  /** Workbooks: nothing proves who filled the file in (« non signé (classeur) »). */
  signed: boolean;
  createdAt: string | null;
  importedAt: string;
  importedBy: string;
  counts: Record<string, number>;
}

/** The 2021 department workbook: its two sheets (public and private structures). */
export const WORKBOOK_SHEETS = {
  PUBLIQUE: 'Liste A - Structures publiques',
  PRIVEE: 'Liste B - Structures privées',
} as const;

/** Column headers, in order: the 2021 columns, plus the posts supported and the duplicate's original. */
export const WORKBOOK_COLUMNS = {
  externalId: 'Identifiant structure',
  siret: 'SIRET',
  name: 'Nom Structure',
  postalCode: 'Code postal',
  city: 'Ville',
  email: 'Email',
  franceServices: 'Intervention en France services',
  zrr: 'en ZRR',
  qpv: 'en QPV',
  qpvCode: 'Code QPV',
  qpvName: 'Nom du quartier',
  postsRequested: 'Nombre de conseillers demandés',
  opinion: 'Avis Préfecture',
  postsSupported: 'Nombre de conseillers soutenus par la Préfecture',
  comment: 'Commentaire de la Préfecture pour justifier l’avis donné',
  duplicateOf: 'Doublon de (Identifiant structure)',
  postsCoselec: 'Nombre de conseillers COSELEC',
  opinionCoselec: 'Avis COSELEC',
  // Hidden and locked: what each row was made from, so that a stale workbook cannot revert newer work.
  baseVersion: 'Version de l’avis à l’export',
  baseUid: 'Empreinte de l’avis à l’export',
  exportId: 'Identifiant du classeur',
} as const;
export type WorkbookColumn = keyof typeof WORKBOOK_COLUMNS;

/** The drop-down list of « Avis Préfecture », in the 2021 wording. */
export const WORKBOOK_OPINIONS: Record<OpinionKind, string> = {
  FAVORABLE: 'Favorable',
  DEFAVORABLE: 'Défavorable',
  EXAMEN_COMPLEMENTAIRE: 'Examen complémentaire',
  DOUBLON: 'Doublon',
};

export interface WorkbookIssue {
  sheet: string;
  /** Row number as the spreadsheet shows it. */
  row: number;
  /** Header of the column at fault, with its letter: « Avis Préfecture (M) ». */
  column: string | null;
  externalId: string | null;
  reason: string;
}

export interface WorkbookChange {
  sheet: string;
  row: number;
  externalId: string;
  name: string | null;
  dossierId: number;
  /** 'conflict': the opinion changed here since the export and the row was changed too; kept for a person. */
  action: 'new' | 'updated' | 'conflict';
  before: OpinionSummary | null;
  after: { opinion: OpinionKind; postsSupported: number; comment: string; duplicateOf: string | null };
  /** The version the row was made from (null: no opinion then, or a workbook without that column). */
  baseVersion: number | null;
  reason: string | null;
}

export interface WorkbookCounts {
  /** Rows carrying an identifier. */
  rows: number;
  new: number;
  updated: number;
  /** Rows changed in the workbook whose opinion also changed here since the export. */
  conflicts: number;
  unchanged: number;
  /** Rows left without an opinion. */
  empty: number;
  /** Rows refused (each with at least one issue). */
  rejected: number;
}

export interface WorkbookPreview {
  token: string;
  fileName: string;
  fileHash: string;
  sheets: string[];
  alreadyImported: boolean;
  counts: WorkbookCounts;
  errors: WorkbookIssue[];
  changes: WorkbookChange[];
}

export interface WorkbookImportResult {
  logId: number | null;
  fileName: string;
  counts: WorkbookCounts;
  errors: WorkbookIssue[];
}
