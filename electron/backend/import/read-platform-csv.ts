import type { RawGrid } from './read-file';

/** Lowercase, no accents, collapsed spaces: how headers are compared across exports and files. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Present in every known version of the national platform's structures export.
const PLATFORM_MARKERS = ['id structure', 'denomination', 'adresse postale', 'nombre de conseillers souhaites'];

// An address is a few lines (street, complement, postcode and town); a "closing quote" further
// away means the record is broken, not that the address is long.
const MAX_ADDRESS_LINES = 12;

function splitLines(text: string): string[] {
  return text.split(/\r\n|\n/);
}

function headerLineIndex(lines: string[]): number {
  return lines.findIndex((line) => line.trim() !== '');
}

function splitHeader(line: string): string[] {
  const headers = line.split(';').map((header) => header.trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return headers;
}

/** Whether the first non-blank line is the header of the national platform's structures export. */
export function isPlatformExport(text: string): boolean {
  const firstLine = /^\s*([^\r\n]*)/.exec(text)?.[1] ?? '';
  const headers = new Set(splitHeader(firstLine).map(normalizeHeader));
  return PLATFORM_MARKERS.every((marker) => headers.has(marker));
}

interface Layout {
  width: number;
  addressIndex: number;
  nameIndex: number;
  /** Number of fields after the address. */
  trailing: number;
}

interface ParsedRecord {
  values: string[];
  /** Index of the line after the record. */
  next: number;
}

function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field;
}

function splitAfterAddress(rest: string, count: number): string[] | null {
  if (count === 0) return /^[;\s]*$/.test(rest) ? [] : null;
  if (!rest.startsWith(';')) return null;
  const fields = rest.slice(1).split(';');
  if (fields.length < count || fields.slice(count).some((field) => field.trim() !== '')) return null;
  return fields.slice(0, count).map(unquote);
}

/** The record if its address opens with the quote at `quote` on the first line, else null. */
function tryAddressAt(lines: string[], start: number, quote: number, surplus: number, layout: Layout): ParsedRecord | null {
  // Surplus fields can only come from a ';' inside the name, which must precede the address.
  if (surplus > 0 && !(layout.nameIndex >= 0 && layout.nameIndex < layout.addressIndex)) return null;
  const first = lines[start] ?? '';
  let end = start;
  let close = first.indexOf('"', quote + 1);
  while (close === -1) {
    end++;
    if (end >= lines.length || end - start >= MAX_ADDRESS_LINES) return null;
    close = (lines[end] ?? '').indexOf('"');
  }
  const last = lines[end] ?? '';
  const after = splitAfterAddress(last.slice(close + 1), layout.trailing);
  if (after === null) return null;

  const address =
    end === start
      ? first.slice(quote + 1, close)
      : [first.slice(quote + 1), ...lines.slice(start + 1, end), last.slice(0, close)].join('\n');
  const before = quote === 0 ? [] : first.slice(0, quote - 1).split(';');
  if (surplus > 0) {
    const name = before.slice(layout.nameIndex, layout.nameIndex + surplus + 1).join(';');
    before.splice(layout.nameIndex, surplus + 1, name);
  }
  return { values: [...before, address, ...after], next: end + 1 };
}

/**
 * Fields before the address are raw and unquoted, so a quote inside a name proves nothing: the
 * address is the quoted field opening after at least `addressIndex` separators whose closing quote
 * is followed by exactly the expected trailing fields.
 */
function parseRecord(lines: string[], start: number, layout: Layout): ParsedRecord | null {
  const first = lines[start] ?? '';
  let separators = 0;
  for (let position = 0; position < first.length; position++) {
    const ch = first.charAt(position);
    if (ch === ';') separators++;
    else if (ch === '"' && (position === 0 || first.charAt(position - 1) === ';') && separators >= layout.addressIndex) {
      const record = tryAddressAt(lines, start, position, separators - layout.addressIndex, layout);
      if (record) return record;
    }
  }
  return null;
}

function unreadableReason(layout: Layout, firstLine: number, lastLine: number): string {
  const span = lastLine > firstLine ? ` (lignes ${firstLine} à ${lastLine})` : '';
  return (
    `Enregistrement illisible${span} : ses champs ne correspondent pas aux ${layout.width} colonnes de l’export ` +
    `de la plateforme (l’adresse postale, entre guillemets, doit être la colonne ${layout.addressIndex + 1}).`
  );
}

/**
 * Reads the national platform's structures export, which is written by string concatenation and
 * is not valid CSV (see DOMAIN.md). Lines that fit no record are reported as one malformed record
 * per run of consecutive unreadable lines, and reading goes on with the next readable record.
 */
export function readPlatformCsv(text: string): RawGrid {
  const lines = splitLines(text);
  const headerIndex = headerLineIndex(lines);
  const headers = splitHeader(lines[headerIndex] ?? '');
  const normalized = headers.map(normalizeHeader);
  const addressIndex = normalized.indexOf('adresse postale');
  const layout: Layout = {
    width: headers.length,
    addressIndex,
    nameIndex: normalized.indexOf('denomination'),
    trailing: headers.length - addressIndex - 1,
  };

  const grid: RawGrid = { headers, rows: [], malformed: [] };
  let row = 1;
  // First and last line (1-based) of the current run of unreadable lines.
  const run = { first: 0, last: 0 };
  const reportUnreadable = (): void => {
    if (run.first === 0) return;
    grid.malformed.push({ row: ++row, line: run.first, reason: unreadableReason(layout, run.first, run.last) });
    run.first = 0;
  };

  let index = headerIndex + 1;
  while (index < lines.length) {
    if ((lines[index] ?? '').trim() === '') {
      index++;
      continue;
    }
    const record = parseRecord(lines, index, layout);
    if (record === null) {
      if (run.first === 0) run.first = index + 1;
      run.last = index + 1;
      index++;
      continue;
    }
    reportUnreadable();
    grid.rows.push({ row: ++row, line: index + 1, values: record.values });
    index = record.next;
  }
  reportUnreadable();
  return grid;
}
