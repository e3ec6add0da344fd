/**
 * The import methods of the API contract: a file's preview then its commit, the import template,
 * and the report of divergences (issue 11, point 2): platform rows whose decision contradicts a
 * decision recorded in this base, kept as the platform's history, never applied. Part of `Api`
 * (contract.ts); the preview and the result of an import list those of their file.
 */
import type { DivergenceSide, DossierFieldKey } from '../domain/dossier';

export type { DivergenceSide };

export interface ImportDivergence {
  dossierId: number;
  externalId: string;
  name: string | null;
  departmentCode: string;
  /** The file's row (header = row 1). */
  row: number;
  /** The platform's « Statut » as the file gives it. */
  platformStatus: string | null;
  platform: DivergenceSide;
  base: DivergenceSide & { decisionId: number | null };
  /** Already in the report (an earlier import of the same claim): the import adds nothing for it. */
  alreadyReported: boolean;
}

/** A divergence as the report keeps it: when, by whom and from which file it was found. */
export interface ReportedDivergence extends Omit<ImportDivergence, 'alreadyReported'> {
  id: number;
  fileName: string;
  batchId: number;
  detectedAt: string;
  detectedBy: string;
}

export interface ImportFileRequest {
  fileName: string;
  data: Uint8Array;
  /** XLSX: sheet name to read (default: the first sheet). */
  sheet?: string;
  /** Header -> field overrides chosen in the mapping step ('' ignores the column). */
  mapping?: Record<string, DossierFieldKey | ''>;
}

export interface ImportRejection {
  /** Row number in the file as a spreadsheet shows it (header = row 1). */
  row: number;
  /** Physical line where the record starts in a text file (differs from `row` after multi-line fields). */
  line: number | null;
  column: string | null;
  reason: string;
  externalId: string | null;
}

export interface ImportColumn {
  header: string;
  field: DossierFieldKey | null;
  samples: string[];
}

export interface ImportCounts {
  total: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  withWarnings: number;
}

export interface ImportPreview {
  token: string;
  fileName: string;
  fileHash: string;
  format: 'platform-csv' | 'csv' | 'xlsx' | 'json';
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  columns: ImportColumn[];
  unknownHeaders: string[];
  /** Required fields no column maps to: the import is blocked until the user maps them. */
  missingRequired: DossierFieldKey[];
  blockingError: string | null;
  /** The file was already imported with exactly this content. */
  alreadyImported: boolean;
  counts: ImportCounts;
  rejected: ImportRejection[];
  updates: { externalId: string; name: string | null; changes: { field: DossierFieldKey; before: unknown; after: unknown }[] }[];
  /** Rows whose platform decision contradicts a decision of this base: listed, never applied. */
  divergences: ImportDivergence[];
}

export interface ImportResult {
  /** Null when nothing had to be written (every row unchanged or rejected). */
  batchId: number | null;
  fileName: string;
  counts: ImportCounts;
  rejected: ImportRejection[];
  /** The file's divergences (those already reported flagged), now in the report. */
  divergences: ImportDivergence[];
}

export interface ImportApi {
  'import:preview': (req: ImportFileRequest) => Promise<ImportPreview>;
  'import:commit': (req: { token: string }) => Promise<ImportResult>;
  'import:template': (req: Record<string, never>) => Promise<{ fileName: string; data: Uint8Array }>;
  /** Every divergence reported by the imports, newest first, within the profile's departments. */
  'import:divergences': (req: Record<string, never>) => Promise<ReportedDivergence[]>;
  /** The same list as a CSV file (`;`, UTF-8 with BOM). */
  'import:exportDivergences': (req: Record<string, never>) => Promise<{ fileName: string; data: Uint8Array }>;
}

export const IMPORT_METHODS = ['import:preview', 'import:commit', 'import:template', 'import:divergences', 'import:exportDivergences'] as const satisfies readonly (keyof ImportApi)[];

export type ImportMethod = (typeof IMPORT_METHODS)[number];
