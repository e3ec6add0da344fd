/**
 * The methods of the API contract for the Excel and CSV exports of allocation decisions (issue 6).
 * Part of `Api` (contract.ts). An export runs in the background of the backend, so that the other
 * calls are answered meanwhile: `exports:start` returns at once, the `export:progress` event
 * (ApiEvents) reports its rows, and `exports:result` hands over the file.
 */
import type { DecisionKind } from '../domain/committee';
import type { BasisChange } from '../domain/decision-money';
import type { ContractType } from '../domain/dossier';
import type { Tranche } from '../domain/subsidy';
import type { DossierFilter } from './contract';

/** Which current decisions to export; the criteria combine (AND). */
export interface DecisionSelection {
  /**
   * Session numbers ("12", "62BIS", any case), of the committee or from the platform; absent or
   * empty: every session. With sessions, each dossier's row is its latest decision among them.
   */
  sessions?: string[];
  /** Department codes; absent or empty: every department of the profile's scope. */
  departments?: string[];
  /** The dossier list's filter: only decisions on the dossiers it matches. */
  filter?: DossierFilter;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface DecisionExportRequest extends DecisionSelection {
  format: ExportFormat;
}

export interface ExportJob {
  id: string;
  fileName: string;
  /** Rows the export will hold (one per current decision selected). */
  total: number;
}

export interface ExportFile {
  fileName: string;
  data: Uint8Array;
  rows: number;
}

/** A session one can export: committee sessions and the session numbers the platform's decisions carry. */
export interface ExportSessionOption {
  number: string;
  /** ISO date YYYY-MM-DD, null when unknown. */
  date: string | null;
  source: 'committee' | 'platform';
  /** Current decisions of that session within the profile's scope. */
  decisions: number;
}

/** A dossier's work-contract signature date and the payment schedule it gives (AMI §3). */
export interface ContractSignature {
  dossierId: number;
  /** ISO date YYYY-MM-DD, null when not known yet. */
  signedAt: string | null;
  /** The dossier's current decision, null without one. */
  decision: DecisionKind | null;
  postsGranted: number | null;
  /** Euros per post, null when unknown (no contract type, or CUI not configured). */
  perPost: number | null;
  aidDeducted: number;
  /** Subsidy of the posts granted, declared aid deducted; null without an approval or an amount per post. */
  total: number | null;
  /** 20 / 30 / 50 %, with their due dates once the signature date is known. */
  tranches: [Tranche, Tranche, Tranche] | null;
  /** The contract the money was frozen on when the decision was recorded. */
  contractType: ContractType | null;
  contractMonths: number | null;
  /** The dossier's fields that changed since the decision (before → after): the money above is unchanged. */
  changes: BasisChange[];
}

export interface ExportsApi {
  /** Starts an export of the current decisions selected; a PREFECTURE profile exports only its departments. */
  'exports:start': (req: DecisionExportRequest) => Promise<ExportJob>;
  /** Waits for the export and returns the file, once (the job is then forgotten). */
  'exports:result': (req: { id: string }) => Promise<ExportFile>;
  /** Stops a running export; its file is never produced. */
  'exports:cancel': (req: { id: string }) => Promise<{ cancelled: boolean }>;
  /** How many rows an export of this selection would hold. */
  'exports:count': (req: DecisionSelection) => Promise<{ rows: number }>;
  /** The sessions that have current decisions within the scope, newest first. */
  'exports:sessions': (req: Record<string, never>) => Promise<ExportSessionOption[]>;
  'dossiers:contractSignature': (req: { dossierId: number }) => Promise<ContractSignature>;
  /** Records (or clears, with null) the contract signature date; national roles, approved dossiers only. */
  'dossiers:setContractSignedAt': (req: { dossierId: number; signedAt: string | null }) => Promise<ContractSignature>;
}

export const EXPORTS_METHODS = [
  'exports:start',
  'exports:result',
  'exports:cancel',
  'exports:count',
  'exports:sessions',
  'dossiers:contractSignature',
  'dossiers:setContractSignedAt',
] as const satisfies readonly (keyof ExportsApi)[];

export type ExportsMethod = (typeof EXPORTS_METHODS)[number];

/** The 'export:progress' event: rows written so far; `state` leaves 'running' once, at the end. */
export interface ExportProgress {
  id: string;
  done: number;
  total: number;
  state: 'running' | 'done' | 'failed' | 'cancelled';
}
