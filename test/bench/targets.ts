/**
 * The product's performance targets. Information only: a benchmark prints, it never fails a build
 * on timings (they depend on the machine).
 */
import type { SizeResult } from './bench-types';

export interface TargetCheck {
  name: string;
  size: number;
  measured: number;
  limit: number;
  ok: boolean;
}

/** Targets stated "at 50,000 dossiers" are only judged from that size up. */
export const TARGET_SIZE = 50_000;

export const LIMITS = {
  importMs: 10_000,
  listP95Ms: 50,
  persistMs: 10,
  openMs: 3_000,
  opinionTotalsMs: 20,
  decisionRecordMs: 50,
} as const;

/** "< 10 s", "< 50 ms": limits are round numbers, printed without decimals. */
function formatLimit(ms: number): string {
  return ms >= 1000 ? `< ${ms / 1000} s` : `< ${ms} ms`;
}

/** The target column: the limit with ✓/✗, or the limit alone in parentheses below its size. */
export function mark(measured: number, limit: number, applies = true, suffix = ''): string {
  const text = `${formatLimit(limit)}${suffix}`;
  return applies ? `${text} ${measured < limit ? '✓' : '✗'}` : `(${text} @50k)`;
}

export function checkTargets(results: readonly SizeResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (name: string, size: number, measured: number, limit: number) => checks.push({ name, size, measured, limit, ok: measured < limit });
  for (const r of results) {
    for (const q of r.queries) add(`${q.label} (p95)`, r.size, q.call.p95, LIMITS.listP95Ms);
    if (r.size < TARGET_SIZE) continue;
    add('import platform CSV, preview + commit (median)', r.size, r.import.total.median, LIMITS.importMs);
    add('persist one change (p95)', r.size, r.persist.write.p95, LIMITS.persistMs);
    add('open the database (median)', r.size, r.open.clean.median, LIMITS.openMs);
    add('record an opinion + department totals (median)', r.size, r.review.opinionAndTotals.median, LIMITS.opinionTotalsMs);
    add('record a committee decision (median)', r.size, r.decisions.record.median, LIMITS.decisionRecordMs);
  }
  return checks;
}
