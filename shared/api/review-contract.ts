/**
 * The review methods of the API contract: profiles, opinions, scoring grids and scores, the
 * comparison, the department ranking and totals (with one department's target). Part of `Api`
 * (contract.ts).
 */
import type {
  ComparisonItem,
  DepartmentRanking,
  DepartmentTotals,
  DossierScores,
  GridInput,
  Opinion,
  OpinionInput,
  OpinionKind,
  Role,
  ScoreInput,
  ScoringGrid,
  UserProfile,
} from '../domain/review';

export interface ReviewApi {
  /** Null until the first-start screen saves one. */
  'profile:current': (req: Record<string, never>) => Promise<UserProfile | null>;
  'profile:list': (req: Record<string, never>) => Promise<UserProfile[]>;
  /** Creates (or updates `id`) and makes it the current profile. */
  'profile:save': (req: { id?: number; name: string; role: Role; departments: string[] }) => Promise<UserProfile>;
  'profile:switch': (req: { id: number }) => Promise<UserProfile>;
  'opinions:record': (req: OpinionInput) => Promise<Opinion>;
  /** One transaction: all recorded or none. */
  'opinions:recordBulk': (req: { dossierIds: number[]; opinion: OpinionKind; postsSupported: 'requested' | 'none'; comment: string }) => Promise<{ recorded: number }>;
  /** Newest first, every version kept. */
  'opinions:history': (req: { dossierId: number }) => Promise<Opinion[]>;
  /** Every version, current flagged. */
  'grids:list': (req: Record<string, never>) => Promise<ScoringGrid[]>;
  /** Always a new version (ADMIN or COMMITTEE only). */
  'grids:save': (req: GridInput) => Promise<ScoringGrid>;
  /** The current user's score for that dossier (a new row per save; the latest per reviewer counts). */
  'scores:record': (req: ScoreInput) => Promise<DossierScores>;
  'scores:get': (req: { dossierId: number }) => Promise<DossierScores>;
  /** 2 to 4 ids. */
  'compare:get': (req: { ids: number[] }) => Promise<ComparisonItem[]>;
  'ranking:get': (req: { departmentCode: string }) => Promise<DepartmentRanking>;
  /** Full order of the department's dossier ids. */
  'ranking:save': (req: { departmentCode: string; order: number[] }) => Promise<DepartmentRanking>;
  'departments:totals': (req: { departmentCode: string }) => Promise<DepartmentTotals>;
  /** Versioned rows with who/when (COMMITTEE or ADMIN only). */
  'targets:set': (req: { departmentCode: string; target: number | null }) => Promise<DepartmentTotals>;
}

export const REVIEW_METHODS = [
  'profile:current',
  'profile:list',
  'profile:save',
  'profile:switch',
  'opinions:record',
  'opinions:recordBulk',
  'opinions:history',
  'grids:list',
  'grids:save',
  'scores:record',
  'scores:get',
  'compare:get',
  'ranking:get',
  'ranking:save',
  'departments:totals',
  'targets:set',
] as const satisfies readonly (keyof ReviewApi)[];

export type ReviewMethod = (typeof REVIEW_METHODS)[number];
