import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { closeApp, openApp, startFirstProfile, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

// One server and one page walk through the app in order: each step builds on the data of the previous one.
test.describe.configure({ mode: 'serial' });

let server: BrowserModeServer;
let page: Page;

function counts(): Locator {
  return page.getByTestId('dossier-counts');
}

/** « 12 345 dossiers · … » → 12345 */
async function dossierTotal(): Promise<number> {
  const text = (await counts().textContent()) ?? '';
  const match = /^([\d\s\u202f\u00a0]+) dossiers? ·/.exec(text);
  if (!match?.[1]) throw new Error(`Unexpected counts line: ${text}`);
  return Number(match[1].replace(/\D/g, ''));
}

function rows(): Locator {
  return page.locator('tbody tr[data-dossier-id]');
}

/** Cells after the selection checkbox: 0 ID, 1 name, 2 department. */
function cell(row: Locator, column: number): Locator {
  return row.locator('td').nth(column + 1);
}

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
});

test.afterAll(() => closeApp(page, server));

test('the empty state generates demonstration data', async () => {
  // First start: the user says who they are (a national profile sees every department).
  await startFirstProfile(page, 'Équipe e2e', 'Membre du comité national');
  await expect(page.getByRole('heading', { name: 'Aucun dossier pour l’instant' })).toBeVisible();
  await expect(page.getByText('Mode navigateur : la fenêtre de bureau n’a pas pu s’ouvrir.')).toBeVisible();

  await page.getByRole('button', { name: 'Générer des données de démonstration' }).click();

  await expect(counts()).toHaveText(/^\d[\d\u202f]* dossiers · \d[\d\u202f]* postes demandés$/, { timeout: 60_000 });
  await waitReady(page);
  expect(await dossierTotal()).toBeGreaterThanOrEqual(500);
  await expect(rows()).toHaveCount(50);
});

test('filtering by one department shows only that department', async () => {
  const department = (await cell(rows().first(), 2).textContent())?.trim() ?? '';
  expect(department).toMatch(/^\w{2,3} – /);
  const before = await counts().textContent();

  await page.getByRole('combobox', { name: 'Département' }).fill(department.split(' – ')[1] ?? '');
  await page.getByRole('option', { name: new RegExp(`^${department}`) }).click();
  await page.keyboard.press('Escape');

  await expect(counts()).not.toHaveText(before ?? '');
  await waitReady(page);
  const shown = await rows().count();
  expect(shown).toBeGreaterThan(0);
  for (let index = 0; index < shown; index++) {
    await expect(cell(rows().nth(index), 2)).toHaveText(department);
  }
});

test('a dossier opens with its eligibility checks, and the list comes back as it was', async () => {
  const filteredCounts = await counts().textContent();
  const firstName = (await cell(rows().first(), 1).textContent())?.trim() ?? '';
  await rows().first().click();

  await expect(page).toHaveURL(/#\/dossiers\/\d+$/);
  await waitReady(page);
  await expect(page.getByRole('heading', { level: 2, name: firstName })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Éligibilité (AMI)' })).toBeVisible();
  await expect(page.getByTestId('eligibility').locator('> *').first()).toBeVisible();

  await page.getByRole('link', { name: 'Retour à la liste des dossiers' }).click();
  await waitReady(page);
  await expect(counts()).toHaveText(filteredCounts ?? '');

  await page.getByRole('button', { name: 'Réinitialiser' }).click();
  await waitReady(page);
});

test('importing a CSV previews the rejected row, then adds the valid ones', async () => {
  const total = await dossierTotal();
  const file = test.info().outputPath('structures-e2e.csv');
  writeFileSync(
    file,
    [
      'Identifiant;Nom de la structure;Code postal;Commune;Code département;Nombre de conseillers souhaités;Type de contrat',
      'E2E-0001;Association Lien Numérique;69003;Lyon;69;2;CDI',
      'E2E-0002;Régie de quartier des Chartrons;33300;Bordeaux;33;1;CDD',
      'E2E-0003;Ligne sans nombre de postes;13001;Marseille;13;beaucoup;CDI',
    ].join('\r\n'),
    'utf8',
  );

  await page.getByRole('button', { name: 'Importer un fichier' }).click();
  await expect(page.getByRole('heading', { name: 'Importer des dossiers' })).toBeVisible();
  await page.getByLabel('Fichier à importer').setInputFiles(file);

  await expect(page.getByText('structures-e2e.csv')).toBeVisible();
  await waitReady(page);
  await expect(page.getByLabel('Nouveaux : 2')).toBeVisible();
  await expect(page.getByLabel('Rejetés : 1')).toBeVisible();
  const rejected = page.getByTestId('rejected-rows').locator('tbody tr');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.first().locator('td').first()).toHaveText('4');

  await page.getByRole('button', { name: 'Importer 2 dossiers' }).click();

  await expect(page).toHaveURL(/#\/dossiers$/);
  await expect(page.getByText('Import terminé')).toBeVisible();
  await waitReady(page);
  await expect.poll(dossierTotal).toBe(total + 2);
});
