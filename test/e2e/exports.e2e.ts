// Decision exports through the UI in browser mode: the whole base as Excel with its progress,
// the backend answering the dossier list meanwhile, sessions as CSV, the dossier list's selection,
// and a prefecture agent limited to their department. Each downloaded file is read back.
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { writePlatformCsv } from '../../electron/backend/demo/platform-csv';
import type { DossierFields } from '../../shared/domain/dossier';
import { closeApp, openApp, postApi, startFirstProfile, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

let server: BrowserModeServer;
let page: Page;

/** Large enough for the export to take a while and report progress: a third carry an approval, a sixth a refusal. */
const DOSSIERS = 30_000;
const DEPARTMENT_CODES = ['01', '06', '13', '2A', '33', '59', '69', '75', '83', '971'];

/** Every optional field empty, as the platform's export leaves what it does not carry. */
const NONE = Object.fromEntries(
    ['siret', 'legalName', 'structureType', 'phase', 'postalCode', 'communeCode', 'communeName', 'communeInsee', 'regionCode', 'address', 'phone', 'email', 'adminEmails',
      'accountCreated', 'passwordChosen', 'matchingCount', 'coselecValidated', 'postsGranted', 'coselecNumber', 'coselecDate', 'zrr', 'qpv', 'qpvCount', 'franceServices',
      'legalForm', 'nationalNetwork', 'networkName', 'networkRegions', 'networkDepartments', 'networkBeneficiaries', 'contractType', 'contractMonths', 'branchAgreement',
      'declaredAid', 'consolidation', 'motivation', 'submittedAt'].map((k) => [k, null]),
  ) as Omit<DossierFields, 'externalId' | 'name' | 'status' | 'departmentCode' | 'postsRequested'>;

/** The platform's export of DOSSIERS structures (the demo generator reads JSON that Playwright's loader cannot import). */
function platformExport(): Buffer {
  const dossiers: DossierFields[] = Array.from({ length: DOSSIERS }, (_, i) => {
    const status = i % 3 === 0 ? 'VALIDATION_COSELEC' : i % 6 === 1 ? 'REFUS_COSELEC' : 'CREEE';
    const session = (i % 40) + 1;
    const decided = status !== 'CREEE';
    return {
      ...NONE,
      externalId: String(100_000 + i),
      name: `Structure d’accueil n° ${i}`,
      status,
      departmentCode: DEPARTMENT_CODES[i % DEPARTMENT_CODES.length]!,
      postsRequested: (i % 4) + 1,
      coselecValidated: status === 'VALIDATION_COSELEC',
      postsGranted: status === 'VALIDATION_COSELEC' ? (i % 4) + 1 : null,
      coselecNumber: decided ? String(session) : null,
      coselecDate: decided ? new Date(Date.UTC(2021, 2, 24 + 7 * session)).toISOString().slice(0, 10) : null,
    };
  });
  return Buffer.from(writePlatformCsv(dossiers));
}

/** Screenshots go with the test results, and to EXPORTS_SCREENS_DIR when set (for a human to look at). */
async function screenshot(name: string): Promise<void> {
  const close = page.getByRole('button', { name: 'Fermer la notification' });
  while ((await close.count()) > 0) await close.first().click();
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  const dir = process.env.EXPORTS_SCREENS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, `${name}.png`));
  }
}

/** Calls the backend as the page does: to set up what is not this test's subject and to check the files against it. */
async function callApi<T = unknown>(method: string, request: unknown): Promise<T> {
  const { status, body } = await postApi(page, method, request);
  expect(status, `${method}: ${JSON.stringify(body)}`).toBe(200);
  return body as T;
}

async function openExports(): Promise<void> {
  await page.getByRole('link', { name: 'Exports' }).click();
  await waitReady(page);
  await expect(page.getByRole('tab', { name: 'Décisions d’attribution' })).toHaveAttribute('aria-selected', 'true');
}

/** The count the page announces for the current choice. */
async function announcedCount(): Promise<number> {
  const aside = page.getByRole('region', { name: 'Décisions à exporter' }).getByText(/^[\d\s\u202f]+ décisions?$/);
  await expect(aside).toBeVisible();
  return Number(((await aside.textContent()) ?? '').replace(/\D/g, ''));
}

/** The format switch is a segmented control: its radios are hidden behind their labels. */
async function chooseFormat(label: string): Promise<void> {
  await page.locator('label', { hasText: label }).click();
  await expect(page.getByRole('radio', { name: label })).toBeChecked();
}

async function exportAndDownload(): Promise<{ download: Download; file: string }> {
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  const download = await downloading;
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

interface DecisionsSheet {
  header: string[];
  rows: ExcelJS.Row[];
  totals: ExcelJS.Row;
}

async function readDecisions(file: string): Promise<{ book: ExcelJS.Workbook; sheet: DecisionsSheet }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const worksheet = book.getWorksheet('Décisions')!;
  const rows: ExcelJS.Row[] = [];
  let totals: ExcelJS.Row | null = null;
  worksheet.eachRow((row, n) => {
    if (n === 1) return;
    if (row.getCell(1).text === 'Total') totals = row;
    else rows.push(row);
  });
  const header = (worksheet.getRow(1).values as (string | undefined)[]).slice(1) as string[];
  return { book, sheet: { header, rows, totals: totals! } };
}

const column = (sheet: DecisionsSheet, name: string) => sheet.header.indexOf(name) + 1;

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
});

test.afterAll(() => closeApp(page, server));

test('an ANCT administrator imports the platform’s export of a large base', async () => {
  test.setTimeout(240_000);
  await startFirstProfile(page, 'Marc Durand', 'Administrateur ANCT');
  await expect(page.getByTestId('current-profile-name')).toHaveText('Marc Durand');
  // The platform's own export carries its decisions (status, COSELEC number and date, posts granted).
  const csv = platformExport().toString('base64');
  const preview = await callApi<{ token: string; counts: { new: number } }>('import:preview', { fileName: 'structures.csv', data: { $bytes: csv } });
  expect(preview.counts.new).toBe(DOSSIERS);
  await callApi('import:commit', { token: preview.token });
  await page.reload();
  await waitReady(page);
  await expect(page.locator('tbody tr[data-dossier-id]')).toHaveCount(50, { timeout: 60_000 });
});

test('exports every decision to Excel, with its progress, while the backend keeps answering', async () => {
  test.setTimeout(240_000);
  await openExports();
  const expected = (await callApi<{ rows: number }>('exports:count', {})).rows;
  expect(expected).toBeGreaterThan(5_000);
  expect(await announcedCount()).toBe(expected);
  await screenshot('exports-tab');

  // Every text the progress line shows, as the page renders it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
    const Observer = (globalThis as unknown as { MutationObserver: new (callback: () => void) => { observe: (node: unknown, options: object) => void } }).MutationObserver;
    new Observer(() => {
      const text = (globalThis as unknown as { document: { querySelector: (s: string) => { textContent: string | null } | null } }).document.querySelector('[data-testid="export-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe((globalThis as unknown as { document: { body: object } }).document.body, { subtree: true, childList: true, characterData: true });
  });
  const downloading = page.waitForEvent('download', { timeout: 180_000 });
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  const progress = page.getByTestId('export-progress');
  await expect(progress).toContainText(/décisions écrites/);
  // The backend answers other calls while the export runs: its rows are read page by page between them.
  const list = await callApi<{ rows: unknown[] }>('dossiers:list', { limit: 50 });
  expect(list.rows).toHaveLength(50);
  await expect(progress).toContainText(/décisions écrites/, { timeout: 1 });
  await screenshot('exports-progress');
  const download = await downloading;
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^decisions-cnfs-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
  const counts = seen.map((t) => /([\d\s\u202f]+) \/ ([\d\s\u202f]+) décisions écrites/.exec(t)).filter((m) => m !== null).map((m) => Number(m[1]!.replace(/\D/g, '')));
  expect(counts.length).toBeGreaterThan(1);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));

  const { book, sheet } = await readDecisions(file);
  expect(book.worksheets.map((s) => s.name)).toEqual(['Décisions', 'Par département', 'Par région', 'Séances']);
  expect(sheet.rows).toHaveLength(expected);
  // Demo decisions come from the platform: every approved dossier's posts are granted once.
  const stats = await callApi<{ code: string; granted: number }[]>('stats:departments', {});
  const granted = stats.reduce((sum, d) => sum + d.granted, 0);
  const grantedColumn = column(sheet, 'Postes accordés');
  expect(sheet.rows.reduce((sum, row) => sum + Number(row.getCell(grantedColumn).value ?? 0), 0)).toBe(granted);
  const total = sheet.totals.getCell(grantedColumn);
  expect(total.formula).toBe(`SUBTOTAL(109,O2:O${expected + 1})`);
  expect(total.result).toBe(granted);
  expect(new Set(sheet.rows.map((row) => row.getCell(column(sheet, 'Origine')).text))).toEqual(new Set(['Plateforme']));
  const departments = book.getWorksheet('Par département')!;
  const byCode = new Map(stats.map((d) => [d.code, d.granted]));
  for (let r = 2; r <= 102; r += 1) {
    const row = departments.getRow(r);
    expect(row.getCell(8).value, String(row.getCell(1).value)).toBe(byCode.get(String(row.getCell(1).value)));
  }
});

test('exports chosen sessions as CSV', async () => {
  await page.getByRole('link', { name: 'Exports' }).click();
  await waitReady(page);
  await page.getByRole('radio', { name: 'Une ou plusieurs séances' }).check();
  const sessions = await callApi<{ number: string; decisions: number }[]>('exports:sessions', {});
  const chosen = sessions.slice(0, 2);
  const picker = page.getByRole('combobox', { name: 'Séances' });
  for (const session of chosen) {
    await picker.click();
    await page.getByRole('option', { name: new RegExp(`^COSELEC ${session.number} du `) }).click();
  }
  await page.keyboard.press('Escape');
  await chooseFormat('CSV (;)');
  const expected = chosen.reduce((sum, s) => sum + s.decisions, 0);
  expect(await announcedCount()).toBe(expected);
  await screenshot('exports-sessions');
  const { file } = await exportAndDownload();
  expect(path.basename(file)).toMatch(/^decisions-cnfs-2-seances-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows[0]!.slice(0, 4)).toEqual(['Origine', 'Séance', 'Date de séance', 'Identifiant dossier']);
  expect(rows).toHaveLength(1 + expected);
  expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(chosen.map((s) => s.number)));
  await expect(page.getByTestId('export-done')).toContainText(`${expected.toLocaleString('fr-FR').replace(/\s/g, '\u202f')} décisions`);
});

test('exports the selection of the dossier list', async () => {
  await page.getByRole('link', { name: 'Dossiers' }).click();
  await waitReady(page);
  const department = page.getByRole('combobox', { name: 'Département' });
  await department.click();
  await department.fill('Bouches');
  await page.getByRole('option', { name: /^13 – Bouches-du-Rhône/ }).click();
  await page.keyboard.press('Escape');
  await waitReady(page);
  await page.getByRole('button', { name: 'Exporter les décisions de la sélection' }).click();
  await waitReady(page);
  await expect(page.getByRole('radio', { name: 'La sélection en cours dans la liste des dossiers' })).toBeChecked();
  await chooseFormat('Excel (.xlsx)');
  const expected = (await callApi<{ rows: number }>('exports:count', { filter: { departments: ['13'] } })).rows;
  expect(await announcedCount()).toBe(expected);
  const { file } = await exportAndDownload();
  const { sheet } = await readDecisions(file);
  expect(sheet.rows).toHaveLength(expected);
  expect(new Set(sheet.rows.map((row) => row.getCell(column(sheet, 'Code département')).text))).toEqual(new Set(['13']));
});

test('the contract signature date, set on the dossier, gives the tranches their due dates in the export', async () => {
  const page1 = await callApi<{ rows: { id: number; externalId: string; name: string; departmentCode: string; postsRequested: number }[] }>('dossiers:list', { statuses: ['VALIDATION_COSELEC'], limit: 1 });
  const dossier = page1.rows[0]!;
  const granted = dossier.postsRequested; // the platform export above grants every post requested
  // The platform's export has no contract type: a later file brings it, with declared aid.
  const json = Buffer.from(JSON.stringify([{ externalId: dossier.externalId, departmentCode: dossier.departmentCode, postsRequested: dossier.postsRequested, contractType: 'CDI', declaredAid: 1000 }])).toString('base64');
  const preview = await callApi<{ token: string }>('import:preview', { fileName: 'contrats.json', data: { $bytes: json } });
  await callApi('import:commit', { token: preview.token });
  // The platform decision froze what its file said (no contract type): the later file is a change, not money.
  // A later session's decision, from the platform, freezes the CDI and its aid.
  const later = writePlatformCsv([
    { ...NONE, externalId: dossier.externalId, name: dossier.name, status: 'VALIDATION_COSELEC', departmentCode: dossier.departmentCode, postsRequested: dossier.postsRequested, coselecValidated: true, postsGranted: granted, coselecNumber: '99', coselecDate: '2021-12-20' },
  ]);
  const laterPreview = await callApi<{ token: string }>('import:preview', { fileName: 'structures.csv', data: { $bytes: Buffer.from(later).toString('base64') } });
  await callApi('import:commit', { token: laterPreview.token });
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers/${dossier.id}`);
  await waitReady(page);
  const card = page.getByRole('region', { name: 'Contrat et versements', exact: true });
  const total = granted * 40_000 - 1000;
  const euros = (n: number) => `${n.toLocaleString('fr-FR').replace(/\s/g, '\u202f')}\u00a0€`;
  await expect(card).toContainText(`Subvention figée à la décision : ${euros(total)}`);
  await card.getByLabel('Signature du contrat').fill('2022-01-31');
  await card.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(card.getByRole('table', { name: 'Versements' }).locator('tbody tr td:nth-child(3)')).toHaveText(['28/02/2022', '31/07/2022', '31/01/2023']);
  await card.scrollIntoViewIfNeeded();
  await screenshot('contract-signature');

  await openExports();
  await page.getByRole('radio', { name: 'Un département' }).check();
  await page.getByRole('combobox', { name: 'Département' }).click();
  await page.getByRole('option', { name: new RegExp(`^${dossier.departmentCode} – `) }).click();
  await chooseFormat('Excel (.xlsx)');
  const { file } = await exportAndDownload();
  const { sheet } = await readDecisions(file);
  const row = sheet.rows.find((r) => r.getCell(column(sheet, 'Identifiant dossier')).text === dossier.externalId)!;
  const tranche1 = Math.round(total * 0.2 * 100) / 100;
  const tranche2 = Math.round(total * 0.3 * 100) / 100;
  expect([
    row.getCell(column(sheet, 'Subvention totale')).value,
    row.getCell(column(sheet, 'Signature du contrat')).value,
    row.getCell(column(sheet, 'Tranche 1 (20 %)')).value,
    row.getCell(column(sheet, 'Échéance tranche 1')).value,
    row.getCell(column(sheet, 'Tranche 3 (50 %)')).value,
    row.getCell(column(sheet, 'Échéance tranche 3')).value,
  ]).toEqual([total, new Date(Date.UTC(2022, 0, 31)), tranche1, new Date(Date.UTC(2022, 1, 28)), Math.round((total - tranche1 - tranche2) * 100) / 100, new Date(Date.UTC(2023, 0, 31))]);
});

test('a prefecture agent exports only their department', async () => {
  await callApi('profile:save', { name: 'Claire Martin', role: 'PREFECTURE', departments: ['06'] });
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('current-profile-name')).toHaveText('Claire Martin');
  await openExports();
  await page.getByRole('radio', { name: 'Toutes les décisions de mon périmètre' }).check();
  await expect(page.getByText('Seules les décisions de votre périmètre (06) sont exportées.', { exact: false })).toBeVisible();
  await page.getByRole('radio', { name: 'Un département' }).check();
  await page.getByRole('combobox', { name: 'Département' }).click();
  await expect(page.getByRole('option')).toHaveText(['06 – Alpes-Maritimes']);
  await page.keyboard.press('Escape');
  await page.getByRole('radio', { name: 'Toutes les décisions de mon périmètre' }).check();
  const { file } = await exportAndDownload();
  expect(path.basename(file)).toMatch(/^decisions-cnfs-06-/);
  const { book, sheet } = await readDecisions(file);
  expect(sheet.rows.length).toBeGreaterThan(0);
  expect(new Set(sheet.rows.map((row) => row.getCell(column(sheet, 'Code département')).text))).toEqual(new Set(['06']));
  expect(book.getWorksheet('Par département')!.getRow(2).getCell(1).value).toBe('06');
  expect(book.getWorksheet('Par département')!.getRow(3).values).toEqual([]);
});
