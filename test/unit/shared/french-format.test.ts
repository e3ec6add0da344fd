import { describe, expect, it } from 'vitest';
import { frenchNumber, plural, shortDate } from '../../../shared/domain/french-format';

describe('French formatting', () => {
  it('groups thousands with a narrow no-break space, whatever the host’s ICU data', () => {
    expect(frenchNumber(1234567)).toBe('1\u202f234\u202f567');
    expect(frenchNumber(999)).toBe('999');
    // The same separator as Intl fr-FR with current ICU data, which the renderer used before.
    expect(frenchNumber(12500)).toBe(new Intl.NumberFormat('fr-FR').format(12500));
  });

  it('takes the singular below 2, and groups the count', () => {
    expect([0, 1, 2].map((n) => plural(n, 'poste', 'postes'))).toEqual(['0 poste', '1 poste', '2 postes']);
    expect(plural(1500, 'dossier', 'dossiers')).toBe('1\u202f500 dossiers');
  });

  it('writes dates dd/mm/yyyy without shifting the day, other text as is', () => {
    expect(shortDate('2026-11-26')).toBe('26/11/2026');
    expect(shortDate('2021-04-08T23:30:00.000Z')).toBe('08/04/2021');
    expect(shortDate('non renseignée')).toBe('non renseignée');
  });
});
