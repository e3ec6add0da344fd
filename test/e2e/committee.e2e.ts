// A committee session through the UI in browser mode: members and CUI subsidy in Paramètres, a
// numbered session, its agenda, presence below quorum refused, a recused member out of the vote
// base, a decision against the opinion refused without justification, live totals checked against
// a hand computation, closing, the minutes PDF, validation (read-only afterwards) and an amendment.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeApp, openApp, postApi, startFirstProfile, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

let server: BrowserModeServer;
let page: Page;

/** Screenshots go with the test results, and to COMMITTEE_SCREENS_DIR when set (for a human to look at). */
async function screenshot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const close = page.getByRole('button', { name: 'Fermer la notification' });
  while ((await close.count()) > 0) await close.first().click();
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  const dir = process.env.COMMITTEE_SCREENS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, `${name}.png`));
  }
}

/** Calls the backend as the page does, to set up what is not this test's subject and to check what is stored. */
const callApi = <T = unknown>(method: string, request: unknown) => postApi(page, method, request) as Promise<{ status: number; body: T }>;

function region(name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

const euros = (amount: number) => `${Math.trunc(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')}\u00a0€`;

interface Dossier {
  id: number;
  externalId: string;
  name: string | null;
  departmentCode: string;
  postsRequested: number;
  fields: { contractType: 'CDI' | 'CDD' | 'CONTRAT_PROJET' | 'CUI' | null; declaredAid: number | null };
}

const MEMBERS = [
  ['Anne Durand', 'ANCT'],
  ['Bruno Petit', 'Banque des Territoires'],
  ['Chloé Roux', 'DGE'],
  ['David Morel', 'Préfecture de région'],
  ['Émilie Bernard', 'ANCT'],
] as const;

const CUI_PER_POST = 25_000;
const PER_POST = { CDI: 40_000, CDD: 32_000, CONTRAT_PROJET: 40_000, CUI: CUI_PER_POST } as const;

/** The hand computation of one approval's subsidy: posts × amount per post, declared aid deducted, never below 0. */
function subsidy(dossier: Dossier, posts: number): number {
  const perPost = dossier.fields.contractType ? PER_POST[dossier.fields.contractType] : 0;
  const gross = perPost * posts;
  return Math.max(0, gross - Math.min(gross, dossier.fields.declaredAid ?? 0));
}

/** A: favourable, approved; B: favourable, Bruno recused, approved by a vote; C: unfavourable, approved (justified); D: favourable, refused (justified). */
let a: Dossier;
let b: Dossier;
let c: Dossier;
let d: Dossier;
let extra: Dossier;
let grantedBefore: { national: number; nationalTarget: number; byDepartment: Map<string, number>; targets: Map<string, number | null> };
let sessionId: number;

/** Brings an element's top just under the fixed header, so a screenshot shows it with what follows. */
async function scrollUnderHeader(locator: Locator): Promise<void> {
  await locator.evaluate((element) => {
    const view = globalThis as unknown as { scrollY: number; scrollTo: (options: { top: number }) => void };
    view.scrollTo({ top: element.getBoundingClientRect().top + view.scrollY - 72 });
  });
}

function agendaRow(dossier: Dossier): Locator {
  return page.locator(`tr[data-testid="agenda-row"][data-dossier-id="${dossier.id}"]`);
}

function openDetail(): Locator {
  return page.getByTestId('agenda-detail');
}

async function openItem(dossier: Dossier): Promise<Locator> {
  const row = agendaRow(dossier);
  if ((await row.getAttribute('data-open')) === null) await row.getByTestId('agenda-toggle').click();
  await expect(row).toHaveAttribute('data-open', 'true');
  const detail = openDetail();
  await expect(detail).toContainText(`ID ${dossier.externalId}`);
  return detail;
}

async function setPresence(name: string, presence: 'Présent' | 'Excusé' | 'Absent'): Promise<void> {
  const row = region('Présences').locator('tr', { hasText: name });
  await row.getByText(presence, { exact: true }).click();
  await expect(row.locator('input[type="radio"]:checked')).toHaveValue(presence === 'Présent' ? 'PRESENT' : presence === 'Excusé' ? 'EXCUSED' : 'ABSENT');
}

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
});

test.afterAll(() => closeApp(page, server));

test('a committee member sets up the members and the CUI subsidy in Paramètres', async () => {
  await startFirstProfile(page, 'Claire Martin', 'Membre du comité national');
  await expect(page.getByTestId('current-profile-name')).toHaveText('Claire Martin');
  await page.getByRole('button', { name: 'Générer des données de démonstration' }).click();
  await expect(page.locator('tbody tr[data-dossier-id]')).toHaveCount(50, { timeout: 60_000 });

  await page.getByRole('link', { name: 'Paramètres' }).click();
  await waitReady(page);
  const panel = region('Membres du comité');
  await expect(panel).toContainText('Aucun membre enregistré.');
  const add = panel.getByRole('form', { name: 'Ajouter un membre' });
  await add.getByRole('button', { name: 'Ajouter le membre' }).click();
  await expect(add.getByRole('alert')).toContainText('Indiquez le nom du membre');
  for (const [name, organisation] of MEMBERS) {
    await add.getByLabel('Nom').fill(name);
    await add.getByLabel('Organisation représentée').fill(organisation);
    await add.getByRole('button', { name: 'Ajouter le membre' }).click();
    await expect(panel.getByTestId('members-table')).toContainText(name);
  }
  // The same person twice is refused by the form before the backend sees it.
  await add.getByLabel('Nom').fill('anne durand');
  await add.getByLabel('Organisation représentée').fill('anct');
  await add.getByRole('button', { name: 'Ajouter le membre' }).click();
  await expect(add.getByRole('alert')).toContainText('figure déjà dans la liste des membres');
  await add.getByLabel('Nom').fill('');
  await add.getByLabel('Organisation représentée').fill('');
  // Renamed, then a sixth member deactivated: inactive members are not offered for new sessions.
  await panel.getByRole('button', { name: 'Modifier David Morel' }).click();
  const edit = panel.getByRole('form', { name: 'Modifier David Morel' });
  await edit.getByLabel('Organisation représentée').fill('Préfecture de région Occitanie');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(panel.getByTestId('members-table')).toContainText('Préfecture de région Occitanie');
  await add.getByLabel('Nom').fill('Fabien Garnier');
  await add.getByLabel('Organisation représentée').fill('Ancien membre');
  await add.getByRole('button', { name: 'Ajouter le membre' }).click();
  await panel.getByRole('switch', { name: 'Fabien Garnier : membre actif' }).click({ force: true });
  await expect(panel.locator('tr', { hasText: 'Fabien Garnier' })).toContainText('Inactif');

  const money = region('Subvention par poste');
  await expect(money.getByTestId('cui-per-post')).toHaveText('non configuré');
  await money.getByLabel('Subvention par poste CUI (€)').fill(String(CUI_PER_POST));
  await money.getByRole('button', { name: 'Enregistrer le montant' }).click();
  await expect(money.getByTestId('cui-per-post')).toHaveText(euros(CUI_PER_POST));
  const members = (await callApi<{ name: string; active: boolean }[]>('members:list', {})).body;
  expect(members.map((member) => [member.name, member.active])).toEqual(
    expect.arrayContaining([...MEMBERS.map(([name]) => [name, true]), ['Fabien Garnier', false]]),
  );
  await panel.scrollIntoViewIfNeeded();
  await screenshot('settings-members');
});

test('the dossiers to decide get a prefecture opinion (set up through the API)', async () => {
  const list = await callApi<{ rows: { id: number; departmentCode: string; postsRequested: number }[] }>('dossiers:list', { statuses: ['CREEE'], limit: 200 });
  const candidates = list.body.rows.filter((row) => row.postsRequested >= 2);
  // A and B in one department, C and D in two others, and one more dossier elsewhere for the picker.
  const counts = new Map<string, number>();
  for (const row of candidates) counts.set(row.departmentCode, (counts.get(row.departmentCode) ?? 0) + 1);
  const pairDepartment = [...counts.entries()].find(([, count]) => count >= 2)?.[0];
  expect(pairDepartment, 'the demo data has a department with two dossiers to decide').toBeDefined();
  const [first, second] = candidates.filter((row) => row.departmentCode === pairDepartment);
  const used = new Set([pairDepartment]);
  const pickElsewhere = () => {
    const row = candidates.find((candidate) => !used.has(candidate.departmentCode))!;
    used.add(row.departmentCode);
    return row;
  };
  const ids = [first!.id, second!.id, pickElsewhere().id, pickElsewhere().id, pickElsewhere().id];
  const get = async (id: number) => (await callApi<Dossier>('dossiers:get', { id })).body;
  [a, b, c, d, extra] = (await Promise.all(ids.map(get))) as [Dossier, Dossier, Dossier, Dossier, Dossier];

  const opinion = async (dossier: Dossier, kind: string, supported: number) => {
    const result = await callApi('opinions:record', { dossierId: dossier.id, opinion: kind, postsSupported: supported, comment: `Avis de test motivé pour ${dossier.externalId}.` });
    expect(result.status).toBe(200);
  };
  await opinion(a, 'FAVORABLE', 2);
  await opinion(b, 'FAVORABLE', 1);
  await opinion(c, 'DEFAVORABLE', 0);
  await opinion(d, 'FAVORABLE', 2);
  await opinion(extra, 'EXAMEN_COMPLEMENTAIRE', 0);

  // The national target spread over the departments, then A's department gets a target it will exceed.
  expect((await callApi('targets:distribute', { total: 4000 })).status).toBe(200);
  let stats = (await callApi<{ code: string; granted: number; target: number | null }[]>('stats:departments', {})).body;
  const target = stats.find((row) => row.code === a.departmentCode)!.granted + 1;
  expect((await callApi('targets:set', { departmentCode: a.departmentCode, target })).status).toBe(200);
  stats = (await callApi<{ code: string; granted: number; target: number | null }[]>('stats:departments', {})).body;
  grantedBefore = {
    national: stats.reduce((sum, row) => sum + row.granted, 0),
    nationalTarget: stats.reduce((sum, row) => sum + (row.target ?? 0), 0),
    byDepartment: new Map(stats.map((row) => [row.code, row.granted])),
    targets: new Map(stats.map((row) => [row.code, row.target])),
  };
});

test('a new session is created from the members list, and its agenda filled by filter and by picking', async () => {
  await page.getByRole('link', { name: 'Comités' }).click();
  await waitReady(page);
  await expect(page.getByText('Aucune séance : créez la première avec « Nouvelle séance »')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle séance' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle séance' });
  // Every active member is invited; the inactive one is not.
  await expect(form.getByTestId('quorum-preview')).toHaveText('3 présents requis sur 5 membres.');
  await form.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(form.getByRole('alert')).toContainText('Indiquez le numéro de la séance');
  await form.getByLabel('Numéro de la séance').fill('12');
  await form.getByLabel('Date').fill('2021-03-24');
  await form.getByLabel('Lieu ou lien de visioconférence').fill('ANCT, 20 avenue de Ségur, salle 4.12');
  await form.getByRole('combobox', { name: 'Présidence' }).click();
  await page.getByRole('option', { name: 'Anne Durand (ANCT)' }).click();
  await form.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(page.getByRole('heading', { name: 'Séance COSELEC 12' })).toBeVisible();
  await waitReady(page);
  sessionId = Number(new URL(page.url()).hash.split('/').pop());
  expect(sessionId).toBeGreaterThan(0);
  await expect(page.getByTestId('session-status')).toHaveText('Planifiée');
  await expect(page.getByTestId('quorum-statement')).toHaveText(/Quorum non atteint : 0 présent sur 5, 3 requis/);

  const adder = page.getByTestId('add-to-agenda');
  await expect(adder.getByLabel('Avis rendu et pas encore de décision')).toBeChecked();
  const departments = adder.getByRole('combobox', { name: 'Départements' });
  for (const code of [d.departmentCode, c.departmentCode, a.departmentCode]) {
    await departments.fill(code);
    await page.getByRole('option', { name: new RegExp(`^${code} – `) }).click();
  }
  await page.keyboard.press('Escape');
  await adder.getByRole('button', { name: 'Ajouter les dossiers correspondants' }).click();
  await expect(page.locator('tr[data-testid="agenda-row"]')).toHaveCount(4);

  // One more, picked by its ID, then taken off again.
  await page.getByRole('button', { name: 'Ajouter des dossiers' }).click();
  await adder.getByRole('combobox', { name: 'Dossier' }).fill(extra.externalId);
  await page.getByRole('option', { name: new RegExp(`^ID ${extra.externalId} – `) }).click();
  await adder.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click();
  await expect(page.locator('tr[data-testid="agenda-row"]')).toHaveCount(5);
  await agendaRow(extra).getByRole('button', { name: `Retirer le dossier ${extra.externalId} de l’ordre du jour` }).click();
  await expect(page.locator('tr[data-testid="agenda-row"]')).toHaveCount(4);
  await page.getByRole('button', { name: 'Ajouter des dossiers' }).click();
  await adder.getByRole('combobox', { name: 'Dossier' }).fill(extra.externalId);
  await page.getByRole('option', { name: new RegExp(`^ID ${extra.externalId} – `) }).click();
  await adder.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click();
  await expect(page.locator('tr[data-testid="agenda-row"]')).toHaveCount(5);

  // Ordered by department (the filter adds them that way): a row moved by hand, then the sort puts it back.
  const ids = async () => (await page.locator('tr[data-testid="agenda-row"]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-dossier-id')))));
  const sorted = [a, b, c, d, extra].sort((x, y) => (x.departmentCode < y.departmentCode ? -1 : x.departmentCode > y.departmentCode ? 1 : 0));
  const last = sorted[3]!;
  await agendaRow(last).getByRole('button', { name: `Monter le dossier ${last.externalId}` }).click();
  await expect.poll(ids).not.toEqual(sorted.map((entry) => entry.id));
  await page.getByRole('button', { name: 'Trier par département' }).click();
  await expect.poll(async () => (await ids()).map((id) => [a, b, c, d, extra].find((entry) => entry.id === id)!.departmentCode)).toEqual(sorted.map((entry) => entry.departmentCode));
  const stored = (await callApi<{ agenda: { dossierId: number }[] }>('sessions:get', { id: sessionId })).body.agenda.map((item) => item.dossierId);
  expect(stored).toEqual(await ids());

  // Keyboard: ↓ goes to the next dossier, Alt+↑ moves it up in the order, Entrée opens it.
  const rows = page.locator('tr[data-testid="agenda-row"]');
  const [firstId, secondId] = await ids();
  await rows.nth(0).getByTestId('agenda-toggle').focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1).getByTestId('agenda-toggle')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => (await ids()).slice(0, 2)).toEqual([secondId, firstId]);
  await expect.poll(async () => (await callApi<{ agenda: { dossierId: number }[] }>('sessions:get', { id: sessionId })).body.agenda[0]!.dossierId).toBe(secondId);
  await page.getByRole('button', { name: 'Trier par département' }).click();
  await expect.poll(async () => (await ids()).map((id) => [a, b, c, d, extra].find((entry) => entry.id === id)!.departmentCode)).toEqual(sorted.map((entry) => entry.departmentCode));

  // Bruno Petit declares a conflict of interest with B.
  const conflicts = region('Conflits d’intérêts');
  await conflicts.getByRole('button', { name: 'Déclarer un conflit' }).click();
  const declare = conflicts.getByRole('form', { name: 'Déclarer un conflit d’intérêts' });
  await declare.getByRole('combobox', { name: 'Membre' }).click();
  await page.getByRole('option', { name: 'Bruno Petit' }).click();
  await declare.getByRole('combobox', { name: 'Dossier de l’ordre du jour' }).click();
  await page.getByRole('option', { name: new RegExp(`^ID ${b.externalId} – `) }).click();
  await declare.getByLabel('Nature du lien').fill('Administrateur de la structure');
  await declare.getByRole('button', { name: 'Déclarer le conflit' }).click();
  await expect(conflicts.getByTestId('conflicts-table')).toContainText(`Bruno Petit – Dossier ID ${b.externalId}`);
  await expect(agendaRow(b)).toContainText('1 récusé');
});

test('decisions are refused below quorum, then recorded; a recused member leaves the vote base', async () => {
  await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('En cours');
  await setPresence('Anne Durand', 'Présent');
  await setPresence('Émilie Bernard', 'Excusé');
  await expect(page.getByTestId('quorum-statement')).toHaveText(/Quorum non atteint : 1 présent sur 5, 3 requis/);

  const versionBefore = (await callApi<{ decidedCount: number }>('sessions:get', { id: sessionId })).body.decidedCount;
  let detail = await openItem(a);
  await detail.getByRole('radio', { name: 'Accord' }).click();
  await expect(detail.getByLabel('Postes accordés')).toHaveValue('2');
  await detail.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(detail.getByRole('alert').filter({ hasText: 'Décision refusée' })).toContainText('Quorum non atteint pour la séance COSELEC 12 : 1 membre présent sur 5, 3 requis.');
  expect((await callApi<{ decidedCount: number }>('sessions:get', { id: sessionId })).body.decidedCount).toBe(versionBefore);

  await setPresence('Bruno Petit', 'Présent');
  await setPresence('Chloé Roux', 'Présent');
  await setPresence('David Morel', 'Présent');
  await expect(page.getByTestId('quorum-statement')).toHaveText(/Quorum atteint : 4 présents sur 5, 3 requis/);

  detail = await openItem(a);
  await detail.getByRole('radio', { name: 'Accord' }).click();
  await detail.getByLabel('Postes accordés').fill('2');
  await detail.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(agendaRow(a).getByTestId('decision-badge')).toHaveText('Accord · 2 postes');
  // The next dossier to decide opens by itself, its decision choices focused.
  await expect(agendaRow(a)).not.toHaveAttribute('data-open', 'true');
  await expect(page.locator('tr[data-testid="agenda-row"][data-open]')).toHaveCount(1);
  await expect(openDetail().getByRole('radio').first()).toBeFocused();

  // B: Bruno Petit is recused, the vote base is the 3 other members present.
  detail = await openItem(b);
  await expect(detail.getByTestId('recused-members')).toHaveText('Bruno Petit');
  await detail.getByRole('radio', { name: 'Accord' }).click();
  await expect(detail.getByLabel('Postes accordés')).toHaveValue('1');
  await detail.getByLabel('Vote formel (pour, contre, abstention)').check();
  await expect(detail.getByTestId('vote-base')).toContainText('Base de vote : 3 membres présents, hors 1 récusé');
  await detail.getByLabel('Pour', { exact: true }).fill('4');
  await detail.getByLabel('Contre', { exact: true }).fill('0');
  await detail.getByLabel('Abstention', { exact: true }).fill('0');
  await detail.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(detail.getByRole('alert')).toContainText('4 voix exprimées pour une base de vote de 3');
  await detail.getByLabel('Pour', { exact: true }).fill('2');
  await detail.getByLabel('Abstention', { exact: true }).fill('1');
  await detail.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(agendaRow(b).getByTestId('decision-badge')).toHaveText('Accord · 1 poste');
  const decisions = (await callApi<{ dossierId: number; voteBase: number; recusedMemberIds: number[]; vote: unknown }[]>('decisions:list', { sessionId })).body;
  const onB = decisions.find((entry) => entry.dossierId === b.id)!;
  expect(onB.voteBase).toBe(3);
  expect(onB.recusedMemberIds).toHaveLength(1);
  expect(onB.vote).toEqual({ for: 2, against: 0, abstain: 1 });
});

test('a decision against the opinion needs a justification; the totals match a hand computation', async () => {
  // C: unfavourable opinion, approved by the committee.
  let detail = await openItem(c);
  await detail.getByRole('radio', { name: 'Accord' }).click();
  await detail.getByLabel('Postes accordés').fill('1');
  await expect(detail.getByLabel('Justification de l’écart avec l’avis de la préfecture')).toBeVisible();
  await detail.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(detail.getByRole('alert')).toContainText('La décision s’écarte de l’avis de la préfecture (avis défavorable) : justifiez-la');
  // The backend refuses it too, and nothing is stored.
  const refused = await callApi<{ message: string }>('decisions:record', { sessionId, dossierId: c.id, decision: 'POSITIF', postsGranted: 1, comment: '' });
  expect(refused.status).toBeGreaterThanOrEqual(400);
  expect(refused.body.message).toContain('justifiez-la');
  expect((await callApi<{ dossierId: number }[]>('decisions:list', { sessionId })).body.map((entry) => entry.dossierId)).not.toContain(c.id);
  await detail.getByLabel('Justification de l’écart avec l’avis de la préfecture').fill('Seule structure de médiation numérique du canton, besoin confirmé en séance.');
  await detail.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(agendaRow(c).getByTestId('decision-badge')).toHaveText('Accord · 1 poste');

  // D: favourable opinion, refused with grounds, a comment and a justification (Ctrl+Entrée records it).
  detail = await openItem(d);
  await detail.getByRole('radio', { name: 'Refus' }).click();
  await detail.getByLabel('Répartition des postes au sein du département').check();
  await detail.getByLabel('Équilibre entre départements au regard de leurs besoins et de leurs dotations').check();
  await detail.getByLabel('Commentaire du refus').fill('Le département a déjà atteint sa dotation.');
  await detail.getByLabel('Justification de l’écart avec l’avis de la préfecture').fill('Arbitrage national entre départements.');
  await scrollUnderHeader(agendaRow(d));
  await screenshot('live-session-decision');
  await detail.getByLabel('Commentaire du refus').press('Control+Enter');
  await expect(agendaRow(d).getByTestId('decision-badge')).toHaveText('Refus');

  // The extra dossier goes to further review, as its opinion asks: no justification needed.
  detail = await openItem(extra);
  await detail.getByRole('radio', { name: 'Examen complémentaire' }).click();
  await expect(detail.getByLabel('Justification de l’écart avec l’avis de la préfecture')).toHaveCount(0);
  await detail.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(agendaRow(extra).getByTestId('decision-badge')).toHaveText('Examen compl.');
  await expect(page.getByTestId('agenda-count')).toHaveText('5 décidés sur 5');

  // Hand computation from the dossiers' contract types and declared aid.
  const granted = [
    [a, 2],
    [b, 1],
    [c, 1],
  ] as const;
  const posts = granted.reduce((sum, [, count]) => sum + count, 0);
  const money = granted.reduce((sum, [dossier, count]) => sum + subsidy(dossier, count), 0);
  const totals = page.getByTestId('session-totals');
  await expect(totals.getByTestId('totals-posts')).toHaveText(String(posts));
  await expect(totals.getByTestId('totals-decided')).toHaveText('5 / 5');
  await expect(totals.getByTestId('totals-approved')).toHaveText('3');
  await expect(totals.getByTestId('totals-refused')).toHaveText('1');
  await expect(totals.getByTestId('totals-further')).toHaveText('1');
  await expect(totals.getByTestId('totals-subsidy')).toHaveText(euros(money));
  await expect(totals.getByTestId('totals-national')).toHaveText(`${(grantedBefore.national + posts).toLocaleString('fr-FR')} / ${grantedBefore.nationalTarget.toLocaleString('fr-FR')} postes`);
  const inA = granted.filter(([dossier]) => dossier.departmentCode === a.departmentCode).reduce((sum, [, count]) => sum + count, 0);
  const rowA = totals.locator(`tr[data-department="${a.departmentCode}"]`);
  await expect(rowA).toHaveAttribute('data-over', 'true');
  await expect(rowA).toContainText(`+${inA}`);
  await expect(rowA).toContainText(`${grantedBefore.byDepartment.get(a.departmentCode)! + inA} / ${grantedBefore.targets.get(a.departmentCode)}`);
  await expect(totals.locator(`tr[data-department="${c.departmentCode}"]`)).not.toHaveAttribute('data-over', 'true');

  await openItem(c);
  await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
  await screenshot('live-session-totals');
  await agendaRow(c).getByTestId('agenda-toggle').click();
  await page.getByRole('region', { name: 'Ordre du jour' }).scrollIntoViewIfNeeded();
  await screenshot('agenda-decisions');
});

test('the minutes are completed, the session closed, the PDF downloaded, then validated and read-only', async () => {
  await page.getByRole('tab', { name: 'Procès-verbal' }).click();
  const preview = page.getByTestId('minutes-preview');
  await preview.getByRole('textbox', { name: 'Ouverture de la séance' }).fill('La séance est ouverte à 10 h par la présidente.');
  await page.getByRole('button', { name: 'Enregistrer les sections' }).click();
  await expect(page.getByRole('button', { name: 'Enregistrer les sections' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Valider le PV' })).toBeDisabled();
  await expect(preview.getByTestId('minutes-decisions')).toContainText(`ID ${c.externalId}`);
  await expect(preview).toContainText('Récusé(s) : Bruno Petit');
  await screenshot('minutes-tab');

  await page.getByRole('button', { name: 'Clore la séance' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clore la séance' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('Close');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le PV (PDF)' }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const dossier of [a, b, c, d, extra]) expect(text).toContain(dossier.externalId);

  await page.getByRole('button', { name: 'Valider le PV' }).click();
  const modal = page.getByRole('dialog');
  await expect(modal).toContainText('lecture seule');
  await modal.getByRole('button', { name: 'Valider et sceller le PV' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('PV validé');
  const hash = (await page.getByTestId('minutes-hash').textContent()) ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const sealedPdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le PV (PDF)' }).click();
  expect(execFileSync('pdftotext', [await (await sealedPdf).path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(hash);

  // Read-only everywhere: no section editing, no agenda or presence controls, no decision form.
  await expect(preview.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Séance' }).click();
  await expect(page.getByTestId('sealed-banner')).toContainText('lecture seule');
  await expect(page.getByRole('button', { name: 'Ajouter des dossiers' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clore la séance' })).toHaveCount(0);
  await expect(region('Présences').locator('input[type="radio"]')).toHaveCount(0);
  const detail = await openItem(a);
  await expect(detail.getByTestId('decision-form')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Modifier la décision' })).toHaveCount(0);
  await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
  await screenshot('session-sealed');
  const before = (await callApi('decisions:list', { sessionId })).body;
  const attempt = await callApi<{ message: string }>('decisions:record', { sessionId, dossierId: a.id, decision: 'NEGATIF', grounds: ['BESOINS'], comment: 'Tentative après scellement.', justification: 'Tentative après scellement.' });
  expect(attempt.status).toBeGreaterThanOrEqual(400);
  expect(attempt.body.message).toContain('lecture seule');
  expect((await callApi('decisions:list', { sessionId })).body).toEqual(before);
});

test('a correction goes through an amendment, shown on the minutes and the dossier', async () => {
  await page.getByRole('tab', { name: 'Procès-verbal' }).click();
  await page.getByRole('button', { name: 'Amender' }).click();
  const form = page.getByRole('form', { name: 'Amendement au procès-verbal' });
  await form.getByRole('combobox', { name: 'Corriger la décision du dossier' }).click();
  await page.getByRole('option', { name: new RegExp(`^ID ${a.externalId} – `) }).click();
  await form.getByLabel('Postes accordés').fill('1');
  await form.getByRole('button', { name: 'Enregistrer l’amendement' }).click();
  await expect(form.getByRole('alert')).toContainText('Indiquez le motif de l’amendement');
  await form.getByLabel('Motif de l’amendement').fill('Erreur matérielle : un seul poste accordé en séance.');
  await form.getByRole('button', { name: 'Enregistrer l’amendement' }).click();
  await expect(page.getByTestId('amendment')).toContainText(`Décisions corrigées : ID ${a.externalId}`);

  await page.getByRole('tab', { name: 'Historique' }).click();
  await expect(page.getByTestId('session-history')).toContainText('Présence de Anne Durand');
  await expect(page.getByTestId('session-history')).toContainText(`Décision sur le dossier ${a.externalId}`);
  await screenshot('session-history');

  await page.getByRole('link', { name: 'Toutes les séances' }).click();
  await waitReady(page);
  await expect(page.locator(`tr[data-session-id="${sessionId}"]`)).toContainText('PV validé');
  await screenshot('sessions-list');

  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers/${c.id}`);
  await waitReady(page);
  const decisions = region('Décisions du comité');
  await expect(decisions).toContainText('COSELEC 12');
  await expect(decisions.getByTestId('committee-decision-details')).toContainText('Écart avec l’avis de la préfecture : Seule structure de médiation numérique du canton');
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers/${a.id}`);
  await waitReady(page);
  await expect(region('Décisions du comité').getByTestId('committee-decision-details').last()).toContainText('Correction par amendement');
  await scrollUnderHeader(region('Décisions du comité'));
  await screenshot('dossier-committee-decisions');
});

test('a dossier sent to further review comes back on the next session’s agenda by itself', async () => {
  await page.goto(`${new URL(server.appUrl).origin}/#/comites`);
  await waitReady(page);
  await page.getByRole('button', { name: 'Nouvelle séance' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle séance' });
  await form.getByLabel('Numéro de la séance').fill('12bis');
  await form.getByLabel('Date').fill('2021-03-31');
  await form.getByLabel('Lieu ou lien de visioconférence').fill('https://visio.example.fr/coselec');
  await form.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(page.getByRole('heading', { name: 'Séance COSELEC 12bis' })).toBeVisible();
  await waitReady(page);
  await expect(page.locator('tr[data-testid="agenda-row"]')).toHaveCount(1);
  await expect(agendaRow(extra)).toContainText('revient de la séance 12');
});

test('a prefecture agent sees the sessions listed, not their agenda, and the decisions on their dossiers', async () => {
  expect((await callApi('profile:save', { name: 'Paul Préfecture', role: 'PREFECTURE', departments: [c.departmentCode] })).status).toBe(200);
  await page.goto(`${new URL(server.appUrl).origin}/#/comites`);
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('current-profile-name')).toHaveText('Paul Préfecture');
  await expect(page.getByText('réservé aux membres du comité national')).toBeVisible();
  await expect(page.locator(`tr[data-session-id="${sessionId}"]`)).toContainText('COSELEC 12');
  await expect(page.getByRole('button', { name: 'Nouvelle séance' })).toHaveCount(0);
  await page.goto(`${new URL(server.appUrl).origin}/#/dossiers/${c.id}`);
  await waitReady(page);
  await expect(region('Décisions du comité').getByTestId('committee-decision-details')).toContainText('Écart avec l’avis de la préfecture');
  await expect(region('Décisions du comité').getByRole('link', { name: 'Voir la séance' })).toHaveCount(0);
});
