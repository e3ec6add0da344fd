// The map of posts by department (issue 4), in browser mode: the territory fixture imported through
// the UI, every department drawn and clickable, the 8 measures, the table view against hand-computed
// figures, regions, coherence checks, targets, the PNG export, a prefecture agent's view; then a
// large demo base: 50,000 dossiers when MAP_SHOTS_DIR asks for the screenshots (copied there for a
// human to look at), 10,000 otherwise to keep the suite short (`npm run bench` times 50,000).
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TERRITORY_CSV } from '../integration/territory-fixture-data';
import { closeApp, openApp, postApi, startFirstProfile, waitReady } from './app-page';
import { startBrowserModeServer } from './browser-mode-server';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

// Read as files: the e2e runner loads ES modules, where a JSON import needs an import attribute.
const DEPARTMENTS = JSON.parse(readFileSync('resources/departments.json', 'utf8')) as { code: string; name: string; regionCode: string }[];
const REGIONS = JSON.parse(readFileSync('resources/regions.json', 'utf8')) as { code: string; name: string }[];

let server: BrowserModeServer;
/** Every server started (the 50,000-dossier base gets its own: demo data never mixes with an import). */
const servers: BrowserModeServer[] = [];
let page: Page;
let ids: Record<string, number> = {};

const COMMENT = 'Projet cohérent avec les besoins du territoire.';
const OVERSEAS = ['971', '972', '973', '974', '976'];

interface Stats {
  code: string;
  name: string;
  regionCode: string;
  population: number;
  dossiers: number;
  requested: number;
  supported: number;
  granted: number;
  reviewed: number;
  target: number | null;
  per100k: number;
}

async function screenshot(name: string, target?: Locator): Promise<string> {
  const close = page.getByRole('button', { name: 'Fermer la notification' });
  while ((await close.count()) > 0) await close.first().click();
  const file = test.info().outputPath(`${name}.png`);
  if (target) await target.screenshot({ path: file });
  else await page.screenshot({ path: file });
  keepShot(file, `${name}.png`);
  return file;
}

function keepShot(file: string, name: string): void {
  const dir = process.env.MAP_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, path.join(dir, name));
}

async function callApi<T>(method: string, request: unknown): Promise<T> {
  const result = await postApi(page, method, request);
  if (result.status !== 200) throw new Error(`${method}: ${JSON.stringify(result.body)}`);
  return result.body as T;
}

/** `reload`: after a profile change made through the API, start the app afresh. */
async function openMap(query = '', reload = false): Promise<void> {
  await page.goto(`${new URL(server.appUrl).origin}/#/carte${query}`);
  if (reload) await page.reload();
  await waitReady(page);
}

/** A figure of the open panel (« Dossiers déposés », « Objectif »…). */
const panelFigure = (label: string) => page.getByTestId('area-panel').getByText(label, { exact: true }).locator('..');

const area = (code: string, place?: string) => page.locator(`.leaflet-pane path[data-code="${code}"]${place ? `[data-place="${place}"]` : ''}`);
const panelTitle = () => page.locator('#area-panel-title');
const chip = (key: string) => page.locator(`.mantine-Chip-root:has(input[data-measure="${key}"]) label`);
const mapElement = () => page.locator('.leaflet-container');

/** A point of the path that a real pointer reaches (not covered by a neighbour), in viewport coordinates. */
async function clickablePoint(target: Locator): Promise<{ x: number; y: number }> {
  await target.scrollIntoViewIfNeeded();
  const point = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const doc = (globalThis as unknown as { document: { elementFromPoint: (x: number, y: number) => unknown } }).document;
    const steps = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];
    for (const fy of steps) {
      for (const fx of steps) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (doc.elementFromPoint(x, y) === element) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('no visible point on this area');
  return point;
}

async function clickArea(target: Locator): Promise<void> {
  const { x, y } = await clickablePoint(target);
  await page.mouse.click(x, y);
}

async function selectMeasure(key: string, level = 'department'): Promise<void> {
  await chip(key).click();
  await expect(mapElement()).toHaveAttribute('data-measure', `${level}:${key}`);
}

/** The legend's entries: label, swatch colour, count. */
async function legend(): Promise<{ label: string; color: string; count: number }[]> {
  return page.getByTestId('map-legend').locator('[data-legend-color]').evaluateAll((entries) =>
    entries.map((entry) => {
      const spans = entry.querySelectorAll('span');
      const count = Number(/\((\d+)/.exec(spans[2]?.textContent ?? '')?.[1]);
      return { label: spans[1]?.textContent ?? '', color: entry.getAttribute('data-legend-color') ?? '', count };
    }),
  );
}

/** Each area's fill, by code (main map only). */
async function fills(): Promise<Map<string, string>> {
  const pairs = await page.locator('.leaflet-pane path[data-code]:not([data-place="zoom"])').evaluateAll((paths) => paths.map((p) => [p.getAttribute('data-code') ?? '', p.getAttribute('fill') ?? '']));
  return new Map(pairs as [string, string][]);
}

// Hand-computed from territory-fixtures (populations: resources/departments.json); fr-FR, narrow no-break spaces.
const NNBSP = '\u202f';
const EXPECTED_ROWS: Record<string, string[]> = {
  // code, name, region, population, dossiers, requested, supported, granted, per 100,000, target, % of target, gap, % reviewed
  '2A': ['2A', 'Corse-du-Sud', 'Corse', `168${NNBSP}306`, '2', '5', '3', '2', '1,19', '5', '40,00', '\u22123', '100,00'],
  '2B': ['2B', 'Haute-Corse', 'Corse', `187${NNBSP}180`, '2', '5', '4', '4', '2,14', '2', '200,00', '+2', '50,00'],
  '971': ['971', 'Guadeloupe', 'Guadeloupe', `384${NNBSP}160`, '3', '8', '6', '3', '0,78', '—', '—', '—', '100,00'],
  '75': ['75', 'Paris', 'Île-de-France', `2${NNBSP}103${NNBSP}778`, '1', '2', '0', '0', '0,00', '—', '—', '—', '0,00'],
  '13': ['13', 'Bouches-du-Rhône', 'Provence-Alpes-Côte d\'Azur', `2${NNBSP}087${NNBSP}658`, '1', '1', '0', '0', '0,00', '—', '—', '—', '0,00'],
  '01': ['01', 'Ain', 'Auvergne-Rhône-Alpes', `679${NNBSP}344`, '0', '0', '0', '0', '0,00', '—', '—', '—', '—'],
};

/** The table's text as an independent formatter writes it from stats:departments. */
function expectedRow(d: Stats): string[] {
  const int = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
  const two = (n: number) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const region = REGIONS.find((r) => r.code === d.regionCode)!.name;
  const percent = d.target ? two(round2((d.granted * 100) / d.target)) : '—';
  const gap = d.target === null ? '—' : d.granted - d.target === 0 ? '0' : `${d.granted > d.target ? '+' : '\u2212'}${Math.abs(d.granted - d.target)}`;
  const share = d.dossiers > 0 ? two(round2((d.reviewed * 100) / d.dossiers)) : '—';
  return [d.code, d.name, region, int(d.population), int(d.dossiers), int(d.requested), int(d.supported), int(d.granted), two(d.per100k), d.target === null ? '—' : int(d.target), percent, gap, share];
}

async function tableRows(): Promise<Map<string, string[]>> {
  const rows = await page.locator('table tbody tr[data-code]').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-code') ?? '', [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())]),
  );
  return new Map(rows as [string, string[]][]);
}

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
  servers.push(server);
});

test.afterAll(() => closeApp(page, ...servers));

test('the committee imports the territory fixture through the import page', async () => {
  await startFirstProfile(page, 'Marc Durand', 'Membre du comité national');

  const file = test.info().outputPath('territoire.csv');
  writeFileSync(file, TERRITORY_CSV, 'utf8');
  await page.getByRole('button', { name: 'Importer un fichier' }).click();
  await page.getByLabel('Fichier à importer').setInputFiles(file);
  await expect(page.getByLabel('Nouveaux : 9')).toBeVisible();
  await page.getByRole('button', { name: 'Importer 9 dossiers' }).click();
  await expect(page.getByText('Import terminé')).toBeVisible();

  // The fixture's opinions and targets, as territory-fixtures records them.
  const page1 = await callApi<{ rows: { id: number; externalId: string }[] }>('dossiers:list', { limit: 500 });
  ids = Object.fromEntries(page1.rows.map((r) => [r.externalId, r.id]));
  const opinion = (externalId: string, kind: string, posts: number) => callApi('opinions:record', { dossierId: ids[externalId], opinion: kind, postsSupported: posts, comment: COMMENT });
  await opinion('A-1', 'FAVORABLE', 3);
  await opinion('A-2', 'DEFAVORABLE', 0);
  await opinion('B-1', 'FAVORABLE', 2);
  await opinion('B-1', 'FAVORABLE', 4);
  await opinion('G-1', 'FAVORABLE', 5);
  await opinion('G-2', 'FAVORABLE', 1);
  await opinion('G-3', 'EXAMEN_COMPLEMENTAIRE', 1);
  await callApi('targets:set', { departmentCode: '2A', target: 5 });
  await callApi('targets:set', { departmentCode: '2B', target: 2 });
  await callApi('targets:set', { departmentCode: '971', target: 9 });
  await callApi('targets:set', { departmentCode: '971', target: null });
});

test('all 101 departments are drawn, overseas ones in insets, and each opens its panel when clicked', async () => {
  await openMap();
  const main = await page.locator('.leaflet-pane path[data-code]:not([data-place="zoom"])').evaluateAll((paths) => paths.map((p) => `${p.getAttribute('data-code')}:${p.getAttribute('data-place')}`));
  expect(main.map((entry) => entry.split(':')[0]).sort()).toEqual(DEPARTMENTS.map((d) => d.code).sort());
  for (const code of OVERSEAS) expect(main).toContain(`${code}:outre-mer`);
  expect(main).toContain('2A:metropole');
  expect(main).toContain('2B:metropole');
  await expect(page.locator('.leaflet-pane path[data-place="zoom"]')).toHaveCount(4);

  // Paris and its inner suburbs are a few pixels wide at national scale: they are clicked in the zoom.
  for (const d of DEPARTMENTS) {
    const target = ['75', '92', '93', '94'].includes(d.code) ? area(d.code, 'zoom') : area(d.code).first();
    await clickArea(target);
    await expect(panelTitle(), d.code).toHaveText(`${d.code} – ${d.name}`);
  }
  // The small ones are reachable at national scale too.
  await clickArea(area('92', 'metropole'));
  await expect(panelTitle()).toHaveText('92 – Hauts-de-Seine');
  await expect(page).toHaveURL(/#\/carte\?departement=92$/);
});

test('the keyboard reaches every department; Enter opens it', async () => {
  await openMap();
  const tabbable = await page.locator('.leaflet-pane path[data-code][tabindex="0"]').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')));
  expect(tabbable.sort()).toEqual(DEPARTMENTS.map((d) => d.code).sort());
  await expect(area('75', 'metropole')).toHaveAttribute('tabindex', '-1');
  await area('2B').focus();
  await expect(area('2B')).toHaveAttribute('aria-label', '2B – Haute-Corse : Postes accordés par le comité : 4\u00a0postes');
  await page.keyboard.press('Tab');
  await expect(area('30')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panelTitle()).toHaveText('30 – Gard');
  await area('971').focus();
  await page.keyboard.press('Enter');
  await expect(panelTitle()).toHaveText('971 – Guadeloupe');
  await expect(page.getByTestId('panel-dossiers').locator('tbody tr')).toHaveCount(3);
});

test('switching measures restyles the same paths, legend and colours agreeing', async () => {
  await openMap();
  // Marked before switching: a rebuilt layer would lose the mark.
  await area('2B').evaluate((p) => p.setAttribute('data-mark', 'same-node'));
  const keys = ['dossiers', 'requested', 'supported', 'granted', 'per100k', 'percentOfTarget', 'gapToTarget', 'reviewedShare'];
  for (const key of keys) {
    await selectMeasure(key);
    await expect(area('2B')).toHaveAttribute('data-mark', 'same-node');
    const entries = await legend();
    const colours = await fills();
    expect(colours.size).toBe(101);
    // Every area wears a colour of the legend, as many as the legend counts.
    for (const entry of entries) expect([...colours.values()].filter((c) => c === entry.color).length, `${key} ${entry.label}`).toBe(entry.count);
    expect(entries.reduce((s, e) => s + e.count, 0)).toBe(101);
  }
  // Gap to target: 2A −3 (deficit, dark orange), 2B +2 (excess, purple), no target elsewhere (grey).
  await selectMeasure('gapToTarget');
  expect((await legend()).map((e) => `${e.label} ${e.count}`)).toEqual([
    '\u22123 ou moins 1',
    '\u22122 0',
    '\u22121 0',
    '0 (objectif atteint) 0',
    '+1 0',
    '+2 1',
    '+3 ou plus 0',
    'Sans objectif 99',
  ]);
  const gap = await fills();
  expect([gap.get('2A'), gap.get('2B'), gap.get('13')]).toEqual(['#b35806', '#998ec3', '#bdbdbd']);
  // % of target: 40 % and 200 %.
  await selectMeasure('percentOfTarget');
  const percent = await fills();
  expect([percent.get('2A'), percent.get('2B')]).toEqual(['#e66101', '#5e3c99']);
  await expect(page).toHaveURL(/mesure=pourcentage-objectif/);
});

test('the table view shows exactly the figures of stats:departments, hand-computed ones included', async () => {
  await openMap('?vue=tableau');
  const rows = await tableRows();
  expect(rows.size).toBe(101);
  for (const [code, expected] of Object.entries(EXPECTED_ROWS)) expect(rows.get(code), code).toEqual(expected);
  const stats = await callApi<Stats[]>('stats:departments', {});
  for (const d of stats) expect(rows.get(d.code), d.code).toEqual(expectedRow(d));
  // France as a whole: 9 dossiers, 21 requested, 13 supported, 9 granted; target 7 (2A, 2B), 6 granted there: 85,71 %.
  const footer = (await page.locator('table tfoot tr').first().locator('th, td').allTextContents()).map((t) => t.trim());
  // 9 × 100 000 / 68 million inhabitants: 0,01.
  expect(footer.slice(4)).toEqual(['9', '21', '13', '9', '0,01', '7', '85,71', '\u22121', '66,67']);

  // Sorting by posts granted, largest first: 2B, 971, 2A.
  await page.getByRole('button', { name: /^Postes accordés : non trié/ }).click();
  await page.getByRole('button', { name: /^Postes accordés : trié par ordre croissant/ }).click();
  const order = await page.locator('table tbody tr[data-code]').evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.getAttribute('data-code')));
  expect(order).toEqual(['2B', '971', '2A']);
  await page.locator('table tbody tr[data-code="2B"]').press('Enter');
  await expect(panelTitle()).toHaveText('2B – Haute-Corse');
});

test('the region view sums the departments; regions are drawn from their departments', async () => {
  await openMap('?niveau=region');
  await expect(page.locator('.leaflet-pane path[data-code]')).toHaveCount(18);
  await expect(page.locator('path[data-outlines="region"]')).toHaveCount(1);
  await selectMeasure('dossiers', 'region');
  await clickArea(area('94'));
  await expect(panelTitle()).toHaveText('Corse');
  await expect(panelFigure('Dossiers déposés')).toContainText('4\u00a0dossiers');
  await page.getByRole('button', { name: /^2A – Corse-du-Sud/ }).click();
  await expect(panelTitle()).toHaveText('2A – Corse-du-Sud');
  await openMap('?niveau=region&vue=tableau');
  const rows = await tableRows();
  expect(rows.get('94')).toEqual(['94', 'Corse', '2', `355${NNBSP}486`, '4', '10', '7', '6', '1,69', '7', '85,71', '\u22121', '75,00']);
});

test('coherence checks: the tolerance, a check outlines its departments, the CSV export', async () => {
  await openMap();
  await page.getByRole('tab', { name: /Contrôles de cohérence/ }).click();
  const items = page.getByRole('list', { name: 'Contrôles de cohérence' }).locator('li');
  await expect(items).toHaveCount(10);
  await page.getByLabel('Tolérance autour des objectifs').fill('50');
  await waitReady(page);
  await expect(items).toHaveCount(9);
  await items.filter({ hasText: 'Postes accordés au-delà de l’objectif' }).getByRole('button').click();
  await expect(page.locator('path[data-highlight="check"]')).toHaveCount(1);
  await items.filter({ hasText: 'Même SIRET dans plusieurs départements' }).getByRole('button').click();
  await expect(page.locator('path[data-highlight="check"]')).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^controles-coherence-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Gravité;Contrôle;Départements;Message;Nombre de dossiers;Dossiers concernés');
  expect(lines).toHaveLength(10);
});

test('targets: a national distribution, agreed numbers refused then imported, the history', async () => {
  await openMap();
  await page.getByLabel('Total national (postes)').fill('1000');
  await page.getByLabel('Plancher par département').fill('5');
  await page.getByRole('button', { name: 'Répartir…' }).click();
  await page.getByRole('button', { name: 'Confirmer la répartition' }).click();
  await expect(page.getByText('Objectifs répartis')).toBeVisible();
  const history = page.getByTestId('target-history').locator('tbody tr');
  await expect(history.first()).toContainText('Répartition nationale de 1\u202f000 postes selon la population (plancher de 5 par département)');
  await expect(history.first()).toContainText('Marc Durand');

  const version = (await callApi<Stats[]>('stats:departments', {})).find((d) => d.code === '2A')!.target;
  const faulty = test.info().outputPath('accords.csv');
  writeFileSync(faulty, 'Département;Nombre de conseillers\r\n2a;7\r\n20;4\r\n2B;1,5\r\n');
  await page.getByLabel('Fichier des accords préalables').setInputFiles(faulty);
  const errors = page.getByTestId('agreement-errors').locator('li');
  await expect(errors).toHaveText([
    '« accords.csv », ligne 3, colonne « Département » : « 20 » n’est plus un code de département : la Corse se divise en 2A (Corse-du-Sud) et 2B (Haute-Corse).',
    '« accords.csv », ligne 4, colonne « Nombre de conseillers » : « 1,5 » n’est pas un nombre entier de postes.',
  ]);
  await expect(page.getByRole('button', { name: /^Enregistrer 1 accord/ })).toBeDisabled();
  expect((await callApi<Stats[]>('stats:departments', {})).find((d) => d.code === '2A')!.target).toBe(version);

  const good = test.info().outputPath('accords-corse.csv');
  writeFileSync(good, 'Code département;Nom;Accord préalable\r\n2a;Corse-du-Sud;7\r\n2B;Haute-Corse;3\r\n');
  await page.getByLabel('Fichier des accords préalables').setInputFiles(good);
  await expect(page.getByTestId('agreement-rows').locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Enregistrer 2 accords' }).click();
  await expect(page.getByText('Accords préalables enregistrés')).toBeVisible();
  await expect(history.first()).toContainText('Accords préalables importés de « accords-corse.csv » : 2 départements, 10 postes');
  await clickArea(area('2A'));
  await expect(page.getByTestId('target-source')).toContainText('Accords préalables importés de « accords-corse.csv »');
  await expect(panelFigure('Objectif')).toContainText('7\u00a0postes');
});

test('the map exports as a PNG with its legend', async () => {
  await openMap('?mesure=postes-accordes');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter la carte (PNG)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^carte-postes-accordes-\d{4}-\d{2}-\d{2}\.png$/);
  const png = readFileSync(await download.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: the card at twice the pixel density.
  expect(png.readUInt32BE(16)).toBeGreaterThan(1200);
  expect(png.readUInt32BE(20)).toBeGreaterThan(900);
});

test('a prefecture agent sees the whole map with their department outlined, other departments in figures only', async () => {
  await callApi('profile:save', { name: 'Agent Haute-Corse', role: 'PREFECTURE', departments: ['2B'] });
  await openMap('', true);
  await expect(page.locator('.leaflet-pane path[data-code]:not([data-place="zoom"])')).toHaveCount(101);
  await expect(page.locator('path[data-highlight="home"]')).toHaveCount(1);
  await expect(panelTitle()).toHaveText('2B – Haute-Corse');
  await expect(page.getByTestId('panel-dossiers').locator('tbody tr')).toHaveCount(2);
  await screenshot('fixture-prefecture-2B');
  await clickArea(area('13'));
  await expect(panelTitle()).toHaveText('13 – Bouches-du-Rhône');
  await expect(page.getByText(/hors de votre périmètre \(2B\) : seuls ses chiffres agrégés/)).toBeVisible();
  await expect(page.getByTestId('panel-dossiers')).toHaveCount(0);
  await expect(panelFigure('Dossiers déposés')).toContainText('1\u00a0dossier');
  await expect(page.getByRole('tab', { name: 'Contrôles de cohérence (5)' })).toBeVisible();
  const profiles = await callApi<{ id: number; name: string }[]>('profile:list', {});
  await callApi('profile:switch', { id: profiles.find((p) => p.name === 'Marc Durand')!.id });
});

/** 50,000 for the screenshots a human looks at; 10,000 in the regular run. */
const LARGE_BASE = process.env.MAP_SHOTS_DIR ? 50_000 : 10_000;

test(`with ${LARGE_BASE.toLocaleString('en')} demo dossiers: every measure, the panel, the insets, regions, the table and the PNG`, async () => {
  test.setTimeout(900_000);
  server = await startBrowserModeServer();
  servers.push(server);
  await page.goto(server.appUrl);
  await startFirstProfile(page, 'Admin ANCT', 'Administrateur ANCT');
  await callApi('demo:generate', { count: LARGE_BASE });
  // A mid-campaign state: an opinion on about half the dossiers, unevenly across departments.
  const everyId: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const chunk = await callApi<{ rows: { id: number; departmentCode: string; postsRequested: number }[] }>('dossiers:list', { limit: 500, offset, sort: { column: 'externalId', direction: 'asc' } });
    // A favourable opinion supports at least one post: dossiers asking for none get no opinion here.
    everyId.push(...chunk.rows.filter((r) => r.postsRequested > 0 && (r.id * 7919) % 100 < 20 + ((r.departmentCode.charCodeAt(1) * 13) % 60)).map((r) => r.id));
    if (chunk.rows.length < 500) break;
  }
  for (let i = 0; i < everyId.length; i += 5000) {
    const unfavourable = (i / 5000) % 4 === 3;
    await callApi('opinions:recordBulk', { dossierIds: everyId.slice(i, i + 5000), opinion: unfavourable ? 'DEFAVORABLE' : 'FAVORABLE', postsSupported: unfavourable ? 'none' : 'requested', comment: COMMENT });
  }
  // Targets sized on what was granted, so that some departments are over and some under.
  const stats = await callApi<Stats[]>('stats:departments', {});
  const granted = stats.reduce((s, d) => s + d.granted, 0);
  await callApi('targets:distribute', { total: granted, floor: 5 });

  await page.setViewportSize({ width: 1440, height: 1000 });
  await openMap('', true);
  const slugs: Record<string, string> = {
    dossiers: 'dossiers',
    requested: 'postes-demandes',
    supported: 'postes-soutenus',
    granted: 'postes-accordes',
    per100k: 'accordes-100000-habitants',
    percentOfTarget: 'pourcentage-objectif',
    gapToTarget: 'ecart-objectif',
    reviewedShare: 'part-avis',
  };
  for (const [key, slug] of Object.entries(slugs)) {
    await selectMeasure(key);
    const entries = await legend();
    expect(entries.reduce((s, e) => s + e.count, 0)).toBe(101);
    if (key !== 'percentOfTarget' && key !== 'gapToTarget') expect(entries.every((e) => e.label !== 'Sans objectif')).toBe(true);
    await screenshot(`50k-mesure-${slug}`);
  }
  await selectMeasure('granted');
  await clickArea(area('13'));
  await expect(page.getByTestId('panel-dossiers').locator('tbody tr')).toHaveCount(25);
  await screenshot('50k-panneau-departement');
  await page.getByRole('checkbox', { name: /^Comparer le dossier/ }).nth(0).check();
  await page.getByRole('checkbox', { name: /^Comparer le dossier/ }).nth(1).check();
  await expect(page.getByRole('link', { name: 'Comparer (2)' })).toHaveAttribute('href', /^#\/comparaison\?ids=\d+,\d+$/);
  await expect(page.getByTestId('area-panel').getByRole('link', { name: 'Classement du département' })).toHaveAttribute('href', '#/classement?departement=13');
  // The insets: the overseas departments and the Paris zoom, at full resolution.
  const card = page.getByTestId('map-card');
  await screenshot('50k-carte-encarts', card);
  await page.getByLabel('Contours des régions').check();
  await screenshot('50k-contours-regions', card);

  await openMap('?niveau=region&mesure=ecart-objectif');
  await clickArea(area('84'));
  await expect(panelTitle()).toHaveText('Auvergne-Rhône-Alpes');
  await screenshot('50k-regions');
  await openMap('?vue=tableau&mesure=part-avis');
  const rows = await tableRows();
  expect(rows.size).toBe(101);
  const footer = (await page.locator('table tfoot tr').first().locator('th, td').allTextContents()).map((t) => t.trim());
  expect(footer[4]).toBe(`${LARGE_BASE / 1000}${NNBSP}000`);
  await screenshot('50k-tableau');

  await openMap('?mesure=ecart-objectif');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter la carte (PNG)' }).click()]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  keepShot(file, `50k-export-${download.suggestedFilename()}`);
  await callApi('profile:save', { name: 'Agent Bouches-du-Rhône', role: 'PREFECTURE', departments: ['13'] });
  await openMap('?mesure=postes-soutenus', true);
  await expect(page.locator('path[data-highlight="home"]')).toHaveCount(1);
  await expect(page.getByTestId('panel-dossiers').locator('tbody tr')).toHaveCount(25);
  await screenshot('50k-prefecture-13');
});
