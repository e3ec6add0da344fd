/** Command-line options of `npm run bench` and the per-size settings derived from them. */

export interface BenchOptions {
  sizes: number[];
  quick: boolean;
  /** Import runs per size; null: 3 (1 with --quick). Back-to-back 50,000 imports vary by ±20 %, so one run is not enough. */
  importRuns: number | null;
  /** Parent directory of the temporary databases (default: the OS temp dir). */
  dir: string | null;
}

/** What one child process measures for one size. */
export interface SizePlan {
  size: number;
  importRuns: number;
  queryRuns: number;
  persistRuns: number;
  openRuns: number;
  snapshotRuns: number;
  seed: number;
}

const USAGE = 'Usage: npm run bench -- [--sizes 10000,50000] [--quick] [--import-runs N] [--dir PATH]';

function positiveInt(text: string | undefined, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${what}: entier positif attendu, reçu « ${text} ».\n${USAGE}`);
  return value;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: [], quick: false, importRuns: null, dir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = () => inline ?? argv[++i];
    if (flag === '--quick') options.quick = true;
    else if (flag === '--sizes') options.sizes = (next() ?? '').split(',').map((s) => positiveInt(s.replace(/_/g, ''), '--sizes'));
    else if (flag === '--import-runs') options.importRuns = positiveInt(next(), '--import-runs');
    else if (flag === '--dir') options.dir = next() ?? null;
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`Option inconnue « ${arg} ».\n${USAGE}`);
  }
  if (options.sizes.length === 0) options.sizes = options.quick ? [2_000] : [10_000, 50_000];
  return options;
}

/** Run counts: the brief's minimums (≥ 30 query runs, ≥ 50 writes, 5 opens) unless --quick. */
export function planFor(size: number, options: BenchOptions): SizePlan {
  const quick = options.quick;
  return {
    size,
    importRuns: options.importRuns ?? (quick ? 1 : 3),
    queryRuns: quick ? 10 : 40,
    persistRuns: quick ? 10 : 60,
    openRuns: quick ? 2 : 5,
    snapshotRuns: quick ? 1 : 3,
    seed: 2021,
  };
}
