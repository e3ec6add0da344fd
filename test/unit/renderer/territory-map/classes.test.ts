import { describe, expect, it } from 'vitest';
import { classify, MISSING_COLOR, niceRound, quantileBounds, ZERO_COLOR } from '../../../../renderer/components/TerritoryMap/classes';
import { formatMeasure, measureOf } from '../../../../renderer/components/TerritoryMap/measures';

const legend = (c: ReturnType<typeof classify>) => c.classes.map((k) => [k.label, k.count]);

describe('niceRound', () => {
  it('keeps two significant digits, whole numbers whole', () => {
    expect([437, 1234, 12, 7, 95, 996].map((v) => niceRound(v, true))).toEqual([440, 1200, 12, 7, 95, 1000]);
    expect([0.456, 1.234, 12.34, 0.04].map((v) => niceRound(v, false))).toEqual([0.46, 1.2, 12, 0.04]);
    expect(niceRound(0.4, true)).toBe(1);
  });
});

describe('quantileBounds', () => {
  it('cuts sorted values into classes of equal size, rounded, strictly increasing', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileBounds(values, 5, true)).toEqual([21, 41, 61, 81]);
    // Repeated values cannot make empty classes: equal bounds are merged.
    expect(quantileBounds([1, 1, 1, 1, 1, 1, 1, 1, 2, 9], 5, true)).toEqual([2]);
  });
});

describe('classify', () => {
  it('counts: zero in a class of its own, then quantiles of the positive values', () => {
    const granted = measureOf('granted');
    const values = [0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40, 120];
    const c = classify(granted, values);
    expect(c.method).toBe('Classes de même effectif (quantiles), bornes arrondies ; zéro à part');
    expect(legend(c)).toEqual([
      ['0', 3],
      // 14 positive values, 4 classes: bounds at the 4th, 8th and 11th smallest (4, 8, 11).
      ['1 à 3', 3],
      ['4 à 7', 4],
      ['8 à 10', 3],
      ['11 à 120', 4],
    ]);
    expect(c.colorOf(0)).toBe(ZERO_COLOR);
    expect(c.indexOf(120)).toBe(4);
    expect(c.missing).toBeNull();
    // Every area is in exactly one class.
    expect(c.classes.reduce((s, k) => s + k.count, 0)).toBe(values.length);
    expect(new Set(c.classes.map((k) => k.color)).size).toBe(5);
  });

  it('rates with decimals: half-open classes « de … à moins de … », fr-FR numbers', () => {
    const values = [0.35, 0.8, 1.1, 1.25, 1.9, 2.4, 2.6, 3.3, 4.75, 9.7];
    const c = classify(measureOf('per100k'), values);
    expect(legend(c)).toEqual([
      ['de 0,35 à moins de 1,1', 2],
      ['de 1,1 à moins de 1,9', 2],
      ['de 1,9 à moins de 2,6', 2],
      // 4,75 rounded up to 4,8: rounding bounds costs a little of the equal sizes.
      ['de 2,6 à moins de 4,8', 3],
      ['de 4,8 à 9,7', 1],
    ]);
  });

  it('every value zero: one class, no palette stretched over nothing', () => {
    const c = classify(measureOf('dossiers'), [0, 0, 0]);
    expect(legend(c)).toEqual([['0', 3]]);
  });

  it('% of target: fixed thresholds on a diverging palette, departments without a target apart', () => {
    const c = classify(measureOf('percentOfTarget'), [null, 20, 50, 89.99, 90, 100, 109, 110, 149, 150, 300, null]);
    expect(c.method).toBe('Seuils fixes');
    expect(legend(c)).toEqual([
      ['moins de 50\u00a0%', 1],
      ['de 50\u00a0% à moins de 90\u00a0%', 2],
      ['de 90\u00a0% à moins de 110\u00a0% (proche de l’objectif)', 3],
      ['de 110\u00a0% à moins de 150\u00a0%', 2],
      ['150\u00a0% et plus', 2],
    ]);
    expect(c.missing).toEqual({ label: 'Sans objectif', color: MISSING_COLOR, count: 2 });
    expect(c.colorOf(null)).toBe(MISSING_COLOR);
    expect(c.classes[2]!.color).toBe('#e8e8e8');
  });

  it('share of dossiers reviewed: fixed steps of 20 up to 100 %', () => {
    const c = classify(measureOf('reviewedShare'), [0, 19.5, 20, 55, 80, 100, null]);
    expect(legend(c)).toEqual([
      ['moins de 20\u00a0%', 2],
      ['de 20\u00a0% à moins de 40\u00a0%', 1],
      ['de 40\u00a0% à moins de 60\u00a0%', 1],
      ['de 60\u00a0% à moins de 80\u00a0%', 0],
      ['de 80\u00a0% à 100\u00a0%', 2],
    ]);
    expect(c.missing?.label).toBe('Sans dossier');
  });

  it('gap to target: classes symmetric around zero, deficits orange, excess purple', () => {
    const values = [-30, -12, -9, -5, -3, -2, -1, 0, 1, 2, 4, 6, 15, null];
    const c = classify(measureOf('gapToTarget'), values);
    // Sizes 1 1 2 2 3 4 5 6 9 12 15 30: terciles 3 and 9.
    expect(legend(c)).toEqual([
      ['\u22129 ou moins', 3],
      ['\u22128 à \u22123', 2],
      ['\u22122 à \u22121', 2],
      ['0 (objectif atteint)', 1],
      ['+1 à +2', 2],
      ['+3 à +8', 2],
      ['+9 ou plus', 1],
    ]);
    expect(c.classes.map((k) => k.color)).toEqual(['#b35806', '#f1a340', '#fee0b6', '#e8e8e8', '#d8daeb', '#998ec3', '#542788']);
    expect(c.missing?.count).toBe(1);
    // Small gaps only: one class each side.
    expect(legend(classify(measureOf('gapToTarget'), [-1, 0, 1, 1]))).toEqual([
      ['\u22121 ou moins', 1],
      ['0 (objectif atteint)', 1],
      ['+1 ou plus', 2],
    ]);
  });
});

describe('formatMeasure', () => {
  it('writes French values with their unit, or what is missing', () => {
    expect(formatMeasure(measureOf('granted'), 1)).toBe('1\u00a0poste');
    expect(formatMeasure(measureOf('requested'), 12345)).toBe('12\u202f345\u00a0postes');
    expect(formatMeasure(measureOf('per100k'), 2.14)).toBe('2,14');
    expect(formatMeasure(measureOf('percentOfTarget'), 87.5)).toBe('87,5\u00a0%');
    expect(formatMeasure(measureOf('gapToTarget'), -3)).toBe('\u22123\u00a0postes');
    expect(formatMeasure(measureOf('gapToTarget'), 2)).toBe('+2\u00a0postes');
    expect(formatMeasure(measureOf('percentOfTarget'), null)).toBe('Sans objectif');
  });
});
