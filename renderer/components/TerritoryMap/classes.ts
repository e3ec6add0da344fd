/**
 * Classes of the choropleth and their legend. Counts and rates: classes of equal size (quantiles)
 * with rounded bounds, zero in a class of its own; shares and % of target: fixed thresholds; the gap
 * to target: classes symmetric around zero on a diverging palette. Colours: ColorBrewer palettes
 * (Cynthia Brewer, Penn State), chosen for print and colour-blind readers.
 */
import { formatMeasureNumber, type Measure } from './measures';

export interface LegendClass {
  label: string;
  color: string;
  /** Areas in the class. */
  count: number;
}

export interface Classification {
  /** How the classes were made, in French, under the legend. */
  method: string;
  classes: LegendClass[];
  /** The areas without a value (no target, no dossier); null when every area has one. */
  missing: LegendClass | null;
  /** The class of a value: an index into `classes`, or -1 for a missing value. */
  indexOf: (value: number | null) => number;
  colorOf: (value: number | null) => string;
}

const NEUTRAL = '#e8e8e8';
const YL_GN_BU_5 = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
/** After a class of zeros: the darker end of YlGnBu, so zero stays apart. */
const YL_GN_BU_AFTER_ZERO = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'];
const GREENS_5 = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'];
/** Orange under, purple over (PuOr, reversed); the middle a light grey rather than PuOr's #f7f7f7, which the pale sea and the white borders would swallow. */
const PU_OR_5 = ['#e66101', '#fdb863', NEUTRAL, '#b2abd2', '#5e3c99'];
const PU_OR_7 = ['#b35806', '#f1a340', '#fee0b6', NEUTRAL, '#d8daeb', '#998ec3', '#542788'];

export const ZERO_COLOR = '#e6e2d6';
export const MISSING_COLOR = '#bdbdbd';

export const SEQUENTIAL_CLASSES = 5;
const SHARE_THRESHOLDS = [20, 40, 60, 80];
const TARGET_THRESHOLDS = [50, 90, 110, 150];

/** Two significant digits: 437 → 440, 1 234 → 1 200, 0,456 → 0,46; whole numbers stay whole. */
export function niceRound(value: number, integer: boolean): number {
  if (value === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  const rounded = Math.round(value / magnitude) * magnitude;
  // Rounding error of the float product (0.46000000000000002): keep what a person would write.
  const clean = Number(rounded.toPrecision(12));
  return integer ? Math.max(1, Math.round(clean)) : clean;
}

/** Lower bounds of k classes of (nearly) equal size over sorted values, rounded, strictly above the minimum. */
export function quantileBounds(sorted: readonly number[], k: number, integer: boolean): number[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const bounds: number[] = [];
  for (let i = 1; i < k; i++) {
    const bound = niceRound(sorted[Math.floor((i * sorted.length) / k)]!, integer);
    if (bound > min && bound <= max && bound > (bounds[bounds.length - 1] ?? -Infinity)) bounds.push(bound);
  }
  return bounds;
}

interface Band {
  /** Inclusive lower bound (-Infinity for the first band). */
  from: number;
  label: string;
  color: string;
}

function build(measure: Measure, values: readonly (number | null)[], bands: Band[], method: string): Classification {
  const indexOf = (value: number | null) => {
    if (value === null) return -1;
    let index = 0;
    for (let i = 1; i < bands.length; i++) if (value >= bands[i]!.from) index = i;
    return index;
  };
  const counts = bands.map(() => 0);
  let missing = 0;
  for (const value of values) {
    const index = indexOf(value);
    if (index < 0) missing++;
    else counts[index]!++;
  }
  return {
    method,
    classes: bands.map((b, i) => ({ label: b.label, color: b.color, count: counts[i]! })),
    missing: missing > 0 ? { label: measure.missing, color: MISSING_COLOR, count: missing } : null,
    indexOf,
    colorOf: (value) => {
      const index = indexOf(value);
      return index < 0 ? MISSING_COLOR : bands[index]!.color;
    },
  };
}

const percent = (measure: Measure, n: number) => `${formatMeasureNumber(measure, n)}\u00a0%`;

/** Labels of consecutive bands: whole numbers as « 13 à 25 », decimals as « de 1,2 à moins de 2,5 ». */
function rangeLabel(measure: Measure, from: number | null, next: number | null, last: number | null, unit: (n: number) => string): string {
  const f = (n: number) => unit(n);
  if (measure.integer) {
    const to = next === null ? last : next - 1;
    if (from === null) return `${f(to!)} ou moins`;
    if (to === null) return `${f(from)} ou plus`;
    return from === to ? f(from) : `${f(from)} à ${f(to)}`;
  }
  if (from === null) return `moins de ${f(next!)}`;
  if (next === null) return last === null ? `${f(from)} et plus` : `de ${f(from)} à ${f(last)}`;
  return `de ${f(from)} à moins de ${f(next)}`;
}

function sequential(measure: Measure, values: readonly (number | null)[]): Classification {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const method = 'Classes de même effectif (quantiles), bornes arrondies';
  const number = (n: number) => formatMeasureNumber(measure, n);
  if (present.length === 0) return build(measure, values, [], method);
  const positives = present.filter((v) => v > 0);
  const hasZero = positives.length < present.length;
  const bands: Band[] = hasZero ? [{ from: -Infinity, label: '0', color: ZERO_COLOR }] : [];
  if (positives.length > 0) {
    const k = hasZero ? SEQUENTIAL_CLASSES - 1 : SEQUENTIAL_CLASSES;
    const starts = [positives[0]!, ...quantileBounds(positives, k, measure.integer)];
    const palette = hasZero ? YL_GN_BU_AFTER_ZERO.slice(YL_GN_BU_AFTER_ZERO.length - starts.length) : YL_GN_BU_5.slice(0, starts.length);
    const max = positives[positives.length - 1]!;
    starts.forEach((from, i) => {
      const next = starts[i + 1] ?? null;
      bands.push({ from: hasZero && i === 0 ? Number.MIN_VALUE : from, label: rangeLabel(measure, from, next, max, number), color: palette[i]! });
    });
  }
  return build(measure, values, bands, hasZero ? `${method} ; zéro à part` : method);
}

function fixed(measure: Measure, values: readonly (number | null)[], thresholds: readonly number[], palette: readonly string[], notes: Record<number, string> = {}): Classification {
  const bands = [null, ...thresholds].map((from, i) => {
    const next = thresholds[i] ?? null;
    const label = rangeLabel(measure, from, next, measure.scheme === 'share' && next === null ? 100 : null, (n) => percent(measure, n));
    return { from: from ?? -Infinity, label: notes[i] ? `${label} (${notes[i]})` : label, color: palette[i]! };
  });
  return build(measure, values, bands, 'Seuils fixes');
}

/** Diverging palettes by number of classes on each side of zero. */
const PU_OR_BY_SIDE: Record<number, readonly string[]> = { 1: ['#f1a340', NEUTRAL, '#998ec3'], 2: PU_OR_5, 3: PU_OR_7 };

/**
 * Gaps to target, whole posts: zero alone in the middle, then on each side the same classes, cut
 * at the rounded terciles of the gaps' sizes (e.g. −10 ou moins, −9 à −3, −2 à −1, 0, +1 à +2…).
 */
function gap(measure: Measure, values: readonly (number | null)[]): Classification {
  const sizes = values.filter((v): v is number => v !== null && v !== 0).map(Math.abs).sort((a, b) => a - b);
  const steps: number[] = [];
  for (const q of [1 / 3, 2 / 3]) {
    if (sizes.length === 0) break;
    const t = niceRound(sizes[Math.floor(q * sizes.length)]!, true);
    if (t > 1 && t <= sizes[sizes.length - 1]! && t > (steps[steps.length - 1] ?? 1)) steps.push(t);
  }
  const palette = PU_OR_BY_SIDE[steps.length + 1]!;
  const froms = [-Infinity, ...[...steps].reverse().map((t) => -t + 1), 0, 1, ...steps];
  const middle = steps.length + 1;
  const signed = (n: number) => formatMeasureNumber(measure, n);
  const bands: Band[] = froms.map((from, i) => ({
    from,
    label: i === middle ? '0 (objectif atteint)' : rangeLabel(measure, Number.isFinite(from) ? from : null, froms[i + 1] ?? null, null, signed),
    color: palette[i]!,
  }));
  return build(measure, values, bands, 'Classes symétriques autour de zéro (terciles des écarts, arrondis)');
}

export function classify(measure: Measure, values: readonly (number | null)[]): Classification {
  switch (measure.scheme) {
    case 'sequential':
      return sequential(measure, values);
    case 'share':
      return fixed(measure, values, SHARE_THRESHOLDS, GREENS_5);
    case 'target-percent':
      return fixed(measure, values, TARGET_THRESHOLDS, PU_OR_5, { 2: 'proche de l’objectif' });
    case 'target-gap':
      return gap(measure, values);
  }
}
