/** SIRET numbers: 14 digits (9-digit SIREN + 5-digit NIC) protected by a Luhn checksum. */

/** La Poste's establishments share one SIREN and do not follow the Luhn rule (see isValidSiret). */
const LA_POSTE_SIREN = '356000000';

/** Luhn checksum over a string of digits; false for anything that is not only digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A well-formed SIRET: 14 digits passing Luhn, except La Poste's (SIREN 356000000) whose
 * thousands of establishments could not all fit the Luhn rule, so INSEE uses "digit sum
 * divisible by 5" for them.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhnValid(siret)) return true;
  if (!siret.startsWith(LA_POSTE_SIREN)) return false;
  let sum = 0;
  for (const c of siret) sum += Number(c);
  return sum % 5 === 0;
}

// Spreadsheets print long numbers as "1.23456789012345E+13" or "12345678901234.0".
const NUMERIC = /^(\d+)(?:[.,](\d*))?(?:[eE]\+?(\d+))?$/;

/**
 * Digits of a SIRET as typed or as a spreadsheet mangled it: spaces removed, scientific
 * notation and ".0" tails expanded, leading zeros lost by a number cell restored.
 * Returns null when the value is not a number, or when a spreadsheet rounded it
 * ("1,23457E+13": the missing digits cannot be recovered).
 * Fractional digits are dropped: no SIRET has them, and a wrongly restored number still
 * fails the checksum, which the importer reports.
 */
export function normalizeSiret(input: string | number): string | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return null;
    return padLostZeros(Math.trunc(input).toFixed(0));
  }
  const compact = input.replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d+$/.test(compact)) return compact;
  const m = NUMERIC.exec(compact);
  if (!m) return null;
  const intPart = m[1] ?? '';
  const digits = intPart + (m[2] ?? '');
  const pointAt = intPart.length + Number(m[3] ?? '0');
  if (digits.length < pointAt) return null;
  return padLostZeros(digits.slice(0, pointAt));
}

// A number cell drops the leading zeros of a SIREN such as "012345678"; only one or two are
// restored so that a 9-digit SIREN typed in the SIRET column is not disguised as a SIRET.
function padLostZeros(digits: string): string {
  return digits.length >= 12 && digits.length < 14 ? digits.padStart(14, '0') : digits;
}
