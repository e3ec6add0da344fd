/**
 * The methods of the API contract for the offline exchange between prefectures and the national
 * level (issue 7). Part of `Api` (contract.ts). Who may call what: exchange-policy.ts.
 */
import type {
  ConflictChoice,
  ConflictStatus,
  ExchangeConflict,
  ExchangeLogEntry,
  PackageImportResult,
  PackagePreview,
  WorkbookImportResult,
  WorkbookPreview,
} from '../domain/exchange';

export interface ExchangeFile {
  fileName: string;
  data: Uint8Array;
}

export interface ExchangeApi {
  /** A prefecture's package: the department's opinions (every version), scores and ranking, with their authors, times and journal entries. */
  'exchange:exportPackage': (req: { departmentCode: string }) => Promise<ExchangeFile>;
  /** The national level's package for a prefecture: the department's dossiers, decisions and opinions. */
  'exchange:exportDossierPackage': (req: { departmentCode: string }) => Promise<ExchangeFile>;
  /** Reads and checks a package (format, checksum, sender, scope) and says what its import would do; writes nothing. */
  'exchange:previewPackage': (req: ExchangeFile) => Promise<PackagePreview>;
  /** Imports a previewed package in one transaction. */
  'exchange:importPackage': (req: { token: string }) => Promise<PackageImportResult>;
  /** Conflicts on the dossiers of the scope, open ones first (default: open only). */
  'exchange:conflicts': (req: { status?: ConflictStatus | 'ALL' }) => Promise<ExchangeConflict[]>;
  /** Keeps one side: it becomes the dossier's current opinion as a new version; who, when and which are recorded. */
  'exchange:resolveConflict': (req: { id: number; keep: ConflictChoice; comment?: string }) => Promise<ExchangeConflict>;
  /** Packages and workbooks imported into this database, newest first (within the scope). */
  'exchange:log': (req: Record<string, never>) => Promise<ExchangeLogEntry[]>;
  /** The department workbook in the 2021 shape, to fill in without the app. */
  'exchange:exportWorkbook': (req: { departmentCode: string }) => Promise<ExchangeFile>;
  /** Reads a filled workbook row by row: the opinions it would record and the rows refused (sheet, row, column, reason). */
  'exchange:previewWorkbook': (req: ExchangeFile) => Promise<WorkbookPreview>;
  /** Records the valid rows of a previewed workbook in one transaction; refused rows are not imported. */
  'exchange:importWorkbook': (req: { token: string }) => Promise<WorkbookImportResult>;
}

export const EXCHANGE_METHODS = [
  'exchange:exportPackage',
  'exchange:exportDossierPackage',
  'exchange:previewPackage',
  'exchange:importPackage',
  'exchange:conflicts',
  'exchange:resolveConflict',
  'exchange:log',
  'exchange:exportWorkbook',
  'exchange:previewWorkbook',
  'exchange:importWorkbook',
] as const satisfies readonly (keyof ExchangeApi)[];

export type ExchangeMethod = (typeof EXCHANGE_METHODS)[number];
