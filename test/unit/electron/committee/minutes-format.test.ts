import { describe, expect, it } from 'vitest';
import { frenchDate, frenchDateTime, frenchLongDate } from '../../../../electron/backend/committee/french-format';
import { plural as count } from '../../../../shared/domain/french-format';
import { canonicalJson, minutesHash } from '../../../../electron/backend/committee/minutes-content';

describe('French dates and counts of the minutes', () => {
  it('writes « 1er », day and month names, Paris time', () => {
    expect(frenchDate('2021-04-01')).toBe('1er avril 2021');
    expect(frenchLongDate('2021-04-01')).toBe('jeudi 1er avril 2021');
    expect(frenchLongDate('2023-12-22')).toBe('vendredi 22 décembre 2023');
    // Summer time (UTC+2), then winter time (UTC+1).
    expect(frenchDateTime('2021-04-09T08:05:00.000Z')).toBe('9 avril 2021 à 10 h 05');
    expect(frenchDateTime('2023-12-31T23:30:00.000Z')).toBe('1er janvier 2024 à 0 h 30');
  });

  it('keeps the singular below 2 and groups thousands with a narrow no-break space', () => {
    expect(count(0, 'poste', 'postes')).toBe('0 poste');
    expect(count(1, 'poste', 'postes')).toBe('1 poste');
    expect(count(2, 'poste', 'postes')).toBe('2 postes');
    expect(count(4000, 'conseiller', 'conseillers')).toBe('4\u202f000 conseillers');
  });
});

describe('canonical serialisation of the minutes', () => {
  it('sorts keys at every level and drops undefined, so equal content gives equal bytes and hash', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: null }], c: 'é' }, u: undefined };
    const b = { a: { c: 'é', d: [3, { y: null, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"é","d":[3,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(minutesHash(canonicalJson(a))).toBe(minutesHash(canonicalJson(b)));
    expect(minutesHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(minutesHash(canonicalJson({ ...b, b: 2 }))).not.toBe(minutesHash(canonicalJson(b)));
  });
});
