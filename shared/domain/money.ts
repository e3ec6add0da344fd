/** Euro amounts: rounding and French formatting. */

const GROUP_SEPARATOR = '\u202f';
const CURRENCY_SEPARATOR = '\u00a0';

export function roundCents(amount: number): number {
  // toPrecision drops the binary noise that makes 1.005 * 100 come out as 100.49999999999999.
  return Math.round(Number((amount * 100).toPrecision(15))) / 100;
}

/** "12 500": digits grouped by three with a narrow no-break space, as French typography wants. */
export function groupThousands(whole: number): string {
  return Math.trunc(whole).toString().replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
}

/**
 * "40 000 €", "1 234,56 €": the separators Intl.NumberFormat('fr-FR', currency EUR) uses with
 * current ICU data (narrow no-break space between groups, no-break space before €), written
 * out so that the result does not depend on the host's ICU version. Cents, when there are
 * some, always take two digits.
 */
export function formatEuros(amount: number): string {
  const rounded = roundCents(Math.abs(amount));
  const cents = Math.round(rounded * 100) % 100;
  const units = groupThousands(Math.floor(rounded));
  const sign = amount < 0 && rounded !== 0 ? '-' : '';
  const decimals = cents === 0 ? '' : `,${cents.toString().padStart(2, '0')}`;
  return `${sign}${units}${decimals}${CURRENCY_SEPARATOR}€`;
}
