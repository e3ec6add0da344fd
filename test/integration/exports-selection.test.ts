import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { runDecisionExport } from '../../electron/backend/exports/decision-export';
import { DecisionCsvWriter } from '../../electron/backend/exports/decision-csv';
import type { DecisionExportRow } from '../../electron/backend/exports/decision-rows';
import { Writable } from 'node:stream';
import type { DecisionExportRequest, DecisionSelection, ExportProgress } from '../../shared/api/exports-contract';
import { EXPECTED_ROWS, HYPERLINK_NAME, openExportFixture } from './exports-fixtures';
import { useProfile } from './review-fixtures';

let backend: Backend;
let ids: Record<string, number>;

beforeEach(async () => {
  ({ backend, ids } = await openExportFixture());
});
afterEach(() => backend.close());

async function exportFile(request: DecisionExportRequest) {
  const job = await backend.call('exports:start', request);
  const file = await backend.call('exports:result', { id: job.id });
  return { job, file };
}

/** The "Décisions" rows of an XLSX export (header and totals left out), as plain text. */
async function decisionRows(selection: DecisionSelection): Promise<string[][]> {
  const { file } = await exportFile({ ...selection, format: 'xlsx' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.data as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.getWorksheet('Décisions')!.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).text !== 'Total') rows.push(Array.from({ length: 30 }, (_, i) => row.getCell(i + 1).text));
  });
  return rows;
}

const dossiersOf = (rows: string[][]) => rows.map((r) => r[3]);

describe('choosing what to export', () => {
  it('all current decisions, one row per dossier, platform ones included; never a dossier without decision', async () => {
    const rows = await decisionRows({});
    expect(dossiersOf(rows)).toEqual(['D-HYPER', 'D-NOTYPE', 'D-CDD', 'D-CDI', 'D-CUI', 'D-PROJ', 'D-REFUS']);
    expect(rows.map((r) => r[0])).toEqual(['Plateforme', 'Plateforme', 'Comité', 'Comité', 'Comité', 'Comité', 'Comité']);
    expect(await backend.call('exports:count', {})).toEqual({ rows: 7 });
  });

  it('one or several sessions: each dossier’s latest decision among them (a further review superseded later stays in its session)', async () => {
    expect(dossiersOf(await decisionRows({ sessions: ['12'] }))).toEqual(['D-CDD', 'D-CDI', 'D-CUI', 'D-PROJ', 'D-REFUS']);
    const eleven = await decisionRows({ sessions: ['11'] });
    expect(eleven.map((r) => [r[3], r[1], r[13], r[14]])).toEqual([['D-CUI', '11', 'Examen complémentaire', '0']]);
    expect(dossiersOf(await decisionRows({ sessions: ['7', '11']}))).toEqual(['D-HYPER', 'D-NOTYPE', 'D-CUI']);
    expect((await decisionRows({ sessions: ['11', '12'] })).find((r) => r[3] === 'D-CUI')![13]).toBe('Accord');
    await expect(backend.call('exports:start', { format: 'xlsx', sessions: ['99'] })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Séance inconnue : « 99 » (aucune séance ni décision ne porte ce numéro).' });
    expect(await backend.call('exports:sessions', {})).toEqual([
      { number: '12', date: '2021-04-08', source: 'committee', decisions: 5 },
      { number: '11', date: '2021-04-01', source: 'committee', decisions: 1 },
      { number: '7', date: '2021-03-31', source: 'platform', decisions: 2 },
    ]);
  });

  it('the dossier list’s filter, and departments', async () => {
    expect(dossiersOf(await decisionRows({ filter: { contractTypes: ['CDI'] } }))).toEqual(['D-CDI', 'D-REFUS']);
    expect(dossiersOf(await decisionRows({ filter: { search: 'Moulins' } }))).toEqual(['D-CDD']);
    expect(dossiersOf(await decisionRows({ filter: { opinions: ['NONE'] } }))).toEqual(['D-HYPER', 'D-NOTYPE', 'D-PROJ']);
    expect(dossiersOf(await decisionRows({ departments: ['13'], sessions: ['12'] }))).toEqual(['D-REFUS']);
    const { job } = await exportFile({ format: 'csv', departments: ['13'], sessions: ['12'] });
    expect(job).toMatchObject({ total: 1, fileName: expect.stringMatching(/^decisions-cnfs-seance-12-13-\d{4}-\d{2}-\d{2}\.csv$/) });
  });

  it('lists in « Par département » the departments selected, else all 101', async () => {
    const { file } = await exportFile({ format: 'xlsx', departments: ['13'] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data as unknown as ArrayBuffer);
    const departments = book.getWorksheet('Par département')!;
    expect(departments.getRow(2).values).toEqual([undefined, '13', 'Bouches-du-Rhône', "Provence-Alpes-Côte d'Azur", 2087658, 3, 8, 0, 4, 4, expect.objectContaining({ formula: 'H2-I2' }), expect.objectContaining({ result: 0.19 }), 0]);
    expect(departments.getRow(3).values).toEqual([]);
    expect(book.getWorksheet('Par région')!.getRow(2).getCell(2).value).toBe("Provence-Alpes-Côte d'Azur");
  });
});

describe('a prefecture agent of 06', () => {
  beforeEach(async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
  });

  it('exports only the decisions of 06, whatever the selection asks', async () => {
    expect(dossiersOf(await decisionRows({}))).toEqual(['D-CDD', 'D-CDI', 'D-CUI', 'D-PROJ']);
    expect(dossiersOf(await decisionRows({ filter: { departments: ['06', '13'] } }))).toEqual(['D-CDD', 'D-CDI', 'D-CUI', 'D-PROJ']);
    expect(await decisionRows({ filter: { departments: ['13'] } })).toEqual([]);
    expect(dossiersOf(await decisionRows({ sessions: ['7'] }))).toEqual([]);
    expect(await backend.call('exports:count', {})).toEqual({ rows: 4 });
    expect(await backend.call('exports:sessions', {})).toEqual([
      { number: '12', date: '2021-04-08', source: 'committee', decisions: 4 },
      { number: '11', date: '2021-04-01', source: 'committee', decisions: 1 },
    ]);
  });

  it('is refused another department, and its summaries hold only 06', async () => {
    const version = backend.store.version;
    await expect(backend.call('exports:start', { format: 'xlsx', departments: ['06', '13'] })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE', message: 'Le département 13 est hors de votre périmètre (06).' });
    expect(backend.store.version).toBe(version);
    const { job, file } = await exportFile({ format: 'xlsx' });
    expect(job.fileName).toMatch(/^decisions-cnfs-06-/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data as unknown as ArrayBuffer);
    const departments = book.getWorksheet('Par département')!;
    expect(departments.getRow(2).getCell(1).value).toBe('06');
    expect(departments.getRow(4).getCell(1).value).toBe('Total');
    const sessions = book.getWorksheet('Séances')!;
    expect([sessions.getRow(2).getCell(1).value, sessions.getRow(2).getCell(7).value, sessions.getRow(3).getCell(1).value]).toEqual(['12', 4, null]);
  });

  it('cannot fetch or cancel another profile’s export', async () => {
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    const job = await backend.call('exports:start', { format: 'csv' });
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    await expect(backend.call('exports:result', { id: job.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(backend.call('exports:cancel', { id: job.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    expect((await backend.call('exports:result', { id: job.id })).rows).toBe(7);
    // Fetched once: the job is gone.
    await expect(backend.call('exports:result', { id: job.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the CSV', () => {
  it('is `;` separated UTF-8 with a BOM and CRLF, French numbers and dates, the same rows as the workbook, formulas neutralised', async () => {
    const { file } = await exportFile({ format: 'csv' });
    expect(file.fileName).toMatch(/\.csv$/);
    const bytes = Buffer.from(file.data);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')).toHaveLength(1 + 7 + 1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[1]).toBe(`Plateforme;7;31/03/2021;D-HYPER;12345678200015;"'=HYPERLINK(""http://x"",""y"")";"'+SCIC";13;Bouches-du-Rhône;Provence-Alpes-Côte d'Azur;1;;;Accord;1;Non;;;;;;;;;;;;;;;;;Le dossier a changé depuis la décision : type de contrat non renseigné → CDD`);
    expect(lines[4]).toBe(
      'Comité;12;08/04/2021;D-CDI;01234567800012;Association Le Lien numérique;Association déclarée;06;Alpes-Maritimes;Provence-Alpes-Côte d\'Azur;3;Favorable;3;Accord;2;Oui;;Accord pour deux postes.;;CDI;40000,00;5000,00;75000,00;31/01/2022;15000,00;28/02/2022;22500,00;31/07/2022;37500,00;31/01/2023;;;',
    );
    // Round trip: parsed back, every field is the hand-computed value in the CSV's conventions.
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed[0]).toHaveLength(33);
    const french = (v: string | number | null, i: number) => {
      if (v === null) return '';
      if (typeof v === 'number') return [20, 21, 22, 24, 26, 28].includes(i) ? v.toFixed(2).replace('.', ',') : String(v);
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('/');
      return /^[=+\-@]/.test(v) ? `'${v}` : v;
    };
    expect(parsed.slice(1)).toEqual(EXPECTED_ROWS.map((row) => row.map(french)));
    expect(parsed[1]![5]).toBe(`'${HYPERLINK_NAME}`);
  });

  it('neutralises tab, carriage return, = + - @ at the start of text, and only of text', async () => {
    const chunks: Buffer[] = [];
    const out = new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()) });
    const writer = new DecisionCsvWriter(out);
    const sample = (name: string): DecisionExportRow => ({
      decisionId: 1, source: 'committee', sessionNumber: '-3', sessionDate: null, externalId: '@1', siret: null, name, legalForm: null, departmentCode: '06',
      departmentName: 'Alpes-Maritimes', regionCode: '93', regionName: 'PACA', postsRequested: 2, opinion: null, postsSupported: null, decision: 'NEGATIF',
      postsGranted: 0, priority: false, grounds: [], comment: '\rcmd', justification: '\tx', contractType: null, signedAt: null, money: null, changes: [],
      eligibility: null, derogation: '=dérogation',
    });
    writer.addRows([sample('=1+1'), sample('Association « =ok » au milieu')]);
    await writer.finish();
    const rows = Papa.parse<string[]>(Buffer.concat(chunks).toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[1]!.slice(0, 6)).toEqual(['Comité', "'-3", '', "'@1", '', "'=1+1"]);
    expect([rows[1]![10], rows[1]![14], rows[1]![17], rows[1]![18]]).toEqual(['2', '0', "'\rcmd", "'\tx"]);
    expect(rows[2]![5]).toBe('Association « =ok » au milieu');
    expect(rows[1]!.at(-2)).toBe("'=dérogation");
  });
});

describe('a running export', () => {
  it('reports its progress as events, ending with « done »', async () => {
    const events: ExportProgress[] = [];
    backend.onEvent((name, payload) => name === 'export:progress' && events.push(payload as ExportProgress));
    const { job, file } = await exportFile({ format: 'xlsx' });
    const mine = events.filter((e) => e.id === job.id);
    expect(mine[0]).toEqual({ id: job.id, done: 0, total: 7, state: 'running' });
    expect(mine.at(-1)).toEqual({ id: job.id, done: 7, total: 7, state: 'done' });
    expect(file.rows).toBe(7);
  });

  it('can be cancelled: no file', async () => {
    const events: ExportProgress[] = [];
    backend.onEvent((name, payload) => name === 'export:progress' && events.push(payload as ExportProgress));
    const job = await backend.call('exports:start', { format: 'xlsx' });
    expect(await backend.call('exports:cancel', { id: job.id })).toEqual({ cancelled: true });
    await expect(backend.call('exports:result', { id: job.id })).rejects.toMatchObject({ code: 'EXPORT_CANCELLED' });
    expect(events.at(-1)).toMatchObject({ id: job.id, state: 'cancelled' });
  });

  it('starts again when the base changes meanwhile, so that the file holds one state', async () => {
    // 1,500 more decisions: two pages, with a write landing between them.
    backend.store.write({ action: 'test:bulk', user: 'Fixture' }, (tx) => {
      for (let i = 0; i < 1500; i += 1) {
        tx.run("INSERT INTO dossiers (external_id, department_code, posts_requested, status, source, content_hash, created_at, updated_at) VALUES (?, '06', 1, 'VALIDATION_COSELEC', 'file', 'x', 'now', 'now')", [`BULK-${i}`]);
        tx.run("INSERT INTO decisions (dossier_id, session_number, session_date, decision, posts_granted, source, recorded_by, recorded_at) VALUES (last_insert_rowid(), '7', '2021-03-31', 'POSITIF', 1, 'platform', 'x', 'now')");
      }
    });
    const events: ExportProgress[] = [];
    backend.onEvent((name, payload) => name === 'export:progress' && events.push(payload as ExportProgress));
    const job = await backend.call('exports:start', { format: 'csv' });
    await backend.call('targets:set', { departmentCode: '06', target: 6 });
    const file = await backend.call('exports:result', { id: job.id });
    expect(file.rows).toBe(1507);
    const restarts = events.filter((e, i) => i > 0 && e.done === 0 && e.state === 'running');
    expect(restarts).toHaveLength(1);
  });

  it('stops rather than mix two states when the base keeps changing', async () => {
    let version = 0;
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const run = runDecisionExport({ db: backend.store.db, version: () => version++ }, {}, new DecisionCsvWriter(sink));
    await expect(run).rejects.toMatchObject({ code: 'EXPORT_STALE' });
  });
});

describe('the contract signature date', () => {
  it('gives the tranches their due dates; national roles only, approved dossiers only, a real date; journaled', async () => {
    const cdd = ids['D-CDD']!;
    expect(await backend.call('dossiers:contractSignature', { dossierId: cdd })).toEqual({
      dossierId: cdd, signedAt: null, decision: 'POSITIF', postsGranted: 1, perPost: 32000, aidDeducted: 1234.56, total: 30765.44,
      tranches: [{ amount: 6153.09, dueDate: null }, { amount: 9229.63, dueDate: null }, { amount: 15382.72, dueDate: null }], contractType: 'CDD', contractMonths: null, changes: [],
    });
    const signed = await backend.call('dossiers:setContractSignedAt', { dossierId: cdd, signedAt: '2024-02-29' });
    expect(signed.tranches!.map((t) => t.dueDate)).toEqual(['2024-03-29', '2024-08-29', '2025-02-28']);
    expect(backend.store.db.get('SELECT user_name, action FROM journal ORDER BY seq DESC LIMIT 1')).toEqual({ user_name: 'Marc Durand', action: 'dossiers:setContractSignedAt' });

    const version = backend.store.version;
    for (const signedAt of ['2021-02-30', '31/01/2022', '2019-12-31', '']) {
      await expect(backend.call('dossiers:setContractSignedAt', { dossierId: cdd, signedAt }), signedAt).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await expect(backend.call('dossiers:setContractSignedAt', { dossierId: ids['D-REFUS']!, signedAt: '2022-01-31' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Seul un dossier dont la décision en cours est un accord peut avoir une date de signature de contrat.',
    });
    expect(backend.store.version).toBe(version);
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    const asPrefecture = backend.store.version;
    await expect(backend.call('dossiers:setContractSignedAt', { dossierId: cdd, signedAt: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(backend.store.version).toBe(asPrefecture);
    expect((await backend.call('dossiers:contractSignature', { dossierId: cdd })).signedAt).toBe('2024-02-29');
    await expect(backend.call('dossiers:contractSignature', { dossierId: ids['D-REFUS']! })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });

    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    expect((await backend.call('dossiers:setContractSignedAt', { dossierId: cdd, signedAt: null })).tranches!.map((t) => t.dueDate)).toEqual([null, null, null]);
  });
});
