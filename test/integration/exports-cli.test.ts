import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { EXPECTED_ROWS, openExportFixture } from './exports-fixtures';
import { useProfile } from './review-fixtures';

let dir: string;
let dbPath: string;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function decisionIds(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ids: string[] = [];
  book.getWorksheet('Décisions')!.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).text !== 'Total') ids.push(row.getCell(4).text);
  });
  return ids;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-exports-cli-'));
  dbPath = path.join(dir, 'base.sqlite');
  const { backend } = await openExportFixture(dbPath);
  backend.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI: export decisions', { timeout: 60_000 }, () => {
  it('streams the workbook into the file, for the sessions and departments asked', async () => {
    const all = path.join(dir, 'toutes.xlsx');
    const run = cli('export', 'decisions', '--out', all);
    expect(run).toMatchObject({ code: 0, out: `7 décision(s) exportée(s) dans ${all} (Excel).\n` });
    expect(await decisionIds(all)).toEqual(EXPECTED_ROWS.map((r) => r[3]));

    const some = path.join(dir, 'seance-12-06.xlsx');
    const json = cli('export', 'decisions', '--out', some, '--session', '12', '--session', '11', '--department', '06', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ file: some, format: 'xlsx', rows: 4 });
    expect(await decisionIds(some)).toEqual(['D-CDD', 'D-CDI', 'D-CUI', 'D-PROJ']);
  });

  it('writes the CSV with --csv', () => {
    const out = path.join(dir, 'decisions.csv');
    expect(cli('export', 'decisions', '--out', out, '--csv', '--department', '13').code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFOrigine;Séance;Date de séance;')).toBe(true);
    expect(text.split('\r\n').slice(1, -1).map((l) => l.split(';')[3])).toEqual(['D-HYPER', 'D-NOTYPE', 'D-REFUS']);
  });

  it('refuses an unknown session or a department outside the profile, leaving no file', async () => {
    const out = path.join(dir, 'refus.xlsx');
    expect(cli('export', 'decisions', '--out', out, '--session', '99')).toMatchObject({ code: 1, err: 'Séance inconnue : « 99 » (aucune séance ni décision ne porte ce numéro).\n' });
    expect(cli('export', 'decisions')).toMatchObject({ code: 2 });
    const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 60_000 });
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    backend.close();
    expect(cli('export', 'decisions', '--out', out, '--department', '13')).toMatchObject({ code: 1, err: 'Le département 13 est hors de votre périmètre (06).\n' });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('refus'))).toEqual([]);
    // Without --department: the profile's departments only.
    expect(cli('export', 'decisions', '--out', out).code).toBe(0);
    expect(await decisionIds(out)).toEqual(['D-CDD', 'D-CDI', 'D-CUI', 'D-PROJ']);
  });
});
