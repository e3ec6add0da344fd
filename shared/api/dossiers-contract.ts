/**
 * The dossiers methods of the API contract: the list, its facets, one dossier's detail, the app's
 * own figures and the demo data. Part of `Api` (contract.ts).
 */
import type { ContractType, DossierDetail, DossierStatus, DossierSummary } from '../domain/dossier';
import type { OpinionKind } from '../domain/review';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  mode: 'electron' | 'browser' | 'cli';
  dbPath: string;
  userName: string;
  dossierCount: number;
  /** Why the desktop window could not be opened (browser mode only). */
  electronUnavailableReason: string | null;
}

export type DossierSortColumn =
  | 'externalId'
  | 'name'
  | 'departmentCode'
  | 'communeName'
  | 'postsRequested'
  | 'status'
  | 'updatedAt'
  | 'aggregateScore'
  | 'postsSupported';

export interface DossierFilter {
  departments?: string[];
  regions?: string[];
  statuses?: DossierStatus[];
  /** 'NONE' selects dossiers without a contract type. */
  contractTypes?: (ContractType | 'NONE')[];
  legalForms?: string[];
  /** 'any': with at least one warning; 'none': without; otherwise a warning code. */
  warning?: string;
  search?: string;
  /** Current opinion; 'NONE' selects dossiers without an opinion yet. */
  opinions?: (OpinionKind | 'NONE')[];
  /** Dossiers this profile has scored or given an opinion on. */
  reviewerId?: number;
  /** 'yes': with a current opinion; 'no': not yet reviewed (no opinion). */
  reviewed?: 'yes' | 'no';
  /** Aggregate score ≥ this value (dossiers without a score are left out). */
  minScore?: number;
}

export interface DossierQuery extends DossierFilter {
  sort?: { column: DossierSortColumn; direction: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

export interface DossierPage {
  rows: DossierSummary[];
  total: number;
  postsRequested: number;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface DossierFacets {
  statuses: FacetCount[];
  contractTypes: FacetCount[];
  legalForms: FacetCount[];
  departments: FacetCount[];
  warnings: FacetCount[];
  /** Current opinion, value 'NONE' for dossiers without one. */
  opinions: FacetCount[];
}

export interface DossiersApi {
  'app:info': (req: Record<string, never>) => Promise<AppInfo>;
  'dossiers:list': (req: DossierQuery) => Promise<DossierPage>;
  'dossiers:facets': (req: DossierFilter) => Promise<DossierFacets>;
  'dossiers:get': (req: { id: number }) => Promise<DossierDetail>;
  'demo:generate': (req: { count: number }) => Promise<{ created: number }>;
}

export const DOSSIERS_METHODS = ['app:info', 'dossiers:list', 'dossiers:facets', 'dossiers:get', 'demo:generate'] as const satisfies readonly (keyof DossiersApi)[];

export type DossiersMethod = (typeof DOSSIERS_METHODS)[number];
