/**
 * The one API contract between the UI (or the CLI) and the backend.
 * Every host (Electron IPC, browser-mode HTTP, CLI) implements exactly this map.
 */
import { COMMITTEE_METHODS, type CommitteeApi } from './committee-contract';
import { DOSSIERS_METHODS, type DossiersApi } from './dossiers-contract';
import { EXCHANGE_METHODS, type ExchangeApi } from './exchange-contract';
import { EXPORTS_METHODS, type ExportProgress, type ExportsApi } from './exports-contract';
import { IMPORT_METHODS, type ImportApi } from './import-contract';
import { INTEGRITY_METHODS, type IntegrityApi } from './integrity-contract';
import { REVIEW_METHODS, type ReviewApi } from './review-contract';
import { TERRITORY_METHODS, type TerritoryApi } from './territory-contract';

export type { AppInfo, DossierFacets, DossierFilter, DossierPage, DossierQuery, DossierSortColumn, FacetCount } from './dossiers-contract';
export type { ImportColumn, ImportCounts, ImportFileRequest, ImportPreview, ImportRejection, ImportResult } from './import-contract';
export type { AgreedTargetIssue, AgreedTargetRow, AgreedTargetsPreview, DepartmentStats, DistributionResult, RegionStats, TargetVersion } from './territory-contract';

/** Every area keeps its methods in its own file, `<area>-contract.ts`; the contract is their union. */
export interface Api extends DossiersApi, TerritoryApi, ReviewApi, CommitteeApi, ExportsApi, ExchangeApi, ImportApi, IntegrityApi {}

export type ApiMethod = keyof Api;
export type ApiRequest<M extends ApiMethod> = Parameters<Api[M]>[0];
export type ApiResponse<M extends ApiMethod> = Awaited<ReturnType<Api[M]>>;

/** Every method name, for hosts that register handlers and for the preload. */
export const API_METHODS = [
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
