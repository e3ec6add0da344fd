// Prefecture review through the UI in browser mode: profiles, scoring by two reviewers, opinion
// versions, refusal of a short justification, comparison, bulk opinion and department ranking.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { closeApp, fillProfile, openApp, postApi, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

let server: BrowserModeServer;
let page: Page;
/** The dossier both reviewers score and whose opinion changes twice. */
let dossierX: { id: number; name: string; department: string };

// Weights of the default grid (shared/domain/review.ts DEFAULT_GRID), in the order shown.
const WEIGHTS = [3, 2, 2, 2, 1.5, 1];
const SCORES_A: (number | null)[] = [4, 3, 5, 2, null, 3];
const SCORES_B: (number | null)[] = [2, 4, 3, 3, 5, 1];

/** The hand computation: assessed criteria only, weights renormalised. */
function weightedMean(values: (number | null)[]): number {
  let sum = 0;
  let weights = 0;
  values.forEach((value, index) => {
    if (value === null) return;
    sum += WEIGHTS[index]! * value;
    weights += WEIGHTS[index]!;
  });
  return sum / weights;
}

const frenchScore = (value: number) => value.toFixed(2).replace('.', ',');

/** Screenshots go with the test results, and to REVIEW_SCREENS_DIR when set (for a human to look at). */
async function screenshot(name: string): Promise<void> {
  const close = page.getByRole('button', { name: 'Fermer la notification' });
  while ((await close.count()) > 0) await close.first().click();
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  const dir = process.env.REVIEW_SCREENS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, `${name}.png`));
  }
}

/** Brings a card's top just under the fixed header, so a screenshot shows its title. */
async function scrollToTop(locator: Locator): Promise<void> {
  await locator.evaluate((element) => {
    const view = globalThis as unknown as { scrollY: number; scrollTo: (options: { top: number }) => void };
    view.scrollTo({ top: element.getBoundingClientRect().top + view.scrollY - 72 });
  });
}

function rows(): Locator {
  return page.locator('tbody tr[data-dossier-id]');
}

function section(name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

async function openDossier(id: number): Promise<void> {
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers/${id}`);
  await waitReady(page);
  await expect(section('Notation').getByRole('radiogroup').first()).toBeVisible();
}

async function score(values: (number | null)[]): Promise<void> {
  const groups = section('Notation').getByRole('radiogroup');
  await expect(groups).toHaveCount(values.length);
  for (const [index, value] of values.entries()) {
    await groups.nth(index).getByRole('radio', { name: value === null ? 'Non évaluable' : String(value), exact: true }).check();
  }
}

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
});

test.afterAll(() => closeApp(page, server));

test('the first start asks who the user is, then shows the empty database', async () => {
  await waitReady(page);
  await expect(page.getByRole('heading', { name: 'Qui êtes-vous ?' })).toBeVisible();

  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByText('Indiquez votre nom.')).toBeVisible();

  await fillProfile(page, 'Claire Martin', 'Agent de préfecture');
  const departments = page.getByRole('combobox', { name: 'Département(s) instruit(s)' });
  await departments.fill('Bouches');
  await page.getByRole('option', { name: '13 – Bouches-du-Rhône' }).click();
  await page.keyboard.press('Escape');
  await screenshot('first-start-profile');
  await fillProfile(page, 'Claire Martin', 'Membre du comité national');
  await expect(departments).toBeHidden();

  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByTestId('current-profile-name')).toHaveText('Claire Martin');
  await waitReady(page);
  await page.getByRole('button', { name: 'Générer des données de démonstration' }).click();
  await expect(rows()).toHaveCount(50, { timeout: 60_000 });
  await waitReady(page);
  await expect(page.getByRole('columnheader', { name: /Avis/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Note :/ })).toBeVisible();
});

test('two reviewers score the same dossier: the aggregate is the mean of their weighted means', async () => {
  const first = rows().first();
  dossierX = {
    id: Number(await first.getAttribute('data-dossier-id')),
    name: ((await first.locator('td').nth(2).textContent()) ?? '').trim(),
    department: '',
  };
  await openDossier(dossierX.id);
  const detail = (await postApi(page, 'dossiers:get', { id: dossierX.id })).body as { departmentCode: string };
  dossierX.department = detail.departmentCode;

  await score(SCORES_A);
  await section('Notation').getByRole('button', { name: 'Enregistrer ma notation' }).click();
  await expect(section('Notation').getByText(/Vous avez noté ce dossier/)).toBeVisible();
  await expect(page.getByTestId('aggregate-score')).toContainText(frenchScore(weightedMean(SCORES_A)));

  // Second reviewer on the same machine.
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await waitReady(page);
  await page.getByRole('button', { name: 'Créer un autre profil' }).click();
  await fillProfile(page, 'Bruno Petit', 'Membre du comité national');
  await page.getByRole('button', { name: 'Créer et utiliser ce profil' }).click();
  await expect(page.getByTestId('current-profile-name')).toHaveText('Bruno Petit');

  await openDossier(dossierX.id);
  await score(SCORES_B);
  await expect(section('Notation').getByText(`Votre moyenne pondérée : ${frenchScore(weightedMean(SCORES_B))}`)).toBeVisible();
  await scrollToTop(section('Notation'));
  await screenshot('scoring-form');
  await section('Notation').getByRole('button', { name: 'Enregistrer ma notation' }).click();

  const meanA = weightedMean(SCORES_A);
  const meanB = weightedMean(SCORES_B);
  const aggregate = (meanA + meanB) / 2;
  await expect(page.getByTestId('reviewer-mean')).toHaveText([frenchScore(meanA), frenchScore(meanB)]);
  await expect(page.getByTestId('aggregate-score')).toContainText(frenchScore(aggregate));
  await expect(page.getByTestId('score-spread')).toHaveText(frenchScore(Math.abs(meanA - meanB) / 2));
  await screenshot('scoring-two-reviewers');
});

test('an opinion changed twice keeps its three versions', async () => {
  const card = section('Avis de la préfecture');
  const comments = [
    'Projet pertinent : aucune médiation numérique à moins de 20 km.',
    'Après vérification, la structure ne peut pas recruter dans les trois mois.',
    'Le recrutement reste à confirmer avec la commune : à revoir en séance.',
  ];
  await card.getByRole('radio', { name: 'Favorable', exact: true }).click();
  await card.getByLabel('Justification').fill(comments[0]!);
  await card.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(card.getByTestId('current-opinion')).toContainText('Favorable');

  await card.getByRole('button', { name: 'Modifier l’avis' }).click();
  await card.getByRole('radio', { name: 'Défavorable' }).click();
  await card.getByLabel('Justification').fill(comments[1]!);
  await card.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await expect(card.getByTestId('current-opinion')).toContainText('Défavorable');

  await card.getByRole('button', { name: 'Modifier l’avis' }).click();
  await card.getByRole('radio', { name: 'Examen complémentaire' }).click();
  await card.getByLabel('Justification').fill(comments[2]!);
  await card.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await expect(card.getByTestId('current-opinion')).toContainText('Examen complémentaire');

  const versions = card.getByTestId('opinion-version');
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText('Version 3');
  await expect(versions.nth(0)).toContainText('Avis : Défavorable → Examen complémentaire');
  await expect(versions.nth(1)).toContainText('Avis : Favorable → Défavorable');
  await expect(versions.nth(2)).toContainText('Premier avis');
  for (const [index, comment] of [...comments].reverse().entries()) await expect(versions.nth(index)).toContainText(comment);
  await expect(versions.nth(0)).toContainText('Bruno Petit');

  const history = (await postApi(page, 'opinions:history', { dossierId: dossierX.id })).body as { version: number }[];
  expect(history.map((entry) => entry.version)).toEqual([3, 2, 1]);
  await scrollToTop(card);
  await screenshot('opinion-history');
});

test('a 9-character justification is refused in French and nothing is stored', async () => {
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers`);
  await waitReady(page);
  const other = Number(await rows().nth(1).getAttribute('data-dossier-id'));
  await openDossier(other);
  const card = section('Avis de la préfecture');
  await card.getByRole('radio', { name: 'Favorable', exact: true }).click();
  await card.getByLabel('Justification').fill('Incomplet');
  await expect(card.getByTestId('comment-counter')).toHaveText('9 / 1 000 caractères · encore 1 au minimum');
  await card.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(card.getByRole('alert')).toContainText('Le commentaire justifiant l’avis doit compter au moins 10 caractères (9 saisis).');

  expect((await postApi(page, 'opinions:history', { dossierId: other })).body).toEqual([]);
  // The backend refuses it too, whatever the client.
  const refused = await postApi(page, 'opinions:record', { dossierId: other, opinion: 'FAVORABLE', postsSupported: 1, comment: 'Incomplet' });
  expect(refused.status).toBeGreaterThanOrEqual(400);
  expect(JSON.stringify(refused.body)).toContain('au moins 10 caractères');
  expect((await postApi(page, 'opinions:history', { dossierId: other })).body).toEqual([]);
});

test('three dossiers ticked in the list open side by side, with keyboard navigation', async () => {
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers`);
  await waitReady(page);
  const ids: number[] = [];
  for (const index of [0, 1, 2]) {
    const row = rows().nth(index);
    ids.push(Number(await row.getAttribute('data-dossier-id')));
    await row.getByRole('checkbox').check();
  }
  await expect(page.getByTestId('selection-bar')).toContainText('3 dossiers sélectionnés');
  await page.getByRole('button', { name: 'Comparer (2 à 4)' }).click();

  await expect(page).toHaveURL(new RegExp(`#/comparaison\\?ids=${ids.join(',')}$`));
  await waitReady(page);
  await expect(page.getByTestId('comparison-column')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Comparaison de 3 dossiers' })).toBeVisible();
  await expect(page.locator('tr[data-differs]').first()).toBeVisible();
  await expect(page.getByTestId('row-aggregate').locator('td').first()).toContainText(frenchScore((weightedMean(SCORES_A) + weightedMean(SCORES_B)) / 2));
  await expect(page.getByTestId('row-opinion').locator('td').first()).toContainText('Examen complémentaire');

  await page.getByTestId('comparison-column').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('comparison-column').nth(1)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('radio', { name: 'Favorable', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('comparison-column').nth(1)).toBeFocused();
  await screenshot('comparison-keyboard');
});

test('a bulk opinion is confirmed on the list, then the department is ranked against its target', async () => {
  // Favourable opinions on the whole department at once.
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers`);
  await waitReady(page);
  await page.getByRole('combobox', { name: 'Département' }).fill(dossierX.department);
  await page.getByRole('option', { name: new RegExp(`^${dossierX.department} – `) }).click();
  await page.keyboard.press('Escape');
  await waitReady(page);
  const count = await rows().count();
  expect(count).toBeGreaterThan(1);
  // The selection outlives filters and pages: start from an empty one.
  await page.getByRole('button', { name: 'Désélectionner' }).click();
  await page.getByRole('checkbox', { name: 'Sélectionner tous les dossiers de la page' }).check();
  await expect(page.getByTestId('selection-bar')).toContainText(`${count} dossiers sélectionnés`);
  await page.getByRole('button', { name: 'Avis groupé…' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('radio', { name: 'Favorable', exact: true }).check();
  await modal.getByLabel('Justification commune').fill('Besoins avérés dans tout le département, offre existante insuffisante.');
  await modal.getByRole('button', { name: 'Vérifier avant d’enregistrer' }).click();
  const summary = modal.getByTestId('bulk-summary');
  await expect(summary).toContainText(`${count} dossiers`);
  await expect(modal.locator('tbody tr')).toHaveCount(count);
  const posts = Number(/total de (\d+) postes? soutenus?/.exec((await summary.textContent()) ?? '')?.[1]);
  expect(posts).toBeGreaterThan(0);
  await modal.getByRole('button', { name: /^Confirmer/ }).click();
  await expect(modal).toBeHidden();
  await expect(rows().first().locator('td').filter({ hasText: 'Favorable' })).toBeVisible();
  const stored = (await postApi(page, 'departments:totals', { departmentCode: dossierX.department })).body as { favourable: number; postsSupported: number };
  expect(stored).toMatchObject({ favourable: count, postsSupported: posts });

  // A target below what the opinions support, set by the committee.
  const target = Math.ceil(posts / 2);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await waitReady(page);

  // On the way: a weight of -1 in the grid is refused in French, and no version is added.
  const grid = section('Grille de notation');
  await grid.getByRole('textbox', { name: /^Poids du critère Besoins/ }).fill('-1');
  await grid.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await expect(grid.getByRole('alert')).toContainText('doit être un nombre strictement positif (-1 saisi)');
  expect(((await postApi(page, 'grids:list', {})).body as unknown[]).length).toBe(1);
  const refusedGrid = await postApi(page, 'grids:save', { name: 'Grille', scaleMin: 0, scaleMax: 5, criteria: [{ key: 'a', label: 'A', description: '', weight: -1 }] });
  expect(JSON.stringify(refusedGrid.body)).toContain('strictement positif');
  expect(((await postApi(page, 'grids:list', {})).body as unknown[]).length).toBe(1);
  await grid.getByRole('button', { name: 'Annuler les modifications' }).click();

  const targets = section('Objectifs de postes par département');
  await targets.getByRole('combobox', { name: 'Département' }).fill(dossierX.department);
  await page.getByRole('option', { name: new RegExp(`^${dossierX.department} – `) }).click();
  await targets.getByRole('textbox', { name: 'Objectif (postes)' }).fill(String(target));
  await targets.getByRole('button', { name: 'Enregistrer l’objectif' }).click();
  await expect(targets.getByText(new RegExp(`Actuellement : ${target} postes?`))).toBeVisible();

  // The ranking shows the running total against the target; a move is saved.
  await page.goto(`${new URL(server.appUrl).origin}/#/classement?departement=${dossierX.department}`);
  await waitReady(page);
  const ranking = page.getByTestId('ranking-row');
  await expect(ranking).toHaveCount(count);
  await expect(ranking.last().getByTestId('ranking-cumulative')).toHaveText(String(posts));
  await expect(page.locator('[data-testid="ranking-row"][data-over]').first()).toBeVisible();
  // Dragging the last row onto the top half of the first puts it first; the buttons move it back.
  const last = await ranking.last().getAttribute('data-dossier-id');
  await ranking.last().dragTo(ranking.first(), { targetPosition: { x: 300, y: 4 } });
  await expect(ranking.first()).toHaveAttribute('data-dossier-id', last ?? '');
  await page.getByRole('button', { name: 'Annuler les changements' }).click();
  await expect(ranking.last()).toHaveAttribute('data-dossier-id', last ?? '');

  const second = await ranking.nth(1).getAttribute('data-dossier-id');
  await ranking.nth(1).getByRole('button', { name: /^Monter le dossier/ }).click();
  await expect(ranking.first()).toHaveAttribute('data-dossier-id', second ?? '');
  await expect(ranking.first().getByRole('button', { name: /^Descendre le dossier/ })).toBeFocused();
  await expect(page.getByText('Modifications non enregistrées')).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer le classement' }).click();
  await expect(page.getByText('Modifications non enregistrées')).toBeHidden();
  const saved = (await postApi(page, 'ranking:get', { departmentCode: dossierX.department })).body as { entries: { dossierId: number }[] };
  expect(String(saved.entries[0]?.dossierId)).toBe(second);
  await screenshot('ranking');

  // The department's top three side by side, as a prefecture would compare them.
  const top = saved.entries.slice(0, 3).map((entry) => entry.dossierId);
  await page.goto(`${new URL(server.appUrl).origin}/#/comparaison?ids=${top.join(',')}`);
  await waitReady(page);
  await expect(page.getByTestId('comparison-column')).toHaveCount(3);
  await expect(page.getByTestId('row-opinion').locator('td')).toHaveText([/Favorable/, /Favorable/, /Favorable/]);
  await screenshot('comparison-3-dossiers');
});

test('a prefecture agent sees only their department, with its totals always in sight', async () => {
  const page1 = (await postApi(page, 'dossiers:list', { limit: 50 })).body as { rows: { id: number; departmentCode: string }[] };
  const elsewhereId = page1.rows.find((row) => row.departmentCode !== dossierX.department)!.id;
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await waitReady(page);
  await page.getByRole('button', { name: 'Créer un autre profil' }).click();
  await fillProfile(page, 'Agnès Roux', 'Agent de préfecture');
  await page.getByRole('combobox', { name: 'Département(s) instruit(s)' }).fill(dossierX.department);
  await page.getByRole('option', { name: new RegExp(`^${dossierX.department} – `) }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Créer et utiliser ce profil' }).click();
  await expect(page.getByTestId('current-profile-name')).toHaveText('Agnès Roux');

  const totals = (await postApi(page, 'departments:totals', { departmentCode: dossierX.department })).body as { postsSupported: number; dossiers: number };
  await expect(page.getByTestId(`totals-${dossierX.department}-supported`)).toContainText(`${totals.postsSupported} /`);

  await page.getByRole('link', { name: 'Dossiers' }).click();
  await waitReady(page);
  await expect(rows()).toHaveCount(totals.dossiers);
  await expect(page.getByTestId('dossier-counts')).toContainText(`${totals.dossiers} dossiers`);
  await screenshot('dossier-list-prefecture');

  // Out of scope: refused by the backend with a French message, shown as is.
  const elsewhere = (await postApi(page, 'dossiers:get', { id: elsewhereId })).body as { code?: string };
  expect(elsewhere.code).toBe('OUT_OF_SCOPE');
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers/${elsewhereId}`);
  await waitReady(page);
  await expect(page.getByRole('alert')).toContainText('hors de votre périmètre');

  await page.getByRole('link', { name: 'Classement' }).click();
  await waitReady(page);
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`Classement des dossiers – ${dossierX.department} – `);
});
