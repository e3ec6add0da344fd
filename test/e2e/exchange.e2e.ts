// Offline exchange through the UI, with two browser-mode servers on two databases: a prefecture
// agent of 06 receives its dossiers, exports its opinions (a download), and the national side
// imports that file in its own database: preview, a conflict shown side by side, resolved.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fillWorkbook } from '../integration/exchange-workbook-helpers';
import { closeApp, openApp, postApi, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

const SHOTS = process.env.EXCHANGE_SCREENS_DIR ?? '/tmp/shots/exchange';

let national: { server: BrowserModeServer; page: Page };
let prefecture: { server: BrowserModeServer; page: Page };
let ids: { externalId: string; id: number; postsRequested: number }[];
let total06: number;
let exported: string;

/** A full page (from the top: the header is fixed), the viewport, or one element. */
async function screenshot(page: Page, name: string, target: 'full' | 'viewport' | Locator = 'full'): Promise<void> {
  const close = page.getByRole('button', { name: 'Fermer la notification' });
  while ((await close.count()) > 0) await close.first().click();
  const file = test.info().outputPath(`${name}.png`);
  if (target === 'full') await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
  if (typeof target === 'string') await page.screenshot({ path: file, fullPage: target === 'full' });
  else await target.screenshot({ path: file });
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, path.join(SHOTS, `${name}.png`));
}

/** Calls the backend as the page does; anything but a success fails the test. */
async function callApi<T>(page: Page, method: string, request: unknown): Promise<T> {
  const { status, body } = await postApi(page, method, request);
  if (status !== 200) throw new Error(`${method}: ${status} ${JSON.stringify(body)}`);
  return body as T;
}

async function openExchangeTab(page: Page, server: BrowserModeServer): Promise<void> {
  await page.goto(`${new URL(server.appUrl).origin}/#/exports`);
  await waitReady(page);
  await page.getByRole('tab', { name: 'Échanges avec les préfectures' }).click();
}

test.beforeAll(async ({ browser }) => {
  const start = async () => {
    const app = await openApp(browser);
    await waitReady(app.page);
    return app;
  };
  national = await start();
  prefecture = await start();
  await callApi(national.page, 'profile:save', { name: 'Marc Durand', role: 'COMMITTEE', departments: [] });
  await callApi(national.page, 'demo:generate', { count: 400 });
  const page = await callApi<{ total: number; rows: { id: number; externalId: string; postsRequested: number }[] }>(national.page, 'dossiers:list', { departments: ['06'], sort: { column: 'externalId', direction: 'asc' }, limit: 10 });
  total06 = page.total;
  ids = page.rows.map((r) => ({ externalId: r.externalId, id: r.id, postsRequested: r.postsRequested }));
  expect(ids.length).toBeGreaterThanOrEqual(3);
  await callApi(prefecture.page, 'profile:save', { name: 'Claire Martin', role: 'PREFECTURE', departments: ['06'] });
});

test.afterAll(async () => {
  for (const side of [national, prefecture]) await closeApp(side?.page, side?.server);
});

test('the prefecture agent receives the department’s dossiers from a package', async () => {
  const pkg = await callApi<{ fileName: string; data: { $bytes: string } }>(national.page, 'exchange:exportDossierPackage', { departmentCode: '06' });
  const file = test.info().outputPath(pkg.fileName);
  writeFileSync(file, Buffer.from(pkg.data.$bytes, 'base64'));

  const page = prefecture.page;
  await openExchangeTab(page, prefecture.server);
  await expect(page.getByRole('button', { name: 'Exporter mes avis' })).toBeVisible();
  await page.getByLabel('Choisir un paquet…').setInputFiles(file);
  const preview = page.getByTestId('package-preview');
  await expect(preview).toContainText('Dossiers du niveau national');
  await expect(preview).toContainText('envoyé par Marc Durand, membre du comité national');
  await expect(preview.getByLabel(/^Nouveaux dossiers : /)).toHaveAttribute('aria-label', `Nouveaux dossiers : ${total06}`);
  await screenshot(page, 'prefecture-dossier-package-preview');
  await preview.getByRole('button', { name: 'Importer' }).click();
  await expect(preview.getByText('Importé', { exact: true })).toBeVisible();
  await expect(page.getByTestId('exchange-log')).toContainText(pkg.fileName);
});

test('the prefecture agent exports their opinions in one click (a download)', async () => {
  const page = prefecture.page;
  const local = await callApi<{ rows: { id: number; externalId: string }[] }>(page, 'dossiers:list', { sort: { column: 'externalId', direction: 'asc' }, limit: 10 });
  const idOf = (externalId: string) => local.rows.find((r) => r.externalId === externalId)!.id;
  await callApi(page, 'opinions:record', { dossierId: idOf(ids[0]!.externalId), opinion: 'FAVORABLE', postsSupported: 1, comment: 'Projet cohérent avec les besoins du territoire.' });
  await callApi(page, 'opinions:record', { dossierId: idOf(ids[1]!.externalId), opinion: 'EXAMEN_COMPLEMENTAIRE', postsSupported: 0, comment: 'Le plan de financement doit être précisé.' });
  // The national side changes the second one meanwhile: a conflict on purpose.
  await callApi(national.page, 'opinions:record', { dossierId: ids[1]!.id, opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Offre de médiation déjà dense dans le quartier.' });

  await page.reload();
  await waitReady(page);
  await page.getByRole('tab', { name: 'Échanges avec les préfectures' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter mes avis' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^avis-06-\d{4}-\d{2}-\d{2}\.cnfs\.json$/);
  exported = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(exported);
  const pkg = JSON.parse(readFileSync(exported, 'utf8')) as { content: { sender: { name: string }; dossiers: { externalId: string }[] } };
  expect(pkg.content.sender.name).toBe('Claire Martin');
  expect(pkg.content.dossiers.map((d) => d.externalId).sort()).toEqual([ids[0]!.externalId, ids[1]!.externalId].sort());
  await expect(page.getByText('Fichier prêt')).toBeVisible();
  await screenshot(page, 'prefecture-view', 'viewport');
  await screenshot(page, 'prefecture-view-full');
});

test('the national side imports that file in its own database: preview, conflict, resolution', async () => {
  const page = national.page;
  await openExchangeTab(page, national.server);
  await expect(page.getByRole('button', { name: 'Paquet des dossiers' })).toBeVisible();
  await page.getByLabel('Choisir des paquets…').setInputFiles(exported);
  const preview = page.getByTestId('package-preview');
  await expect(preview).toContainText('Avis d’une préfecture');
  await expect(preview).toContainText('envoyé par Claire Martin, agent de préfecture (06)');
  await expect(preview.getByLabel(/^Nouveaux avis : /)).toHaveAttribute('aria-label', 'Nouveaux avis : 1');
  await expect(preview.getByLabel(/^Conflits : /)).toHaveAttribute('aria-label', 'Conflits : 1');
  await expect(preview.locator('[data-testid="package-line"][data-action="conflict"]')).toContainText(`ID ${ids[1]!.externalId}`);
  await screenshot(page, 'national-preview');

  await preview.getByRole('button', { name: 'Importer' }).click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('conflict-local')).toContainText('Défavorable');
  await expect(conflict.getByTestId('conflict-incoming')).toContainText('Examen complémentaire');
  await expect(conflict.getByTestId('conflict-incoming')).toContainText('Claire Martin');
  await screenshot(page, 'national-conflicts', page.getByRole('region', { name: 'Conflits à résoudre' }));
  await screenshot(page, 'national-after-import');

  await conflict.getByLabel('Motif de l’arbitrage (facultatif)').fill('La préfecture a vérifié le plan de financement.');
  await conflict.getByRole('button', { name: 'Garder la version reçue' }).click();
  await expect(page.getByTestId('conflict')).toHaveCount(0);
  const resolved = page.getByTestId('resolved-conflicts').getByRole('row').nth(1);
  await expect(resolved).toContainText(`ID ${ids[1]!.externalId}`);
  await expect(resolved).toContainText('version reçue');
  await expect(resolved).toContainText('Marc Durand');
  await expect(resolved).toContainText('La préfecture a vérifié le plan de financement.');
  const history = await callApi<{ opinion: string; authorName: string }[]>(page, 'opinions:history', { dossierId: ids[1]!.id });
  expect(history[0]).toMatchObject({ opinion: 'EXAMEN_COMPLEMENTAIRE', authorName: 'Marc Durand' });
  await screenshot(page, 'national-after-resolution');

  // Two files at once: the same package again (nothing new) and a copy altered by hand (refused).
  const altered = test.info().outputPath('avis-06-modifie.cnfs.json');
  writeFileSync(altered, readFileSync(exported, 'utf8').replace('Projet cohérent avec les besoins du territoire.', 'Projet très cohérent avec les besoins du territoire.'));
  await page.getByLabel('Choisir des paquets…').setInputFiles([exported, altered]);
  await expect(page.getByRole('button', { name: 'Rien à importer' })).toBeVisible();
  await expect(page.getByText('Ce paquet a déjà été importé dans cette base : il n’apporte rien de nouveau.')).toBeVisible();
  const refused = page.getByRole('alert').filter({ hasText: '« avis-06-modifie.cnfs.json » refusé' });
  await expect(refused).toContainText('a été modifié ou endommagé depuis son export');
  await screenshot(page, 'national-two-files', page.getByRole('region', { name: 'Recevoir les avis des préfectures' }));
});

test('the national side imports a filled workbook: bad rows listed with their sheet, row and column', async () => {
  const page = national.page;
  const workbook = await callApi<{ fileName: string; data: { $bytes: string } }>(page, 'exchange:exportWorkbook', { departmentCode: '06' });
  const [good, bad] = [ids[2]!, ids[3] ?? ids[0]!];
  const filled = await fillWorkbook(new Uint8Array(Buffer.from(workbook.data.$bytes, 'base64')), {
    [good.externalId]: { opinion: 'Favorable', postsSupported: 1, comment: 'Structure implantée dans un quartier prioritaire.' },
    [bad.externalId]: { opinion: 'Favorable', postsSupported: bad.postsRequested + 1, comment: 'Trop.' },
  });
  const file = test.info().outputPath('classeur-06-rempli.xlsx');
  writeFileSync(file, filled);
  await page.getByLabel('Choisir un classeur…').setInputFiles(file);
  const preview = page.getByTestId('workbook-preview');
  await expect(preview.getByLabel(/^Lignes refusées : /)).toHaveAttribute('aria-label', 'Lignes refusées : 1');
  const errors = page.getByTestId('workbook-errors');
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors).toContainText('Nombre de conseillers soutenus par la Préfecture (N)');
  await expect(errors).toContainText('Commentaire trop court (5 caractères)');
  await expect(page.getByTestId('workbook-changes')).toContainText(`ID ${good.externalId}`);
  await screenshot(page, 'national-workbook-preview', preview);
  await preview.getByRole('button', { name: 'Importer 1 avis valide' }).click();
  await expect(preview.getByRole('button', { name: 'Importé' })).toBeVisible();
  const history = await callApi<{ opinion: string; source: string }[]>(page, 'opinions:history', { dossierId: good.id });
  expect(history[0]).toMatchObject({ opinion: 'FAVORABLE', source: 'import' });
});

test('a stale workbook: its changed row on a replaced opinion is a conflict « du classeur », a row on a current base is the prefecture’s', async () => {
  const page = national.page;
  const [stale, current] = [ids[0]!, ids[2]!];
  const workbook = await callApi<{ fileName: string; data: { $bytes: string } }>(page, 'exchange:exportWorkbook', { departmentCode: '06' });
  // After the export, the national side records a newer opinion on the first dossier.
  await callApi(page, 'opinions:record', { dossierId: stale.id, opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Offre de médiation déjà dense dans le quartier.' });
  const filled = await fillWorkbook(new Uint8Array(Buffer.from(workbook.data.$bytes, 'base64')), {
    [stale.externalId]: { opinion: 'Examen complémentaire', postsSupported: 0, comment: 'Le plan de financement doit être précisé.' },
    [current.externalId]: { opinion: 'Favorable', postsSupported: 1, comment: 'Un poste, la structure recrute en septembre.' },
  });
  const file = test.info().outputPath('classeur-06-ancien.xlsx');
  writeFileSync(file, filled);
  await page.reload();
  await waitReady(page);
  await page.getByRole('tab', { name: 'Échanges avec les préfectures' }).click();
  await page.getByLabel('Choisir un classeur…').setInputFiles(file);
  const preview = page.getByTestId('workbook-preview');
  await expect(preview.getByLabel(/^Conflits : /)).toHaveAttribute('aria-label', 'Conflits : 1');
  await expect(preview.getByLabel(/^Avis mis à jour : /)).toHaveAttribute('aria-label', 'Avis mis à jour : 1');
  await expect(preview.locator('tr[data-action="conflict"]')).toContainText(`ID ${stale.externalId}`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `national-workbook-stale-preview-${width}`, preview);
  }
  await preview.getByRole('button', { name: 'Importer 1 avis valide et 1 conflit' }).click();
  await expect(preview.getByRole('button', { name: 'Importé' })).toBeVisible();

  const conflict = page.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('à l’import du classeur « classeur-06-ancien.xlsx » (non signé), importé par Marc Durand');
  await expect(conflict.getByTestId('conflict-local')).toContainText('Défavorable');
  await expect(conflict.getByTestId('conflict-incoming')).toContainText('Version du classeur');
  await expect(conflict.getByTestId('conflict-incoming')).toContainText('Préfecture 06 – Alpes-Maritimes (classeur)');
  await expect(page.getByTestId('exchange-log').getByRole('row').nth(1)).toContainText('non signé (classeur)');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `national-workbook-conflict-${width}`, page.getByRole('region', { name: 'Conflits à résoudre' }));
    await screenshot(page, `national-workbook-log-${width}`, page.getByTestId('exchange-log'));
  }

  await page.goto(`${new URL(national.server.appUrl).origin}/#/dossiers/${current.id}`);
  await waitReady(page);
  const card = page.getByRole('region', { name: 'Avis de la préfecture', exact: true });
  const latest = card.getByTestId('opinion-version').first();
  await expect(latest).toContainText('Préfecture 06 – Alpes-Maritimes (classeur) · saisi dans le classeur, importé par Marc Durand');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await latest.scrollIntoViewIfNeeded();
    await screenshot(page, `national-workbook-history-${width}`, 'viewport');
  }
});
