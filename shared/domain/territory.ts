/**
 * Territorial figures (issue 4): the measures derived from a department's or a region's counts,
 * the national distribution of targets, and the aggregation by region. Pure: the backend, the CLI
 * and the map use the same formulas.
 */
import { REGIONS } from './geography';

/** The counts the map colours by, for a department or a region. */
export interface TerritoryFigures {
  population: number;
  dossiers: number;
  requested: number;
  /** Posts supported by the current favourable prefecture opinions. */
  supported: number;
  /** Posts granted by the committee (dossiers in VALIDATION_COSELEC). */
  granted: number;
  /** Dossiers with a current prefecture opinion. */
  reviewed: number;
  /** The current target; null when none is set. */
  target: number | null;
}

export interface DepartmentFigures extends TerritoryFigures {
  code: string;
  name: string;
  regionCode: string;
  /** Granted per 100,000 inhabitants, 2 decimals. */
  per100k: number;
}

export interface RegionFigures extends TerritoryFigures {
  code: string;
  name: string;
  /** Departments aggregated into this region's figures. */
  departments: number;
  per100k: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Posts per 100,000 inhabitants, 2 decimals (0 for an unknown population). */
export function per100k(posts: number, population: number): number {
  return population > 0 ? round2((posts * 100_000) / population) : 0;
}

/** Posts as a percentage of the target, 2 decimals; null without a target (or a target of 0). */
export function percentOfTarget(posts: number, target: number | null): number | null {
  return target === null || target === 0 ? null : round2((posts * 100) / target);
}

/** Posts minus the target (negative: under target); null without a target. */
export function gapToTarget(posts: number, target: number | null): number | null {
  return target === null ? null : posts - target;
}

/** Share of the dossiers with a current opinion, in percent with 2 decimals; null without dossiers. */
export function reviewedShare(reviewed: number, dossiers: number): number | null {
  return dossiers > 0 ? round2((reviewed * 100) / dossiers) : null;
}

export interface DistributionInput {
  total: number;
  /** Minimum target of every department (default 0). */
  floor?: number;
  weights: readonly { code: string; weight: number }[];
}

/** Why a distribution cannot be made (French, for the user); null when it can. */
export function distributionProblem(input: DistributionInput): string | null {
  const floor = input.floor ?? 0;
  if (!Number.isInteger(input.total) || input.total < 0) return 'Le total national doit être un nombre entier positif ou nul.';
  if (!Number.isInteger(floor) || floor < 0) return 'Le plancher par département doit être un nombre entier positif ou nul.';
  if (input.weights.length === 0) return 'Aucun département à doter.';
  if (input.weights.some((w) => !Number.isFinite(w.weight) || w.weight < 0)) return 'Les poids des départements doivent être des nombres positifs ou nuls.';
  if (floor * input.weights.length > input.total) {
    return `Un plancher de ${floor} poste(s) pour ${input.weights.length} départements dépasse le total de ${input.total} postes.`;
  }
  return null;
}

/**
 * Targets proportional to the weights, each at least the floor, summing exactly to the total.
 * Departments whose proportional share falls under the floor get the floor; the rest is shared
 * again among the others until no share is under the floor. Whole numbers by the largest
 * remainder method (ties: larger weight, then code order), so the sum is exact.
 */
export function distributeTargets(input: DistributionInput): Map<string, number> {
  const problem = distributionProblem(input);
  if (problem) throw new Error(problem);
  const floor = input.floor ?? 0;
  const floored = new Set<string>();
  let shares = new Map<string, number>();
  for (;;) {
    const free = input.weights.filter((w) => !floored.has(w.code));
    const remaining = input.total - floor * floored.size;
    const weightSum = free.reduce((s, w) => s + w.weight, 0);
    shares = new Map(free.map((w) => [w.code, weightSum > 0 ? (remaining * w.weight) / weightSum : remaining / free.length]));
    const under = free.filter((w) => shares.get(w.code)! < floor);
    if (under.length === 0) break;
    for (const w of under) floored.add(w.code);
  }
  const result = new Map<string, number>();
  for (const w of input.weights) result.set(w.code, floored.has(w.code) ? floor : Math.floor(shares.get(w.code)!));
  let left = input.total - [...result.values()].reduce((s, v) => s + v, 0);
  const byRemainder = input.weights
    .filter((w) => !floored.has(w.code))
    .map((w) => ({ code: w.code, weight: w.weight, remainder: shares.get(w.code)! - Math.floor(shares.get(w.code)!) }))
    .sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.code.localeCompare(b.code));
  for (const r of byRemainder) {
    if (left <= 0) break;
    result.set(r.code, result.get(r.code)! + 1);
    left -= 1;
  }
  return result;
}

/** The departments' figures summed by region (only regions with at least one of the departments given). */
export function aggregateRegions(departments: readonly DepartmentFigures[]): RegionFigures[] {
  const out: RegionFigures[] = [];
  for (const region of REGIONS) {
    const members = departments.filter((d) => d.regionCode === region.code);
    if (members.length === 0) continue;
    const sum = (pick: (d: DepartmentFigures) => number) => members.reduce((s, d) => s + pick(d), 0);
    const targets = members.filter((d) => d.target !== null);
    const population = sum((d) => d.population);
    const granted = sum((d) => d.granted);
    out.push({
      code: region.code,
      name: region.name,
      departments: members.length,
      population,
      dossiers: sum((d) => d.dossiers),
      requested: sum((d) => d.requested),
      supported: sum((d) => d.supported),
      granted,
      reviewed: sum((d) => d.reviewed),
      target: targets.length > 0 ? targets.reduce((s, d) => s + d.target!, 0) : null,
      per100k: per100k(granted, population),
    });
  }
  return out;
}

/** Beyond the tolerance around the target: 'over' or 'under'; null within it or without a target. */
export function targetDeviation(posts: number, target: number | null, tolerancePercent: number): 'over' | 'under' | null {
  if (target === null) return null;
  if (posts > target * (1 + tolerancePercent / 100)) return 'over';
  if (posts < target * (1 - tolerancePercent / 100)) return 'under';
  return null;
}

export type CheckSeverity = 'error' | 'warning' | 'info';

export type TerritoryCheckCode =
  | 'GRANTED_OVER_TARGET'
  | 'GRANTED_UNDER_TARGET'
  | 'SUPPORTED_OVER_TARGET'
  | 'SUPPORTED_UNDER_TARGET'
  | 'DEMAND_WITHOUT_SUPPORT'
  | 'SIRET_SEVERAL_DEPARTMENTS'
  | 'NETWORK_SPREAD'
  | 'NETWORK_NARROW'
  | 'CUI_OUTSIDE_OVERSEAS';

export interface TerritoryCheck {
  code: TerritoryCheckCode;
  severity: CheckSeverity;
  /** The department concerned; null for a check across departments (SIRET, network). */
  departmentCode: string | null;
  /** Every department concerned (the one of `departmentCode`, or those a SIRET or network spans). */
  departmentCodes: string[];
  /** French, for the user. */
  message: string;
  dossierIds?: number[];
}

export const DEFAULT_TOLERANCE_PERCENT = 10;

const FRENCH = new Intl.Collator('fr');
const SEVERITY_RANK: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; within a severity by check, then by department. */
export function compareChecks(a: TerritoryCheck, b: TerritoryCheck): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.code.localeCompare(b.code) || FRENCH.compare(a.message, b.message);
}

const percent = (posts: number, target: number) => (target === 0 ? '' : ` (${percentOfTarget(posts, target)!.toLocaleString('fr-FR')} %)`);

/** Over or under target beyond the tolerance, and demand left without support, for each department. */
export function departmentChecks(departments: readonly DepartmentFigures[], tolerancePercent: number): TerritoryCheck[] {
  const out: TerritoryCheck[] = [];
  const tolerance = `${tolerancePercent.toLocaleString('fr-FR')} %`;
  for (const d of departments) {
    const where = `${d.code} – ${d.name}`;
    const measures = [
      ['GRANTED', d.granted, 'accordé(s) par le comité'],
      ['SUPPORTED', d.supported, 'soutenu(s) par les avis préfectoraux'],
    ] as const;
    for (const [kind, posts, what] of measures) {
      const deviation = targetDeviation(posts, d.target, tolerancePercent);
      if (!deviation || d.target === null) continue;
      out.push({
        code: `${kind}_${deviation === 'over' ? 'OVER' : 'UNDER'}_TARGET`,
        severity: deviation === 'over' ? 'warning' : 'info',
        departmentCode: d.code,
        departmentCodes: [d.code],
        message: `${where} : ${posts} poste(s) ${what} pour un objectif de ${d.target}${percent(posts, d.target)}, ${deviation === 'over' ? 'au-delà' : 'en deçà'} de la tolérance de ${tolerance}.`,
      });
    }
    if (d.requested > 0 && d.supported === 0 && d.granted === 0) {
      out.push({
        code: 'DEMAND_WITHOUT_SUPPORT',
        severity: 'warning',
        departmentCode: d.code,
        departmentCodes: [d.code],
        message: `${where} : ${d.requested} poste(s) demandé(s) dans ${d.dossiers} dossier(s), aucun soutenu ni accordé.`,
      });
    }
  }
  return out;
}
