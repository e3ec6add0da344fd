/**
 * The CSV of the decisions, as the national platform's tooling reads its own exports: `;`
 * separated, UTF-8 with a BOM, CRLF line ends, dates DD/MM/YYYY, and numbers as French Excel
 * types them: no thousands separator, a decimal comma (« 30765,44 »), which the `;` separator
 * exists to allow. Same columns as the "Décisions" sheet; no totals row (data only).
 * The format and the formula guard are the app's one CSV writer's (files/csv-writer).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { shortDate } from '../../../shared/domain/french-format';
import { BOM, csvLines, fixedNumber, type CsvCell, type CsvNumber } from '../files/csv-writer';
import { DECISION_COLUMNS, type ColumnKind } from './decision-columns';
import type { DecisionExportRow } from './decision-rows';
import type { DecisionWriter } from './decision-workbook';

function csvValue(kind: ColumnKind, value: string | number | null): CsvCell | CsvNumber {
  if (value === null) return null;
  if (typeof value === 'number') return kind === 'euro' ? fixedNumber(value, 2) : value;
  return kind === 'date' ? shortDate(value) : value;
}

export class DecisionCsvWriter implements DecisionWriter {
  constructor(private readonly out: Writable) {
    out.write(BOM + csvLines([DECISION_COLUMNS.map((c) => c.header)]));
  }

  addRows(rows: readonly DecisionExportRow[]): void {
    if (rows.length === 0) return;
    this.out.write(csvLines(rows.map((row) => DECISION_COLUMNS.map((c) => csvValue(c.kind, c.value(row))))));
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
