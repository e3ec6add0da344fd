/**
 * The one API contract between the UI (or the CLI) and the backend.
 * Every host (Electron IPC, browser-mode HTTP, CLI) implements exactly this map.
 */
import type { DossierFieldKey } from '../domain/dossier';
import { COMMITTEE_METHODS, type CommitteeApi } from './committee-contract';
import { DOSSIERS_METHODS, type DossiersApi } from './dossiers-contract';
import { EXCHANGE_METHODS, type ExchangeApi } from './exchange-contract';
import { EXPORTS_METHODS, type ExportProgress, type ExportsApi } from './exports-contract';
import { IMPORT_METHODS, type ImportApi, type ImportDivergence } from './import-contract';
import { INTEGRITY_METHODS, type IntegrityApi } from './integrity-contract';
import { REVIEW_METHODS, type ReviewApi } from './review-contract';
import { TERRITORY_METHODS, type TerritoryApi } from './territory-contract';

export type { AppInfo, DossierFacets, DossierFilter, DossierPage, DossierQuery, DossierSortColumn, FacetCount } from './dossiers-contract';
export type { AgreedTargetIssue, AgreedTargetRow, AgreedTargetsPreview, DepartmentStats, DistributionResult, RegionStats, TargetVersion } from './territory-contract';

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

/** Each area of the later issues keeps its methods in its own file (committee, exports, exchange). */
export interface Api extends DossiersApi, TerritoryApi, ReviewApi, CommitteeApi, ExportsApi, ExchangeApi, ImportApi, IntegrityApi {
  'import:preview': (req: ImportFileRequest) => Promise<ImportPreview>;
  'import:commit': (req: { token: string }) => Promise<ImportResult>;
  'import:template': (req: Record<string, never>) => Promise<{ fileName: string; data: Uint8Array }>;
}

export type ApiMethod = keyof Api;
export type ApiRequest<M extends ApiMethod> = Parameters<Api[M]>[0];
export type ApiResponse<M extends ApiMethod> = Awaited<ReturnType<Api[M]>>;

/** Every method name, for hosts that register handlers and for the preload. */
export const API_METHODS = [
  'import:preview',
  'import:commit',
  'import:template',
  ...DOSSIERS_METHODS,
  ...TERRITORY_METHODS,
  ...REVIEW_METHODS,
  ...COMMITTEE_METHODS,
  ...EXPORTS_METHODS,
  ...EXCHANGE_METHODS,
  ...IMPORT_METHODS,
  ...INTEGRITY_METHODS,
] as const satisfies readonly ApiMethod[];

/** Fails to compile when a method of the contract is missing from API_METHODS. */
export type UnlistedApiMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const _everyMethodListed: [UnlistedApiMethods] extends [never] ? true : never = true;
void _everyMethodListed;

/** Backend -> UI events. */
export interface ApiEvents {
  'db:changed': { tables: string[] };
  'export:progress': ExportProgress;
}
export type ApiEventName = keyof ApiEvents;

/** The error shape every host returns. `message` is French and meant for the user. */
export interface ApiErrorShape {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}
