/**
 * French display formatting. Intl fr-FR separates thousands with a narrow no-break space
 * (U+202F) and puts a no-break space before « € », so numbers never wrap mid-value.
 */
import { formatEuros } from '../../shared/domain/money';

const EMPTY = '—';

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
// Date-only values (YYYY-MM-DD) are calendar days: formatting them in UTC keeps the day
// from shifting for users west of Greenwich.
const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const localDayFormat = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
}

export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  // The backend's writing (« 40 000 € », « 1 234,56 € »), independent of the browser's ICU data.
  return formatEuros(value);
}

function parseIso(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-11-26` or a full ISO timestamp → `26/11/2026`. Unparseable text is shown as is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const date = parseIso(value);
  if (!date) return value;
  return DATE_ONLY.test(value) ? dayFormat.format(date) : localDayFormat.format(date);
}

/** ISO timestamp → `26/11/2026 14:05` in the user's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  if (DATE_ONLY.test(value)) return formatDate(value);
  const date = parseIso(value);
  return date ? dateTimeFormat.format(date) : value;
}

export function formatBoolean(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return EMPTY;
  return value ? 'Oui' : 'Non';
}

/** `3 dossiers`, `1 dossier`, `0 dossier`: the one plural rule, shared with the backend. */
export { plural as pluralize } from '../../shared/domain/french-format';

export { EMPTY as EMPTY_VALUE };
