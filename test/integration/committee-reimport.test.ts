// A platform export lags behind the committee: re-importing it must not undo a decision taken in
// the app, while a later session's decision or an abandonment recorded by the platform does apply.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoDossiers } from '../../electron/backend/demo/generate-demo';
import { writePlatformCsv } from '../../electron/backend/demo/platform-csv';
import type { DossierFields } from '../../shared/domain/dossier';
import { openCommitteeBase, openSession, type CommitteeBase } from './committee-fixtures';

let base: CommitteeBase;
let id: number;
const demo = generateDemoDossiers(1)[0]!;
const notProcessed: DossierFields = { ...demo, externalId: 'P-1', name: 'Espace numérique du Mercantour', departmentCode: '06', postalCode: '06420', status: 'CREEE', postsRequested: 3, postsGranted: null, coselecValidated: false, coselecNumber: null, coselecDate: null };

async function importPlatform(fields: DossierFields) {
  const { backend } = base;
  const preview = await backend.call('import:preview', { fileName: 'structures.csv', data: new TextEncoder().encode(writePlatformCsv([fields])) });
  expect(preview.rejected).toEqual([]);
  await backend.call('import:commit', { token: preview.token });
  return preview;
}

const platformDecisions = () => base.backend.store.db.all<{ decision: string; session_number: string | null }>("SELECT decision, session_number FROM decisions WHERE dossier_id = ? AND source = 'platform' ORDER BY id", [id]);

beforeEach(async () => {
  base = await openCommitteeBase();
  await importPlatform(notProcessed);
  id = (await base.backend.call('dossiers:list', { search: 'Mercantour' })).rows[0]!.id;
  const session = await openSession(base);
  await base.backend.call('agenda:add', { sessionId: session.id, dossierIds: [id] });
  await base.backend.call('decisions:record', { sessionId: session.id, dossierId: id, decision: 'POSITIF', postsGranted: 2, comment: '', justification: 'Accord sans avis : dossier instruit en séance.' });
});
afterEach(() => base.backend.close());

describe('re-importing the platform export after a committee decision', () => {
  it('keeps the decision when the export has not caught up, and applies the other changes', async () => {
    const preview = await importPlatform({ ...notProcessed, name: 'Espace numérique du Haut-Mercantour' });
    expect(preview.counts).toMatchObject({ updated: 1 });
    expect(preview.updates[0]!.changes.map((c) => c.field)).toEqual(['name']);
    const detail = await base.backend.call('dossiers:get', { id });
    expect(detail).toMatchObject({ name: 'Espace numérique du Haut-Mercantour', status: 'VALIDATION_COSELEC', postsGranted: 2, fields: { coselecNumber: '12', coselecDate: '2021-04-01' } });
    // No platform decision echoes the committee's own.
    expect(platformDecisions()).toEqual([]);
    const figures = (await base.backend.call('stats:departments', {})).find((d) => d.code === '06')!;
    expect(figures.granted).toBe(2);
  });

  it('keeps it when the platform reports the same session, without a second entry', async () => {
    await importPlatform({ ...notProcessed, status: 'VALIDATION_COSELEC', postsGranted: 2, coselecValidated: true, coselecNumber: '12', coselecDate: '2021-04-01' });
    expect(platformDecisions()).toEqual([]);
    expect(await base.backend.call('dossiers:get', { id })).toMatchObject({ status: 'VALIDATION_COSELEC', postsGranted: 2 });
  });

  it('applies a decision of a later session recorded on the platform', async () => {
    await importPlatform({ ...notProcessed, status: 'REFUS_COSELEC', coselecValidated: false, coselecNumber: '14', coselecDate: '2021-04-15' });
    expect(await base.backend.call('dossiers:get', { id })).toMatchObject({ status: 'REFUS_COSELEC', postsGranted: null, fields: { coselecNumber: '14' } });
    expect(platformDecisions()).toEqual([{ decision: 'NEGATIF', session_number: '14' }]);
  });

  it('applies an abandonment, which only the platform records', async () => {
    await importPlatform({ ...notProcessed, status: 'ABANDON' });
    expect(await base.backend.call('dossiers:get', { id })).toMatchObject({ status: 'ABANDON' });
  });
});
