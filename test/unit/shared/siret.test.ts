import { describe, expect, it } from 'vitest';
import { isValidSiret, luhnValid, normalizeSiret } from '../../../shared/domain/siret';

describe('luhnValid', () => {
  it('accepts numbers whose Luhn sum is a multiple of 10', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('0')).toBe(true);
  });

  it('rejects anything that is not only digits', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('7992 7398 713')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
  });
});

describe('isValidSiret', () => {
  it('accepts Luhn-valid 14-digit numbers', () => {
    expect(isValidSiret('13002603200016')).toBe(true);
    expect(isValidSiret('12002701600563')).toBe(true);
  });

  it('rejects a mistyped digit, a wrong length or non-digits', () => {
    expect(isValidSiret('13002603200017')).toBe(false);
    expect(isValidSiret('1300260320001')).toBe(false);
    expect(isValidSiret('130026032000160')).toBe(false);
    expect(isValidSiret('1300260320001A')).toBe(false);
  });

  it('applies the digit-sum-divisible-by-5 rule to La Poste establishments only', () => {
    // 3+5+6 + 0…0 + 1+0+1+3 = 19 → needs a final digit making the sum a multiple of 5.
    const laPoste = '35600000010131';
    expect(luhnValid(laPoste)).toBe(false);
    expect([...laPoste].reduce((s, c) => s + Number(c), 0) % 5).toBe(0);
    expect(isValidSiret(laPoste)).toBe(true);
    expect(isValidSiret('35600000010132')).toBe(false);
    // The same digit sum under another SIREN does not get the exception.
    expect(isValidSiret('35600000110130')).toBe(false);
    // A La Poste number that also passes Luhn stays valid.
    expect(isValidSiret('35600000000048')).toBe(true);
  });
});

describe('normalizeSiret', () => {
  it('keeps a clean string as it is, leading zeros included', () => {
    expect(normalizeSiret('13002603200016')).toBe('13002603200016');
    expect(normalizeSiret('01234567890123')).toBe('01234567890123');
  });

  it('removes spaces, including the no-break ones spreadsheets format with', () => {
    expect(normalizeSiret('123 456 789 01234')).toBe('12345678901234');
    expect(normalizeSiret('123\u00a0456\u202f789 01234')).toBe('12345678901234');
  });

  it('restores numbers a spreadsheet turned into floats or scientific notation', () => {
    expect(normalizeSiret(12345678901234)).toBe('12345678901234');
    expect(normalizeSiret('12345678901234.0')).toBe('12345678901234');
    expect(normalizeSiret('12345678901234,00')).toBe('12345678901234');
    expect(normalizeSiret('1.3002603200016E+13')).toBe('13002603200016');
    expect(normalizeSiret('1,3002603200016E13')).toBe('13002603200016');
    expect(normalizeSiret('1.23456789012345E+13')).toBe('12345678901234');
  });

  it('refuses numbers rounded by the spreadsheet, whose digits are lost', () => {
    expect(normalizeSiret('1.23457E+13')).toBeNull();
  });

  it('restores leading zeros dropped by a number cell, but does not pad a SIREN into a SIRET', () => {
    expect(normalizeSiret(1234567890123)).toBe('01234567890123');
    expect(normalizeSiret('1.234567890123E+12')).toBe('01234567890123');
    expect(normalizeSiret(130026032)).toBe('130026032');
  });

  it('returns null for what is not a number', () => {
    expect(normalizeSiret('en cours')).toBeNull();
    expect(normalizeSiret('1300260320001X')).toBeNull();
    expect(normalizeSiret(-5)).toBeNull();
    expect(normalizeSiret(Number.NaN)).toBeNull();
  });
});
