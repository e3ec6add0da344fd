/**
 * LibreOffice Calc, headless, as the held-out check uses it: every sheet of a workbook converted to
 * CSV (filter options: `;` separated, `"` quoted, UTF-8, raw values — not as shown — all sheets).
 * Each conversion runs with a profile of its own, so that it neither meets another soffice process
 * nor depends on the machine's settings: locale en-US (raw dates come out as MM/DD/YYYY), and
 * formulas either recalculated on load or kept as cached (LibreOffice's default for .xlsx files).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';

export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1';

function profile(recalculate: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-lo-profile-'));
  fs.mkdirSync(path.join(dir, 'user'));
  fs.writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalculate ? 0 : 1}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Runs soffice on `file` with `convertTo` into a fresh directory; returns that directory. */
export function soffice(file: string, convertTo: string, options: { recalculate: boolean }): string {
  const userDir = profile(options.recalculate);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-lo-out-'));
  try {
    const result = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(userDir).href}`, '--headless', '--convert-to', convertTo, '--outdir', outDir, file], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (result.error) throw new Error(`soffice could not run (is LibreOffice installed? .ci/run installs it): ${result.error.message}`);
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
    return outDir;
  } finally {
    fs.rmSync(userDir, { recursive: true, force: true });
  }
}

/** Every sheet of the workbook as LibreOffice exports it to CSV, by sheet name. */
export function sheetsAsCsv(file: string, options: { recalculate: boolean }): Map<string, string[][]> {
  const outDir = soffice(file, CSV_FILTER, options);
  try {
    const base = path.basename(file, path.extname(file));
    const sheets = new Map<string, string[][]>();
    for (const name of fs.readdirSync(outDir)) {
      const sheet = name.slice(base.length + 1, -'.csv'.length);
      const parsed = Papa.parse<string[]>(fs.readFileSync(path.join(outDir, name), 'utf8'), { delimiter: ';', skipEmptyLines: false });
      // A final line break leaves one empty record behind.
      sheets.set(sheet, parsed.data.filter((row, i, all) => !(i === all.length - 1 && row.length === 1 && row[0] === '')));
    }
    return sheets;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
