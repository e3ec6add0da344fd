/**
 * The import's report of divergences (issue 11, point 2): platform rows whose decision contradicts
 * a decision recorded in this base. They are kept as the platform's history, never applied. Part
 * of `Api` (contract.ts); the preview and the result of an import list those of their file.
 */
import type { DivergenceSide } from '../domain/dossier';

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

export interface ImportApi {
  /** Every divergence reported by the imports, newest first, within the profile's departments. */
  'import:divergences': (req: Record<string, never>) => Promise<ReportedDivergence[]>;
  /** The same list as a CSV file (`;`, UTF-8 with BOM). */
  'import:exportDivergences': (req: Record<string, never>) => Promise<{ fileName: string; data: Uint8Array }>;
}

export const IMPORT_METHODS = ['import:divergences', 'import:exportDivergences'] as const satisfies readonly (keyof ImportApi)[];
