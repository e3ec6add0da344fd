/** The figures table's rows and cell texts, apart from React (the e2e and the unit tests read the same texts). */
import { getRegion } from '../../../shared/domain/geography';
import { per100k } from '../../../shared/domain/territory';
import { measureOf, type AreaFigures, type MeasureKey } from './measures';

export interface TableRow extends AreaFigures {
  regionCode?: string;
  /** Region level: number of departments. */
  departments?: number;
  /** The total row: posts granted in the areas that have a target (its % and gap compare like with like). */
  grantedWithTarget?: number;
}

export type Column = 'code' | 'name' | 'region' | 'departments' | 'population' | MeasureKey | 'target';

export interface Sort {
  column: Column;
  direction: 'asc' | 'desc';
}

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const fixed2 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const DASH = '—';

const withTarget = (row: TableRow): TableRow => (row.grantedWithTarget === undefined ? row : { ...row, granted: row.grantedWithTarget });

/** The table's text for each cell: whole numbers, 2 decimals for rates, a signed gap. */
export function cellText(column: Column, row: TableRow): string {
  switch (column) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'region':
      return getRegion(row.regionCode ?? '')?.name ?? DASH;
    case 'departments':
      return integer.format(row.departments ?? 0);
    case 'population':
      return integer.format(row.population);
    case 'target':
      return row.target === null ? DASH : integer.format(row.target);
    case 'per100k':
    case 'percentOfTarget':
    case 'reviewedShare': {
      const value = measureOf(column).value(column === 'percentOfTarget' ? withTarget(row) : row);
      return value === null ? DASH : fixed2.format(value);
    }
    case 'gapToTarget': {
      const value = measureOf(column).value(withTarget(row));
      return value === null ? DASH : signed.format(value).replace('-', '\u2212');
    }
    default:
      return integer.format(measureOf(column).value(row) ?? 0);
  }
}

export function sortValue(column: Column, row: TableRow, order: ReadonlyMap<string, number>): number | string | null {
  switch (column) {
    case 'code':
      // The official order (… 19, 2A, 2B, 21 …), as the backend lists them.
      return order.get(row.code) ?? 0;
    case 'name':
    case 'region':
      return cellText(column, row);
    case 'departments':
      return row.departments ?? 0;
    case 'population':
      return row.population;
    case 'target':
      return row.target;
    default:
      return measureOf(column).value(row);
  }
}

const collator = new Intl.Collator('fr', { numeric: true });

export function compare(a: number | string | null, b: number | string | null): number {
  // Missing values (no target…) go last whatever the direction is: they are not small values.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** France as a whole: sums, and the rates recomputed from the sums (% and gap to target over the areas with a target). */
export function totalRow(rows: readonly TableRow[]): TableRow {
  const sum = (pick: (r: TableRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const targets = rows.filter((r) => r.target !== null);
  const population = sum((r) => r.population);
  const granted = sum((r) => r.granted);
  return {
    code: '',
    name: 'France entière',
    population,
    dossiers: sum((r) => r.dossiers),
    requested: sum((r) => r.requested),
    supported: sum((r) => r.supported),
    granted,
    reviewed: sum((r) => r.reviewed),
    target: targets.length > 0 ? targets.reduce((s, r) => s + r.target!, 0) : null,
    per100k: per100k(granted, population),
    departments: sum((r) => r.departments ?? 1),
    grantedWithTarget: targets.reduce((s, r) => s + r.granted, 0),
  };
}
