/** What the totals strip says about a department, computed apart from the view for tests. */
import type { DepartmentTotals } from '../../../shared/domain/review';

export interface TargetProgress {
  /** 0–100, capped, for the progress bar. */
  percent: number;
  /** Posts left before the target (negative: over it). */
  remaining: number;
  over: boolean;
  reached: boolean;
}

export function targetProgress(supported: number, target: number | null): TargetProgress | null {
  if (target === null) return null;
  const remaining = target - supported;
  const percent = target === 0 ? (supported > 0 ? 100 : 0) : Math.min(100, Math.round((supported / target) * 100));
  return { percent, remaining, over: remaining < 0, reached: remaining === 0 };
}

export function progressColor(progress: TargetProgress): string {
  if (progress.over) return 'red';
  if (progress.reached) return 'green';
  return 'blueFrance';
}

/** « 3 postes restants », « objectif atteint », « 2 postes au-delà de l’objectif ». */
export function remainingLabel(progress: TargetProgress): string {
  if (progress.reached) return 'objectif atteint';
  const count = Math.abs(progress.remaining);
  const posts = count < 2 ? `${count} poste` : `${count} postes`;
  return progress.over ? `${posts} au-delà de l’objectif` : `${posts} ${count < 2 ? 'restant' : 'restants'}`;
}

export function reviewedShare(totals: DepartmentTotals): string {
  return `${totals.reviewed} / ${totals.dossiers}`;
}
