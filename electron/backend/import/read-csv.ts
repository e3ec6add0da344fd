import Papa from 'papaparse';
import { plural } from '../../../shared/domain/french-format';
import { ImportFileError, quoted } from './import-file-error';
import type { MalformedRecord, RawGrid } from './read-file';

export type CsvDelimiter = ';' | ',' | '\t';

// Order breaks ties: French spreadsheets export with ';'.
const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

function isDelimiter(ch: string): ch is CsvDelimiter {
  return (DELIMITERS as readonly string[]).includes(ch);
}

/** The delimiter used most often in the first non-blank line, outside quoted fields. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>();
  let inQuotes = false;
  for (let i = Math.max(0, text.search(/\S/)); i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && isDelimiter(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ';';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** Physical line numbers (1-based) of increasing offsets; \r\n, \n and a lone \r each end a line. */
class LineCounter {
  private position = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    for (; this.position < offset; this.position++) {
      const code = this.text.charCodeAt(this.position);
      if (code === 10 || (code === 13 && this.text.charCodeAt(this.position + 1) !== 10)) this.line++;
    }
    return this.line;
  }
}

function nextLineStart(text: string, offset: number): number {
  const match = /\r\n|\n|\r/g;
  match.lastIndex = offset;
  const found = match.exec(text);
  return found ? found.index + found[0].length : text.length;
}

const isBlank = (field: string): boolean => field.trim() === '';

const QUOTES_RULE =
  'un champ qui commence par « " » doit se terminer par « " » suivi du séparateur ou de la fin de ligne';

/**
 * Reads a generic CSV. A record whose field count differs from the header's goes to `malformed`;
 * after a quoting error, reading resumes at the next physical line so that one stray quote does
 * not swallow the rest of the file into a single field.
 */
export function readCsv(fileName: string, text: string, delimiter: CsvDelimiter): RawGrid {
  const lines = new LineCounter(text);
  const grid: RawGrid = { headers: [], rows: [], malformed: [] };
  const state = { header: null as string[] | null, row: 0, headerError: false, resumeAt: null as number | null };

  const readFrom = (offset: number): number | null => {
    let recordStart = offset;
    state.resumeAt = null;
    Papa.parse<string[]>(text.slice(offset), {
      delimiter,
      quoteChar: '"',
      escapeChar: '"',
      step: (result, parser) => {
        const start = recordStart;
        recordStart = offset + result.meta.cursor;
        const fields = result.data;
        const broken = result.errors.length > 0;
        if (state.header === null && !broken && fields.every(isBlank)) return;
        if (broken) {
          if (state.header === null) state.headerError = true;
          else grid.malformed.push({ row: ++state.row, line: lines.lineOf(start), reason: `Guillemets mal placés : ${QUOTES_RULE}.` });
          state.resumeAt = nextLineStart(text, start);
          parser.abort();
          return;
        }
        if (state.header === null) {
          state.header = fields;
          state.row = 1;
          return;
        }
        state.row++;
        if (fields.every(isBlank)) return;
        const record = checkFieldCount(fields, state.header.length, state.row, lines.lineOf(start));
        if ('reason' in record) grid.malformed.push(record);
        else grid.rows.push(record);
      },
    });
    return state.headerError ? null : state.resumeAt;
  };

  let resumeAt = readFrom(0);
  while (resumeAt !== null && resumeAt < text.length) resumeAt = readFrom(resumeAt);
  if (state.headerError) {
    throw new ImportFileError(
      `La ligne d’en-tête du fichier ${quoted(fileName)} est illisible (guillemets mal placés) : ${QUOTES_RULE}.`,
    );
  }
  grid.headers = state.header ?? [];
  return grid;
}

function checkFieldCount(
  fields: string[],
  expected: number,
  row: number,
  line: number,
): RawGrid['rows'][number] | MalformedRecord {
  // Spreadsheets often pad rows with empty trailing fields: harmless.
  if (fields.length === expected || (fields.length > expected && fields.slice(expected).every(isBlank))) {
    return { row, line, values: fields.slice(0, expected) };
  }
  return {
    row,
    line,
    reason: `${plural(fields.length, 'champ', 'champs')} au lieu des ${expected} de l’en-tête : vérifiez les séparateurs et les guillemets de cette ligne.`,
  };
}
