import { describe, expect, it } from 'vitest';
import { formatBoolean, formatDate, formatDateTime, formatMoney, formatNumber, pluralize } from '../../../renderer/lib/format';

// Intl fr-FR: narrow no-break space between thousands, no-break space before the euro sign.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('groups thousands the French way', () => {
    expect(formatNumber(1234)).toBe(`1${NNBSP}234`);
    expect(formatNumber(12345678)).toBe(`12${NNBSP}345${NNBSP}678`);
    expect(formatNumber(0)).toBe('0');
  });

  it('uses a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe(`1${NNBSP}234,5`);
  });

  it('shows a dash for missing values', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('formatMoney', () => {
  it('formats euros with cents', () => {
    expect(formatMoney(1234.56)).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatMoney(0.5)).toBe(`0,50${NBSP}€`);
  });

  it('drops « ,00 » on whole amounts', () => {
    expect(formatMoney(40000)).toBe(`40${NNBSP}000${NBSP}€`);
  });

  it('shows a dash for missing values', () => {
    expect(formatMoney(null)).toBe('—');
  });
});

describe('formatDate', () => {
  it('formats ISO calendar dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-11-26')).toBe('26/11/2026');
    expect(formatDate('2021-03-04')).toBe('04/03/2021');
  });

  it('keeps the calendar day of a date-only value whatever the time zone', () => {
    expect(formatDate('2026-01-01')).toBe('01/01/2026');
  });

  it('formats full timestamps as a date', () => {
    expect(formatDate('2026-11-26T10:15:00')).toBe('26/11/2026');
  });

  it('shows unparseable text as is and a dash for nothing', () => {
    expect(formatDate('bientôt')).toBe('bientôt');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('adds hours and minutes to timestamps', () => {
    expect(formatDateTime('2026-11-26T14:05:00')).toBe('26/11/2026 14:05');
  });

  it('leaves date-only values as dates', () => {
    expect(formatDateTime('2026-11-26')).toBe('26/11/2026');
  });
});

describe('formatBoolean', () => {
  it('says Oui / Non', () => {
    expect(formatBoolean(true)).toBe('Oui');
    expect(formatBoolean(false)).toBe('Non');
    expect(formatBoolean(null)).toBe('—');
  });
});

describe('pluralize', () => {
  it('uses the singular for 0 and 1, as French does', () => {
    expect(pluralize(0, 'dossier', 'dossiers')).toBe('0 dossier');
    expect(pluralize(1, 'dossier', 'dossiers')).toBe('1 dossier');
    expect(pluralize(2, 'dossier', 'dossiers')).toBe('2 dossiers');
    expect(pluralize(12345, 'dossier', 'dossiers')).toBe(`12${NNBSP}345 dossiers`);
  });
});
