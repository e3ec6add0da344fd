/** The eight measures the map colours by, computed with the shared formulas of shared/domain/territory. */
import { gapToTarget, percentOfTarget, reviewedShare, type TerritoryFigures } from '../../../shared/domain/territory';

export type MeasureKey = 'dossiers' | 'requested' | 'supported' | 'granted' | 'per100k' | 'percentOfTarget' | 'gapToTarget' | 'reviewedShare';

/** A department's or a region's figures, as stats:departments and stats:regions give them. */
export interface AreaFigures extends TerritoryFigures {
  code: string;
  name: string;
  per100k: number;
}

export type Scheme = 'sequential' | 'target-percent' | 'target-gap' | 'share';

export interface Measure {
  key: MeasureKey;
  /** In the address: `#/carte?mesure=…`, and in the exported file's name. */
  slug: string;
  /** Full French label: legend title, tooltip, table header. */
  label: string;
  /** On the measure buttons. */
  short: string;
  /** After a value: « 12 postes », « 45,2 % ». */
  unit: { one: string; many: string } | '%' | null;
  value: (figures: AreaFigures) => number | null;
  /** What a department without a value lacks (the legend's grey class). */
  missing: string;
  scheme: Scheme;
  /** Whole numbers (counts, gaps) or up to 2 decimals. */
  integer: boolean;
}

const POSTS = { one: 'poste', many: 'postes' };

export const MEASURES: readonly Measure[] = [
  { key: 'dossiers', slug: 'dossiers', label: 'Dossiers déposés', short: 'Dossiers', unit: { one: 'dossier', many: 'dossiers' }, value: (f) => f.dossiers, missing: '', scheme: 'sequential', integer: true },
  { key: 'requested', slug: 'postes-demandes', label: 'Postes demandés', short: 'Demandés', unit: POSTS, value: (f) => f.requested, missing: '', scheme: 'sequential', integer: true },
  {
    key: 'supported',
    slug: 'postes-soutenus',
    label: 'Postes soutenus par les avis préfectoraux',
    short: 'Soutenus',
    unit: POSTS,
    value: (f) => f.supported,
    missing: '',
    scheme: 'sequential',
    integer: true,
  },
  { key: 'granted', slug: 'postes-accordes', label: 'Postes accordés par le comité', short: 'Accordés', unit: POSTS, value: (f) => f.granted, missing: '', scheme: 'sequential', integer: true },
  {
    key: 'per100k',
    slug: 'accordes-100000-habitants',
    label: 'Postes accordés pour 100 000 habitants',
    short: 'Pour 100 000 hab.',
    unit: null,
    value: (f) => f.per100k,
    missing: '',
    scheme: 'sequential',
    integer: false,
  },
  {
    key: 'percentOfTarget',
    slug: 'pourcentage-objectif',
    label: 'Postes accordés en % de l’objectif',
    short: '% de l’objectif',
    unit: '%',
    value: (f) => percentOfTarget(f.granted, f.target),
    missing: 'Sans objectif',
    scheme: 'target-percent',
    integer: false,
  },
  {
    key: 'gapToTarget',
    slug: 'ecart-objectif',
    label: 'Écart à l’objectif (postes accordés − objectif)',
    short: 'Écart à l’objectif',
    unit: POSTS,
    value: (f) => gapToTarget(f.granted, f.target),
    missing: 'Sans objectif',
    scheme: 'target-gap',
    integer: true,
  },
  {
    key: 'reviewedShare',
    slug: 'part-avis',
    label: 'Part des dossiers ayant un avis préfectoral',
    short: 'Dossiers avec avis',
    unit: '%',
    value: (f) => reviewedShare(f.reviewed, f.dossiers),
    missing: 'Sans dossier',
    scheme: 'share',
    integer: false,
  },
];

export const DEFAULT_MEASURE: MeasureKey = 'granted';

export function measureOf(key: MeasureKey): Measure {
  return MEASURES.find((m) => m.key === key)!;
}

export function measureBySlug(slug: string | null | undefined): Measure | null {
  return MEASURES.find((m) => m.slug === slug) ?? null;
}

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const signedFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });

/** The number alone, fr-FR (« 1 234 », « 12,5 », « +3 » for a gap). */
export function formatMeasureNumber(measure: Measure, value: number): string {
  // A true minus sign (U+2212), as French typography writes it.
  if (measure.scheme === 'target-gap') return signedFormat.format(value).replace('-', '\u2212');
  return measure.integer ? integerFormat.format(value) : decimalFormat.format(value);
}

/** The value with its unit, or what is missing: « 12 postes », « 45,2 % », « Sans objectif ». */
export function formatMeasure(measure: Measure, value: number | null): string {
  if (value === null) return measure.missing || '—';
  const number = formatMeasureNumber(measure, value);
  if (measure.unit === '%') return `${number}\u00a0%`;
  if (measure.unit === null) return number;
  return `${number}\u00a0${Math.abs(value) < 2 ? measure.unit.one : measure.unit.many}`;
}
