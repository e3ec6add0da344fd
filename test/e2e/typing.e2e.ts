// Typing as a person does, key by key, into the text fields that once blanked the app: the scoring
// comment (dossier and comparison drawer) and the grid name in Paramètres. Any page error fails.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { closeApp, openApp, startFirstProfile, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

let server: BrowserModeServer;
let page: Page;
const pageErrors: string[] = [];

const SENTENCE = 'Projet solide, à revoir avec la mairie.';

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await startFirstProfile(page, 'Nadia Roux', 'Membre du comité national');
  await page.getByRole('button', { name: 'Générer des données de démonstration' }).click();
  await expect(page.locator('tbody tr[data-dossier-id]')).toHaveCount(50, { timeout: 60_000 });
  await waitReady(page);
});

test.afterAll(() => closeApp(page, server));

test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

function origin(): string {
  return new URL(server.appUrl).origin;
}

test('the scoring comment of a dossier takes a sentence typed key by key', async () => {
  const id = Number(await page.locator('tbody tr[data-dossier-id]').first().getAttribute('data-dossier-id'));
  await page.goto(`${origin()}/#/dossiers/${id}`);
  await waitReady(page);
  const comment = page.getByRole('region', { name: 'Notation', exact: true }).getByLabel('Commentaire (facultatif)');
  await comment.pressSequentially(SENTENCE);
  await expect(comment).toHaveValue(SENTENCE);
  await expect(page.getByRole('region', { name: 'Notation', exact: true })).toBeVisible();
});

test('the scoring comment in the comparison drawer takes a sentence typed key by key', async () => {
  await page.goto(`${origin()}/#/dossiers`);
  await waitReady(page);
  const ids: string[] = [];
  for (const index of [0, 1]) ids.push((await page.locator('tbody tr[data-dossier-id]').nth(index).getAttribute('data-dossier-id')) ?? '');
  await page.goto(`${origin()}/#/comparaison?ids=${ids.join(',')}`);
  await waitReady(page);
  await page.getByRole('button', { name: 'Noter' }).first().click();
  const comment = page.getByRole('dialog').getByLabel('Commentaire (facultatif)');
  await comment.pressSequentially(SENTENCE);
  await expect(comment).toHaveValue(SENTENCE);
});

test('the grid name in Paramètres takes a name typed key by key', async () => {
  await page.goto(`${origin()}/#/parametres`);
  await waitReady(page);
  const name = page.getByLabel('Nom de la grille');
  await name.press('End');
  await name.pressSequentially(' 2027');
  await expect(name).toHaveValue(/ 2027$/);
});
