import { describe, expect, it } from 'vitest';
import { cellText, compare, totalRow, type TableRow } from '../../../../renderer/components/TerritoryMap/table-cells';

const row = (code: string, over: Partial<TableRow>): TableRow => ({
  code,
  name: code,
  regionCode: '94',
  population: 100_000,
  dossiers: 0,
  requested: 0,
  supported: 0,
  granted: 0,
  reviewed: 0,
  target: null,
  per100k: 0,
  ...over,
});

describe('cellText', () => {
  it('writes whole numbers, 2 decimals for rates, a signed gap, a dash for what is missing', () => {
    const r = row('2A', { population: 168_306, dossiers: 2, reviewed: 2, granted: 2, target: 5, per100k: 1.19 });
    expect(['population', 'per100k', 'percentOfTarget', 'gapToTarget', 'reviewedShare', 'region'].map((c) => cellText(c as never, r))).toEqual([
      '168\u202f306',
      '1,19',
      '40,00',
      '\u22123',
      '100,00',
      'Corse',
    ]);
    const none = row('01', {});
    expect(['target', 'percentOfTarget', 'gapToTarget', 'reviewedShare'].map((c) => cellText(c as never, none))).toEqual(['—', '—', '—', '—']);
  });
});

describe('totalRow', () => {
  it('sums, and compares the granted posts with the targets only where a target is set', () => {
    const total = totalRow([
      row('2A', { dossiers: 2, granted: 2, reviewed: 2, target: 5 }),
      row('2B', { dossiers: 2, granted: 4, reviewed: 1, target: 2 }),
      row('971', { dossiers: 3, granted: 3, reviewed: 3 }),
    ]);
    expect(total).toMatchObject({ population: 300_000, dossiers: 7, granted: 9, target: 7, grantedWithTarget: 6, per100k: 3 });
    // 6 granted where the targets (7) are: 85,71 %, one post short; not 9 / 7.
    expect([cellText('percentOfTarget', total), cellText('gapToTarget', total), cellText('reviewedShare', total)]).toEqual(['85,71', '\u22121', '85,71']);
  });
});

describe('compare', () => {
  it('puts missing values last, orders numbers and French text', () => {
    expect([3, null, 1, 2].sort(compare)).toEqual([1, 2, 3, null]);
    expect(['Île-de-France', 'Corse', 'Bretagne'].sort(compare)).toEqual(['Bretagne', 'Corse', 'Île-de-France']);
  });
});
