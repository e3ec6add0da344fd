/** The human-readable table and the one-line JSON summary printed at the end of the bench. */
import type { SizeResult } from './bench-types';
import { formatCount, formatMb, formatMs, formatRatio, renderTable, type TableRow } from './format';
import type { Summary } from './stats';
import { LIMITS, TARGET_SIZE, checkTargets, mark } from './targets';

const HEADER = ['Measure', 'Size', 'median', 'p95', 'runs', 'sql.js SQL', 'better-sqlite3', 'ratio', 'target'];

const LEGEND = [
  'sql.js SQL: the same statements run directly on the sql.js adapter (no API layer, no journal);',
  'better-sqlite3: the same statements on the same schema and rows, natively (file database); ratio = sql.js SQL ÷ better-sqlite3.',
  'Targets are information only; those stated at 50,000 dossiers are shown in parentheses below that size.',
].join('\n');

function row(label: string, size: number, s: Summary | null, extra: { sql?: number; native?: number; target?: string } = {}): string[] {
  return [
    label,
    formatCount(size),
    formatMs(s?.median),
    s && s.runs > 1 ? formatMs(s.p95) : '—',
    s ? String(s.runs) : '—',
    formatMs(extra.sql),
    formatMs(extra.native),
    formatRatio(extra.sql, extra.native),
    extra.target ?? '',
  ];
}

function importRows(r: SizeResult): TableRow[] {
  const i = r.import;
  const at50k = r.size >= TARGET_SIZE;
  const runs = i.runs === 1 ? ' (1 run)' : ` (median of ${i.runs})`;
  return [
    row(`import ${i.csvMb.toFixed(1)} MB platform CSV, preview + commit${runs}`, r.size, i.total, { target: mark(i.total.median, LIMITS.importMs, at50k) }),
    row('  import:preview (decode, parse, validate, plan)', r.size, i.preview),
    row('  import:commit (one journaled transaction + fsync)', r.size, i.commit),
    row(`  the commit's ${formatCount(r.insert.statements)} statements, one transaction`, r.size, null, { sql: r.insert.sqljsMs, native: r.insert.nativeMs }),
    row(`    of which better-sqlite3 COMMIT (file, fsync)`, r.size, null, { native: r.insert.nativeCommitMs }),
    row(`  snapshot on close (${i.journalMbAfterCommit > 0 ? `journal ${i.journalMbAfterCommit.toFixed(0)} MB` : 'journal already folded'})`, r.size, i.closeSnapshot),
  ];
}

function memoryRows(r: SizeResult): TableRow[] {
  const m = r.import.memory;
  // Memory rows reuse the columns: peak RSS under "median", heap used/total under "p95".
  const cells = (label: string, p: typeof m.preview) => [
    `${label}: peak RSS · heap used/total · external`,
    formatCount(r.size),
    formatMb(p.peakRssMb),
    `${p.heapUsedMb.toFixed(0)}/${formatMb(p.heapTotalMb)}`,
    '',
    formatMb(p.externalMb),
    '',
    '',
    '',
  ];
  return [
    ['RSS before the import (after gc)', formatCount(r.size), formatMb(m.baselineRssMb), '', '', '', '', '', ''],
    cells('  import:preview', m.preview),
    cells('  import:commit', m.commit),
    cells('  snapshot on close', m.close),
  ];
}

function queryRows(r: SizeResult): TableRow[] {
  return r.queries.map((q) =>
    row(`${q.label} → ${formatCount(q.total)}`, r.size, q.call, {
      sql: q.engines.sqljs.median,
      native: q.engines.native.median,
      target: mark(q.call.p95, LIMITS.listP95Ms, true, ' p95'),
    }),
  );
}

function durabilityRows(r: SizeResult): TableRow[] {
  const at50k = r.size >= TARGET_SIZE;
  const p = r.persist;
  const o = r.open;
  const rows: TableRow[] = [
    row(`persist one UPDATE (store.write, journal ${p.journalBytesPerEntry.toFixed(0)} B + fsync)`, r.size, p.write, { native: p.native.median, target: mark(p.write.p95, LIMITS.persistMs, at50k, ' p95') }),
    row('  better-sqlite3: same UPDATE, WAL + synchronous=FULL', r.size, p.native),
    row('  floor: append 300 B + fsync, same disk', r.size, p.fsyncFloor),
    row(`snapshot: export + write + fsync + rename (${r.snapshot.fileMb.toFixed(0)} MB)`, r.size, r.snapshot.snapshot),
    row('  db.export() alone', r.size, r.snapshot.exportOnly),
    row('open: Store.open of the snapshot', r.size, o.clean, { native: o.nativeOpen.median, target: mark(o.clean.median, LIMITS.openMs, at50k) }),
    row(`  PRAGMA quick_check alone (${o.digest ? 'skipped on open: digest present' : 'run on open: no digest'})`, r.size, o.quickCheck),
  ];
  if (o.withJournal) rows.push(row(`open with ${o.journalEntries} journal entries (${o.journalKb.toFixed(0)} KB) to replay, + fold`, r.size, o.withJournal));
  if (o.afterImportCrash) {
    rows.push(row(`open after a crash right after the import (replay ${o.afterImportCrash.journalMb.toFixed(0)} MB)`, r.size, { runs: 1, median: o.afterImportCrash.ms, p95: o.afterImportCrash.ms, min: o.afterImportCrash.ms, max: o.afterImportCrash.ms }));
  }
  return rows;
}

function reviewRows(r: SizeResult): TableRow[] {
  const v = r.review;
  return [
    row(`seed: ${formatCount(v.seededOpinions)} opinions by opinions:recordBulk (total, ms)`, r.size, { runs: 1, median: v.seedOpinionsMs, p95: v.seedOpinionsMs, min: v.seedOpinionsMs, max: v.seedOpinionsMs }),
    row(`scores:record (journaled + the dossier's aggregate), ${formatCount(v.seededScores)} dossiers`, r.size, v.scoreRecord),
    row(`opinions:record + departments:totals (${v.department}, ${formatCount(v.departmentDossiers)} dossiers)`, r.size, v.opinionAndTotals, { target: mark(v.opinionAndTotals.median, LIMITS.opinionTotalsMs, r.size >= TARGET_SIZE) }),
    row('  departments:totals alone', r.size, v.totals),
    row(`decisions:record (frozen money; returns the session, agenda of ${formatCount(r.decisions.agenda)})`, r.size, r.decisions.record, { target: mark(r.decisions.record.median, LIMITS.decisionRecordMs, r.size >= TARGET_SIZE) }),
  ];
}

export function renderReport(results: readonly SizeResult[]): string {
  const rows: TableRow[] = [];
  const section = (title: string, build: (r: SizeResult) => TableRow[]) => {
    rows.push({ section: title });
    for (const r of results) rows.push(...build(r));
  };
  section('Import through the real path (openBackend on a temp file, import:preview → import:commit)', importRows);
  section('Memory during the first import of each size (peak RSS sampled every 10 ms by a worker thread; heap and external at the end of the step, before gc)', memoryRows);
  section("List and filters: backend.call('dossiers:list'), page of 50 sorted by name + count (→ matching dossiers)", queryRows);
  section('Prefecture review through backend.call (profile COMMITTEE; a quarter of the dossiers with an opinion, a twentieth scored)', reviewRows);
  section('Durability', durabilityRows);
  const checks = checkTargets(results);
  const failed = checks.filter((c) => !c.ok);
  const verdict = failed.length === 0 ? 'all targets met' : `${failed.length} of ${checks.length} targets missed:\n${failed.map((c) => `  ✗ ${c.name} @${formatCount(c.size)}: ${formatMs(c.measured)} (target < ${formatMs(c.limit)})`).join('\n')}`;
  return `${renderTable(HEADER, rows)}\n${LEGEND}\n\nTargets (information only, never asserted): ${verdict}`;
}

const round = (value: unknown): unknown => {
  if (typeof value === 'number') return Math.round(value * 100) / 100;
  if (Array.isArray(value)) return value.map(round);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  return value;
};

export function jsonSummary(results: readonly SizeResult[], meta: Record<string, unknown>): string {
  return JSON.stringify(round({ bench: 'cnfs-review', unit: 'ms', ...meta, targets: checkTargets(results), results }));
}
