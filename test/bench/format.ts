/** Number formatting and a plain-text table, for output that reads well in a terminal and a log. */

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatRatio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || b <= 0) return '—';
  return `${(a / b).toFixed(1)}×`;
}

export function formatMb(mb: number): string {
  return `${mb.toFixed(0)} MB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export type TableRow = string[] | { section: string };

/** Left-aligns the first column, right-aligns the others; section rows span the table. */
export function renderTable(header: string[], rows: readonly TableRow[]): string {
  const widths = header.map((h) => [...h].length);
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  }
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, widths[i]! - [...cell].length));
    return i === 0 ? cell + fill : fill + cell;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  const rule = '─'.repeat(widths.reduce((a, w) => a + w + 2, -2));
  const out = [line(header), rule];
  for (const row of rows) out.push(Array.isArray(row) ? line(row) : `\n${row.section}`);
  out.push(rule);
  return out.join('\n');
}
