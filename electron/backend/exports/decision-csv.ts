/**
 * The CSV of the decisions, as the national platform's tooling reads its own exports: `;`
 * separated, UTF-8 with a BOM, CRLF line ends, dates DD/MM/YYYY, and numbers as French Excel
 * types them: no thousands separator, a decimal comma (« 30765,44 »), which the `;` separator
 * exists to allow. Same columns as the "Décisions" sheet; no totals row (data only).
 * Text a spreadsheet would evaluate (= + - @, tab, CR first) gets a leading apostrophe.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import { DECISION_COLUMNS, FORMULA_TRIGGER, type ColumnKind } from './decision-columns';
import type { DecisionExportRow } from './decision-rows';
import type { DecisionWriter } from './decision-workbook';

const BOM = '\uFEFF';
const NEWLINE = '\r\n';

function csvValue(kind: ColumnKind, value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return kind === 'euro' ? value.toFixed(2).replace('.', ',') : String(value);
  if (kind === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
  }
  return value;
}

const unparse = (rows: string[][]) => Papa.unparse(rows, { delimiter: ';', newline: NEWLINE, header: false, escapeFormulae: FORMULA_TRIGGER });

export class DecisionCsvWriter implements DecisionWriter {
  constructor(private readonly out: Writable) {
    out.write(BOM + unparse([DECISION_COLUMNS.map((c) => c.header)]) + NEWLINE);
  }

  addRows(rows: readonly DecisionExportRow[]): void {
    if (rows.length === 0) return;
    this.out.write(unparse(rows.map((row) => DECISION_COLUMNS.map((c) => csvValue(c.kind, c.value(row))))) + NEWLINE);
  }

  async pause(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async finish(): Promise<void> {
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }
}
