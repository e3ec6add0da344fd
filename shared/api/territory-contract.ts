/**
 * The territory methods of the API contract: the figures per department and region, the targets
 * (national distribution, agreed numbers, their versions) and the coherence checks. Part of `Api`
 * (contract.ts); `targets:set`, one department's target, stays with the review's department totals.
 */
import type { DepartmentFigures, RegionFigures, TerritoryCheck } from '../domain/territory';

/** Per department: code, name, regionCode, population, dossiers, requested, supported, granted, reviewed, target, per100k. */
export type DepartmentStats = DepartmentFigures;
export type RegionStats = RegionFigures;

export interface TargetVersion {
  id: number;
  /**
   * 'distribution': a national total spread by targets:distribute; 'department': one targets:set;
   * 'agreement': agreed numbers per department (« accords préalables ») imported from a file.
   */
  kind: 'distribution' | 'department' | 'agreement';
  /** The department set by a 'department' version; null for a distribution or an agreement. */
  departmentCode: string | null;
  /** The national total of a distribution, the department's new target (null: cleared), or the sum of an agreement. */
  total: number | null;
  key: 'population' | null;
  floor: number | null;
  setBy: string;
  setAt: string;
  /** An agreement's departments, in department order. */
  departmentCodes?: string[];
  /** The file an agreement was imported from. */
  fileName?: string;
}

/** One department's agreed number read from an imported file (see targets:importAgreed). */
export interface AgreedTargetRow {
  /** Row number as a spreadsheet shows it (header = row 1). */
  row: number;
  departmentCode: string;
  departmentName: string;
  target: number;
  /** The department's current target before the import (null: none). */
  previous: number | null;
}

export interface AgreedTargetIssue {
  row: number | null;
  column: string | null;
  /** French, naming the file, the row and the column. */
  message: string;
}

export interface AgreedTargetsPreview {
  fileName: string;
  /** XLSX: the sheet read. */
  sheet: string | null;
  /** The headers recognised as the department, its name (optional) and the agreed number. */
  columns: { department: string; name: string | null; target: string };
  rows: AgreedTargetRow[];
  /** Any error blocks the whole import: nothing is written. */
  errors: AgreedTargetIssue[];
  /** Worth a look, not blocking (a name that does not match its code, a total row ignored). */
  warnings: AgreedTargetIssue[];
  /** The version written by a commit; null for a preview. */
  version: TargetVersion | null;
}

export interface DistributionResult {
  version: TargetVersion;
  targets: { departmentCode: string; target: number }[];
}

export interface TerritoryApi {
  'stats:departments': (req: Record<string, never>) => Promise<DepartmentStats[]>;
  /** The departments' figures summed by region (the 18 regions). */
  'stats:regions': (req: Record<string, never>) => Promise<RegionStats[]>;
  /**
   * Spreads a national total (default 4,000) over the 101 departments by population, each at
   * least `floor`, summing exactly to the total; saved as a new version (COMMITTEE or ADMIN only).
   */
  'targets:distribute': (req: { total?: number; key?: 'population'; floor?: number }) => Promise<DistributionResult>;
  /** Every version of the targets, newest first. */
  'targets:history': (req: Record<string, never>) => Promise<TargetVersion[]>;
  /** Coherence checks of the distribution (tolerance around the targets: default 10 %), within the scope. */
  'territory:checks': (req: { tolerancePercent?: number }) => Promise<TerritoryCheck[]>;
  /** The same checks as a file: CSV (`;`, UTF-8 with BOM) or XLSX. */
  'territory:exportChecks': (req: { tolerancePercent?: number; format: 'csv' | 'xlsx' }) => Promise<{ fileName: string; data: Uint8Array }>;
  /**
   * Agreed numbers per department from a CSV or XLSX file (department code, optional name, number).
   * Without `commit`: the preview, every error listed. With `commit: true`: writes them as one
   * version (COMMITTEE or ADMIN only), or nothing at all when any row is in error.
   */
  'targets:importAgreed': (req: { fileName: string; data: Uint8Array; sheet?: string; commit?: boolean }) => Promise<AgreedTargetsPreview>;
}

export const TERRITORY_METHODS = [
  'stats:departments',
  'stats:regions',
  'targets:distribute',
  'targets:history',
  'territory:checks',
  'territory:exportChecks',
  'targets:importAgreed',
] as const satisfies readonly (keyof TerritoryApi)[];

export type TerritoryMethod = (typeof TERRITORY_METHODS)[number];
