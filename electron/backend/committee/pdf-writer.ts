/**
 * Layout primitives of the minutes PDF over pdfkit: the embedded fonts (Liberation Sans,
 * resources/fonts), A4 margins, colours, headings, labelled lines, simple tables, page breaks.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Doc = PDFKit.PDFDocument;

export const FONT_FILES = { Regular: 'LiberationSans-Regular.ttf', Bold: 'LiberationSans-Bold.ttf', Italic: 'LiberationSans-Italic.ttf' } as const;

/** Next to the bundle in a build (the build copies them), in resources/ when running from the sources. */
export function fontsDir(): string {
  const candidates = [new URL('./fonts/', import.meta.url), new URL('../../../resources/fonts/', import.meta.url), new URL('../../resources/fonts/', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => fs.existsSync(`${dir}${FONT_FILES.Regular}`));
  if (!found) throw new Error(`Police du procès-verbal introuvable (${candidates.join(', ')})`);
  return found;
}

export const BLUE = '#000091';
export const TEXT = '#1e1e1e';
export const GREY = '#5e5e5e';
export const RULE = '#c8c8d8';
export const BAND = '#eceefa';
export const DECISION_COLORS = { POSITIF: '#18753c', NEGATIF: '#c9191e', EXAMEN_COMPLEMENTAIRE: '#b34000' } as const;

export const MARGIN = { top: 62, bottom: 72, left: 62, right: 62 };

export class Writer {
  readonly width: number;

  constructor(
    readonly doc: Doc,
    /** What doc.font() takes for each face (see renderMinutesPdf). */
    private readonly faces: Record<keyof typeof FONT_FILES, string>,
  ) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  style(font: keyof typeof FONT_FILES, size: number, color = TEXT): Doc {
    return this.doc.font(this.faces[font]).fontSize(size).fillColor(color);
  }

  heading(text: string): void {
    this.ensure(70);
    this.doc.moveDown(0.9);
    this.style('Bold', 12.5, BLUE).text(text, MARGIN.left, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + this.width, y).lineWidth(0.8).strokeColor(BLUE).stroke();
    this.doc.y = y + 7;
  }

  paragraph(text: string, options: { size?: number; color?: string; font?: keyof typeof FONT_FILES; indent?: number } = {}): void {
    const indent = options.indent ?? 0;
    this.style(options.font ?? 'Regular', options.size ?? 10, options.color ?? TEXT).text(text, MARGIN.left + indent, this.doc.y, {
      width: this.width - indent,
      align: 'left',
      lineGap: 1.5,
    });
  }

  /** « Label : value » with the label in bold. */
  labelled(label: string, value: string, options: { indent?: number; size?: number; labelColor?: string } = {}): void {
    const indent = options.indent ?? 0;
    const size = options.size ?? 9.5;
    this.style('Bold', size, options.labelColor ?? TEXT).text(`${label} : `, MARGIN.left + indent, this.doc.y, { width: this.width - indent, continued: true, lineGap: 1.5 });
    this.style('Regular', size, TEXT).text(value, { lineGap: 1.5 });
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  rule(color = RULE): void {
    const y = this.doc.y;
    this.doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + this.width, y).lineWidth(0.5).strokeColor(color).stroke();
  }

  /** A simple table: header row on a band, right-aligned figures, optional bold last row. */
  table(columns: { header: string; width: number; align?: 'left' | 'right' }[], rows: string[][], boldLast = false): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const drawRow = (cells: string[], font: keyof typeof FONT_FILES, band: boolean) => {
      this.style(font, 9);
      const height = Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i]! - 2 * pad }))) + 2 * pad;
      this.ensure(height + 2);
      const top = this.doc.y;
      if (band) this.doc.rect(MARGIN.left, top, this.width, height).fill(BAND);
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        this.style(font, 9, band ? BLUE : TEXT).text(cell, x + pad, top + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      this.doc.y = top + height;
      this.rule();
    };
    drawRow(
      columns.map((c) => c.header),
      'Bold',
      true,
    );
    rows.forEach((row, i) => drawRow(row, boldLast && i === rows.length - 1 ? 'Bold' : 'Regular', false));
    this.doc.x = MARGIN.left;
  }
}
