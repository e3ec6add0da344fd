// Issue 11 in the UI: the agenda shows each item's eligibility (éligible / à vérifier / non
// éligible), and approving a dossier that is not eligible asks for « Justification de la
// dérogation », which the decision summary then shows. The session is then sealed and the commune
// re-imported with another contract and declared aid: the session page flags the change and keeps
// the frozen figures, and « Vérifier l’intégrité » in Paramètres is green. Screenshots at 1280×720
// and 1440×900.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { closeApp, openApp, postApi, startFirstProfile, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

let server: BrowserModeServer;
let page: Page;
let sessionId: number;
const ids: Record<string, number> = {};

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/** Screenshots go with the test results, and to ELIGIBILITY_SCREENS_DIR when set (for a human to look at). */
async function screenshot(name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  const dir = process.env.ELIGIBILITY_SCREENS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, `${name}.png`));
  }
}

const callApi = <T = unknown>(method: string, request: unknown) => postApi(page, method, request) as Promise<{ status: number; body: T }>;

const DOSSIERS = [
  { externalId: 'E-COMMUNE', name: 'Commune de Tende', legalForm: 'Commune et commune nouvelle', departmentCode: '06', postsRequested: 2, contractType: 'CDI' },
  { externalId: 'E-CDD19', name: 'Association Roya Numérique', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 1, contractType: 'CDD', contractMonths: 19 },
  { externalId: 'E-OK', name: 'Centre social des Moulins', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 3, contractType: 'CDI' },
];

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
});

test.afterAll(() => closeApp(page, server));

test('a session in progress with a commune, a 19-month CDD and an eligible association (set up through the API)', async () => {
  await startFirstProfile(page, 'Claire Martin', 'Membre du comité national');
  const data = { $bytes: Buffer.from(JSON.stringify(DOSSIERS)).toString('base64') };
  const preview = await callApi<{ token: string }>('import:preview', { fileName: 'eligibilite.json', data });
  expect(preview.status).toBe(200);
  expect((await callApi('import:commit', { token: preview.body.token })).status).toBe(200);
  const list = await callApi<{ rows: { id: number; externalId: string }[] }>('dossiers:list', { limit: 50 });
  for (const row of list.body.rows) ids[row.externalId] = row.id;
  for (const d of DOSSIERS) {
    const result = await callApi('opinions:record', { dossierId: ids[d.externalId], opinion: 'FAVORABLE', postsSupported: d.postsRequested, comment: `Avis favorable motivé pour ${d.externalId}.` });
    expect(result.status).toBe(200);
  }
  const members: number[] = [];
  for (const [name, organisation] of [['Anne Durand', 'ANCT'], ['Bruno Petit', 'Banque des Territoires'], ['Chloé Roux', 'DGE']]) {
    members.push((await callApi<{ id: number }>('members:save', { name, organisation, active: true })).body.id);
  }
  const session = await callApi<{ id: number }>('sessions:save', { number: '14', date: '2021-05-06', place: 'ANCT, Paris', chairId: members[0], memberIds: members });
  sessionId = session.body.id;
  for (const memberId of members) await callApi('sessions:setPresence', { sessionId, memberId, presence: 'PRESENT' });
  expect((await callApi('agenda:add', { sessionId, dossierIds: DOSSIERS.map((d) => ids[d.externalId]) })).status).toBe(200);
  expect((await callApi('sessions:setStatus', { sessionId, status: 'IN_PROGRESS' })).status).toBe(200);
  // The backend refuses the approval of the commune without a derogation, naming it.
  const refused = await callApi<{ message: string }>('decisions:record', { sessionId, dossierId: ids['E-COMMUNE'], decision: 'POSITIF', postsGranted: 1, comment: '' });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toContain('Le dossier E-COMMUNE est non éligible');
});

test('the agenda shows each item’s eligibility', async () => {
  await page.goto(`${server.appUrl.split('#')[0]}#/comites/${sessionId}`);
  await waitReady(page);
  const row = (externalId: string) => page.locator(`tr[data-testid="agenda-row"][data-dossier-id="${ids[externalId]}"]`);
  await expect(row('E-COMMUNE').getByTestId('eligibility-badge')).toHaveText('non éligible');
  await expect(row('E-CDD19').getByTestId('eligibility-badge')).toHaveText('à vérifier');
  await expect(row('E-OK').getByTestId('eligibility-badge')).toHaveText('éligible');
  await expect(row('E-COMMUNE').getByTestId('eligibility-badge')).toHaveAttribute('title', /structure publique/);
  // The first item to decide opens by itself: closed, the three rows show together.
  if ((await row('E-COMMUNE').getAttribute('data-open')) !== null) await row('E-COMMUNE').getByTestId('agenda-toggle').click();
  await expect(page.getByTestId('agenda-detail')).toHaveCount(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByRole('region', { name: 'Ordre du jour', exact: true }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => (globalThis as unknown as { scrollBy: (x: number, y: number) => void }).scrollBy(0, -72));
    await screenshot(`agenda-eligibility-${size.width}x${size.height}`);
  }
});

test('approving the commune asks for « Justification de la dérogation », then shows it', async () => {
  const row = page.locator(`tr[data-testid="agenda-row"][data-dossier-id="${ids['E-COMMUNE']}"]`);
  if ((await row.getAttribute('data-open')) === null) await row.getByTestId('agenda-toggle').click();
  await expect(row).toHaveAttribute('data-open', 'true');
  const form = page.getByTestId('decision-form');
  await expect(form.getByTestId('decision-eligibility')).toContainText('Dossier non éligible : un accord demande une dérogation justifiée');
  await form.getByText('Accord', { exact: true }).click();
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(form.getByRole('alert').last()).toContainText('Justifiez la dérogation aux conditions d’éligibilité');
  const derogation = form.getByLabel('Justification de la dérogation');
  await derogation.pressSequentially('Seule structure présente dans la haute vallée de la Roya ; portage public temporaire.');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await form.getByTestId('decision-eligibility').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => (globalThis as unknown as { scrollBy: (x: number, y: number) => void }).scrollBy(0, -80));
    await screenshot(`decision-derogation-${size.width}x${size.height}`);
  }
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  // Recording moves on to the next item to decide: the commune's row is opened again.
  await expect(row.getByTestId('decision-badge')).toHaveText('Accord · 2 postes');
  if ((await row.getAttribute('data-open')) === null) await row.getByTestId('agenda-toggle').click();
  const summary = page.getByTestId('agenda-detail').getByTestId('decision-derogation');
  await expect(summary).toContainText('Seule structure présente dans la haute vallée de la Roya');
  const decisions = await callApi<{ dossierId: number; derogation: string | null }[]>('decisions:list', { sessionId });
  expect(decisions.body.find((d) => d.dossierId === ids['E-COMMUNE'])?.derogation).toBe('Seule structure présente dans la haute vallée de la Roya ; portage public temporaire.');
});

test('sealed, then the commune re-imported as a CDD with declared aid: the session page flags the change and keeps the frozen money', async () => {
  const record = (externalId: string, decision: Record<string, unknown>) => callApi('decisions:record', { sessionId, dossierId: ids[externalId], ...decision });
  expect((await record('E-OK', { decision: 'POSITIF', postsGranted: 3, comment: '' })).status).toBe(200);
  expect((await record('E-CDD19', { decision: 'EXAMEN_COMPLEMENTAIRE', comment: 'Durée du contrat à confirmer.', justification: 'La durée de 19 mois doit être justifiée par la structure.' })).status).toBe(200);
  expect((await callApi('sessions:setStatus', { sessionId, status: 'CLOSED' })).status).toBe(200);
  expect((await callApi('minutes:validate', { sessionId })).status).toBe(200);

  // The platform's next export says the commune now hires on an 18-month CDD and already gets 5,000 € of aid.
  const changed = DOSSIERS.map((d) => (d.externalId === 'E-COMMUNE' ? { ...d, contractType: 'CDD', contractMonths: 18, declaredAid: 5000 } : d));
  const preview = await callApi<{ token: string }>('import:preview', { fileName: 'eligibilite-2.json', data: { $bytes: Buffer.from(JSON.stringify(changed)).toString('base64') } });
  expect((await callApi('import:commit', { token: preview.body.token })).status).toBe(200);

  await page.setViewportSize(SIZES[1]);
  await page.goto(`${server.appUrl.split('#')[0]}#/comites/${sessionId}`);
  await waitReady(page);
  const row = page.locator(`tr[data-testid="agenda-row"][data-dossier-id="${ids['E-COMMUNE']}"]`);
  await expect(row.getByTestId('changed-since-decision-badge')).toHaveText('dossier modifié');
  if ((await row.getAttribute('data-open')) === null) await row.getByTestId('agenda-toggle').click();
  const detail = page.getByTestId('agenda-detail');
  // 2 posts × 40,000 € on the CDI the committee decided on; the CDD with aid would be 59,000 €.
  await expect(detail.getByTestId('frozen-money')).toContainText('80\u202f000\u00a0€');
  await expect(detail.getByTestId('changed-since-decision')).toContainText('CDI → CDD');
  await expect(detail.getByTestId('changed-since-decision')).toContainText('5\u202f000');
  await expect(detail.getByTestId('decision-derogation')).toContainText('Seule structure présente dans la haute vallée de la Roya');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await detail.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => (globalThis as unknown as { scrollBy: (x: number, y: number) => void }).scrollBy(0, -80));
    await screenshot(`sealed-changed-${size.width}x${size.height}`);
  }
  const totals = await callApi<{ totals: { subsidy: { total: number } } }>('sessions:get', { id: sessionId });
  expect(totals.body.totals.subsidy.total).toBe(80_000 + 3 * 40_000);
});

test('« Vérifier l’intégrité » in Paramètres finds the base intact', async () => {
  await page.goto(`${server.appUrl.split('#')[0]}#/parametres`);
  await waitReady(page);
  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Base intègre' })).toBeVisible();
  await expect(page.getByTestId('integrity-findings')).toHaveCount(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByRole('status').filter({ hasText: 'Base intègre' }).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(`integrity-green-${size.width}x${size.height}`);
  }
});
