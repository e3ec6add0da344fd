// Imports never override decisions recorded here (issue 11, point 2), in the browser: a session is
// held and sealed, then a platform export that contradicts it is dropped on the import page. The
// preview lists the divergences (not applied), the report keeps them with a CSV export, and the
// dossier page shows them as « divergence plateforme » beside the committee's decision.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writePlatformCsv } from '../../electron/backend/demo/platform-csv';
import type { DossierFields } from '../../shared/domain/dossier';
import { closeApp, openApp, postApi, startFirstProfile, waitReady } from './app-page';
import type { BrowserModeServer } from './browser-mode-server';

test.describe.configure({ mode: 'serial' });

let server: BrowserModeServer;
let page: Page;
let dir: string;
const ids: Record<string, number> = {};

/** Screenshots go with the test results, and to IMPORT_SCREENS_DIR when set (for a human to look at). */
async function screenshot(name: string): Promise<void> {
  const close = page.getByRole('button', { name: 'Fermer la notification' });
  while ((await close.count()) > 0) await close.first().click();
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    const file = test.info().outputPath(`${name}-${width}x${height}.png`);
    await page.screenshot({ path: file });
    const shots = process.env.IMPORT_SCREENS_DIR;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      copyFileSync(file, path.join(shots, `${name}-${width}x${height}.png`));
    }
  }
}

async function callApi<T = unknown>(method: string, request: unknown): Promise<T> {
  const reply = await postApi(page, method, request);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as T;
}

const NONE = Object.fromEntries(
  ['siret', 'legalName', 'structureType', 'phase', 'postalCode', 'communeCode', 'communeName', 'communeInsee', 'regionCode', 'address', 'phone', 'email', 'adminEmails',
    'accountCreated', 'passwordChosen', 'matchingCount', 'coselecValidated', 'postsGranted', 'coselecNumber', 'coselecDate', 'zrr', 'qpv', 'qpvCount', 'franceServices',
    'legalForm', 'nationalNetwork', 'networkName', 'networkRegions', 'networkDepartments', 'networkBeneficiaries', 'contractType', 'contractMonths', 'branchAgreement',
    'declaredAid', 'consolidation', 'motivation', 'submittedAt'].map((k) => [k, null]),
) as Omit<DossierFields, 'externalId' | 'name' | 'status' | 'departmentCode' | 'postsRequested'>;

const DOSSIERS: [DossierFields, DossierFields, DossierFields] = [
  { ...NONE, legalForm: 'Association déclarée', externalId: 'P-101', name: 'Association Le Lien numérique', departmentCode: '06', postsRequested: 3, status: 'CREEE' },
  { ...NONE, legalForm: 'Association déclarée', externalId: 'P-102', name: 'Centre social des Moulins', departmentCode: '06', postsRequested: 2, status: 'CREEE' },
  { ...NONE, legalForm: 'Association déclarée', externalId: 'P-103', name: 'Maison des associations de Marseille', departmentCode: '13', postsRequested: 1, status: 'CREEE' },
];

const bytes = (fields: DossierFields[]) => ({ $bytes: Buffer.from(writePlatformCsv(fields)).toString('base64') });

test.beforeAll(async ({ browser }) => {
  ({ server, page } = await openApp(browser));
  dir = mkdtempSync(path.join(tmpdir(), 'cnfs-e2e-divergence-'));
  await startFirstProfile(page, 'Claire Martin', 'Membre du comité national');
  const first = await callApi<{ token: string }>('import:preview', { fileName: 'structures-mars.csv', data: bytes(DOSSIERS) });
  await callApi('import:commit', { token: first.token });
  for (const d of (await callApi<{ rows: { id: number; externalId: string }[] }>('dossiers:list', {})).rows) ids[d.externalId] = d.id;
  const members: number[] = [];
  for (const [name, organisation] of [
    ['Anne Durand', 'ANCT'],
    ['Bruno Petit', 'Banque des Territoires'],
    ['Chloé Roux', 'DGE'],
  ]) {
    members.push((await callApi<{ id: number }>('members:save', { name, organisation, active: true })).id);
  }
  const session = await callApi<{ id: number }>('sessions:save', { number: '12', date: '2021-04-01', place: 'ANCT, Paris', chairId: members[0], memberIds: members });
  await callApi('agenda:add', { sessionId: session.id, dossierIds: [ids['P-101'], ids['P-102']] });
  for (const memberId of members) await callApi('sessions:setPresence', { sessionId: session.id, memberId, presence: 'PRESENT' });
  await callApi('sessions:setStatus', { sessionId: session.id, status: 'IN_PROGRESS' });
  await callApi('decisions:record', { sessionId: session.id, dossierId: ids['P-101'], decision: 'POSITIF', postsGranted: 2, comment: '', justification: 'Accord instruit en séance, sans avis de la préfecture.' });
  await callApi('decisions:record', { sessionId: session.id, dossierId: ids['P-102'], decision: 'NEGATIF', grounds: ['BESOINS'], comment: 'Offre de médiation déjà présente.', justification: 'Refus instruit en séance, sans avis de la préfecture.' });
  await callApi('sessions:setStatus', { sessionId: session.id, status: 'CLOSED' });
  await callApi('minutes:validate', { sessionId: session.id });
});
test.afterAll(async () => {
  await closeApp(page, server);
  rmSync(dir, { recursive: true, force: true });
});

test('the import preview lists the platform rows that contradict the sealed session, and applies none of them', async () => {
  const file = path.join(dir, 'structures-avril.csv');
  const [p101, p102, p103] = DOSSIERS;
  writeFileSync(
    file,
    writePlatformCsv([
      { ...p101, status: 'VALIDATION_COSELEC', coselecValidated: true, postsGranted: 3, coselecNumber: '12', coselecDate: '2021-04-08' },
      { ...p102, status: 'VALIDATION_COSELEC', coselecValidated: true, postsGranted: 1, coselecNumber: '12', coselecDate: '2021-04-01' },
      { ...p103, status: 'REFUS_COSELEC', coselecValidated: false, coselecNumber: '14', coselecDate: '2021-04-15' },
    ]),
  );
  await page.goto(`${server.appUrl.split('#')[0]}#/import`);
  await waitReady(page);
  await page.getByLabel('Fichier à importer').setInputFiles(file);
  await expect(page.getByText('structures-avril.csv')).toBeVisible();
  await waitReady(page);

  const block = page.getByRole('region', { name: 'Divergences avec les décisions de cette base' });
  await expect(block.getByText('Ces décisions de la plateforme ne seront pas appliquées')).toBeVisible();
  const rows = page.getByTestId('divergence-rows').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('ID P-101');
  await expect(rows.nth(0)).toContainText('COSELEC 12 du 08/04/2021 : Accord, 3 postes');
  await expect(rows.nth(0)).toContainText('COSELEC 12 du 01/04/2021 : Accord, 2 postes');
  await expect(rows.nth(1)).toContainText('COSELEC 12 du 01/04/2021 : Refus');
  await expect(page.getByLabel('Mis à jour : 1')).toBeVisible();
  await block.scrollIntoViewIfNeeded();
  await screenshot('import-divergences-preview');

  await page.getByRole('button', { name: 'Importer 1 dossier' }).click();
  await expect(page).toHaveURL(/#\/dossiers$/);
  await expect(page.getByText('2 divergences non appliquées')).toBeVisible();
  const p1 = await callApi<{ status: string; postsGranted: number | null }>('dossiers:get', { id: ids['P-101'] });
  expect(p1).toMatchObject({ status: 'VALIDATION_COSELEC', postsGranted: 2 });
  expect(await callApi('dossiers:get', { id: ids['P-103'] })).toMatchObject({ status: 'REFUS_COSELEC' });
});

test('the report keeps them, and the dossier page shows them beside the committee’s decision', async () => {
  await page.goto(`${server.appUrl.split('#')[0]}#/import`);
  await waitReady(page);
  const report = page.getByRole('region', { name: 'Rapport des divergences avec la plateforme' });
  await expect(report.getByTestId('divergence-report').locator('tbody tr')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Exporter le rapport (CSV)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^divergences-plateforme-\d{4}-\d{2}-\d{2}\.csv$/);
  await screenshot('import-divergences-report');

  await page.goto(`${server.appUrl.split('#')[0]}#/dossiers/${ids['P-101']}`);
  await waitReady(page);
  const kept = page.getByTestId('platform-divergence');
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText('divergence plateforme');
  await expect(kept).toContainText('La plateforme indique COSELEC 12 du 08/04/2021 : Accord, 3 postes.');
  await kept.scrollIntoViewIfNeeded();
  await screenshot('dossier-divergence');
});
