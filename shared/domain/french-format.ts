/**
 * The French formatting every side shares (backend messages, exports, CLI, renderer), written out
 * so that the result does not depend on the host's ICU data: « 12 500 » with a narrow no-break
 * space, « 26/11/2026 », « 1 poste » / « 2 postes ». Money is `formatEuros` in ./money.
 */
import { groupThousands } from './money';

/** « 1 234 » with a narrow no-break space (whole numbers: counts, posts, people). */
export const frenchNumber = (n: number): string => groupThousands(n);

/** « 1 poste », « 2 postes », « 0 poste »: French takes the singular below 2. */
export function plural(n: number, one: string, many: string): string {
  return `${frenchNumber(n)} ${Math.abs(n) >= 2 ? many : one}`;
}

/** `2026-11-26` (or the date part of an ISO timestamp, as written) → « 26/11/2026 »; other text as is. */
export function shortDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
