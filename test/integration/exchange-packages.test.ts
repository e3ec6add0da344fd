// Packages between the national database and two prefecture databases (06 and 13), in both
// directions: dossier packages down, review packages up; conflicts; refusals that change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { buildPackageFile, canonicalJson, contentChecksum } from '../../electron/backend/exchange/package-format';
import type { PackageFile } from '../../shared/domain/exchange';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { AGENT_06, AGENT_13, COMMENTS, currentOpinions, exchange, giveOpinion, idOf, openNational, openPrefecture, snapshot } from './exchange-fixtures';
import { useProfile } from './review-fixtures';

let national: Backend;
let pref06: Backend;
let pref13: Backend;

beforeEach(async () => {
  national = await openNational();
  pref06 = await openPrefecture(AGENT_06);
  pref13 = await openPrefecture(AGENT_13);
});
afterEach(() => {
  for (const b of [national, pref06, pref13]) b.close();
});

const decode = (data: Uint8Array) => JSON.parse(new TextDecoder().decode(data)) as PackageFile;
const encode = (file: unknown) => new TextEncoder().encode(JSON.stringify(file));

/** Both prefectures receive their dossiers, then review. */
async function prefecturesReview(): Promise<void> {
  await exchange(national, pref06, 'exchange:exportDossierPackage', '06');
  await exchange(national, pref13, 'exchange:exportDossierPackage', '13');
  await giveOpinion(pref06, '4601', 'FAVORABLE', 2, COMMENTS.fav);
  await giveOpinion(pref06, '4602', 'DEFAVORABLE', 0, COMMENTS.def);
  await giveOpinion(pref06, '4603', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
  await giveOpinion(pref06, '4603', 'FAVORABLE', 4, COMMENTS.fav);
  const values = Object.fromEntries(DEFAULT_GRID.criteria.map((c) => [c.key, 4]));
  await pref06.call('scores:record', { dossierId: idOf(pref06, '4601'), gridId: 1, values });
  await pref06.call('ranking:save', { departmentCode: '06', order: ['4603', '4601', '4602'].map((id) => idOf(pref06, id)) });
  await giveOpinion(pref13, '4701', 'FAVORABLE', 2, COMMENTS.fav);
  await giveOpinion(pref13, '4702', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
}

describe('dossier packages, national → prefecture', () => {
  it('bring the department’s dossiers and earlier decisions into an empty prefecture database', async () => {
    const { file, preview, result } = await exchange(national, pref06, 'exchange:exportDossierPackage', '06');
    expect(file.fileName).toMatch(/^dossiers-06-\d{4}-\d{2}-\d{2}\.cnfs\.json$/);
    expect(preview).toMatchObject({ kind: 'dossiers', departmentCode: '06', departmentName: 'Alpes-Maritimes', sender: { name: 'Marc Durand', role: 'COMMITTEE' }, alreadyImported: false, upToDate: false });
    expect(preview.counts).toMatchObject({ dossiers: 4, dossiersNew: 4, dossiersUpdated: 0, decisions: 1, new: 0 });
    expect(result.logId).toBe(1);
    const page = await pref06.call('dossiers:list', { limit: 50 });
    expect(page.rows.map((r) => r.externalId).sort()).toEqual(['4601', '4602', '4603', '4604']);
    const detail = await pref06.call('dossiers:get', { id: idOf(pref06, '4604') });
    expect(detail.decisions).toMatchObject([{ decision: 'POSITIF', sessionNumber: 'COSELEC 3', postsGranted: 1, source: 'platform' }]);
    expect(detail.fields).toEqual((await national.call('dossiers:get', { id: idOf(national, '4604') })).fields);
    expect(detail.provenance[0]).toMatchObject({ fileName: file.fileName });

    // The same package again: nothing to do, nothing written.
    const version = pref06.store.version;
    const again = await pref06.call('exchange:previewPackage', file);
    expect(again).toMatchObject({ alreadyImported: true, upToDate: true });
    expect(again.counts).toMatchObject({ dossiersNew: 0, dossiersUpdated: 0, decisions: 0 });
    expect((await pref06.call('exchange:importPackage', { token: again.token })).logId).toBeNull();
    expect(pref06.store.version).toBe(version);
  });

  it('are refused for a department outside the prefecture agent’s scope, and to a national importer', async () => {
    const file13 = await national.call('exchange:exportDossierPackage', { departmentCode: '13' });
    const before = snapshot(pref06);
    await expect(pref06.call('exchange:previewPackage', file13)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE', message: 'Le département 13 est hors de votre périmètre (06).' });
    expect(snapshot(pref06)).toEqual(before);
    // The national level sends dossier packages; it does not import them.
    await expect(national.call('exchange:previewPackage', file13)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^Seuls les agents de préfecture peuvent importer un paquet de dossiers/) });
    // And a prefecture cannot make one.
    await expect(pref06.call('exchange:exportDossierPackage', { departmentCode: '06' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('review packages, prefecture → national', () => {
  it('carry every opinion version, scores and ranking with authors, times and journal entries; re-importing changes nothing', async () => {
    await prefecturesReview();
    const file = await pref06.call('exchange:exportPackage', { departmentCode: '06' });
    expect(file.fileName).toMatch(/^avis-06-\d{4}-\d{2}-\d{2}\.cnfs\.json$/);
    const pkg = decode(file.data);
    expect(pkg).toMatchObject({ format: 'cnfs-revue/echange', formatVersion: 1, checksum: { algorithm: 'SHA-256' } });
    expect(pkg.checksum.value).toBe(contentChecksum(pkg.content));
    expect(pkg.content).toMatchObject({ kind: 'reviews', departmentCode: '06', sender: { name: 'Claire Martin', role: 'PREFECTURE', departments: ['06'] }, app: { name: 'CNFS Revue', schemaVersion: expect.any(Number) } });
    const d4603 = pkg.content.dossiers.find((d) => d.externalId === '4603')!;
    expect(d4603.opinions.map((o) => [o.opinion, o.author.name, o.journal?.action, o.journal?.user])).toEqual([
      ['EXAMEN_COMPLEMENTAIRE', 'Claire Martin', 'opinions:record', 'Claire Martin'],
      ['FAVORABLE', 'Claire Martin', 'opinions:record', 'Claire Martin'],
    ]);
    // Each version points at the journal entry that recorded it, with that entry's hash.
    const journal = pref06.store.db.all<{ seq: number; hash: string }>("SELECT seq, hash FROM journal WHERE action = 'opinions:record' ORDER BY seq");
    expect(pkg.content.dossiers.flatMap((d) => d.opinions.map((o) => [o.journal!.seq, o.journal!.hash])).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(journal.map((j) => [j.seq, j.hash]));
    expect(pkg.content.dossiers.find((d) => d.externalId === '4601')!.scores).toMatchObject([{ reviewer: { name: 'Claire Martin', role: 'PREFECTURE' }, journal: { action: 'scores:record' } }]);
    expect(pkg.content.ranking).toMatchObject({ order: ['4603', '4601', '4602'], journal: { action: 'ranking:save' } });
    expect(pkg.content.dossiers.map((d) => d.externalId)).toEqual(['4601', '4602', '4603']);

    const preview = await national.call('exchange:previewPackage', file);
    expect(preview.counts).toMatchObject({ dossiers: 3, new: 3, updated: 0, unchanged: 0, conflicts: 0, rejected: 0, versions: 4, scores: 1 });
    expect(preview.ranking).toBe('replaced');
    expect(preview.lines.find((l) => l.externalId === '4603')).toMatchObject({ opinion: 'new', versions: 2, incoming: { opinion: 'FAVORABLE', authorName: 'Claire Martin' }, local: null });
    const before = national.store.version;
    const result = await national.call('exchange:importPackage', { token: preview.token });
    expect(result.logId).not.toBeNull();
    expect(national.store.version).toBe(before + 1);

    // Authors and times are the prefecture's; the versions are marked as imported.
    const history = await national.call('opinions:history', { dossierId: idOf(national, '4603') });
    const original = await pref06.call('opinions:history', { dossierId: idOf(pref06, '4603') });
    expect(history.map((o) => [o.version, o.opinion, o.authorName, o.createdAt, o.source])).toEqual(original.map((o) => [o.version, o.opinion, 'Claire Martin', o.createdAt, 'import']));
    const scores = await national.call('scores:get', { dossierId: idOf(national, '4601') });
    expect(scores).toMatchObject({ aggregate: 4, reviewers: [{ reviewerName: 'Claire Martin', at: (await pref06.call('scores:get', { dossierId: idOf(pref06, '4601') })).reviewers[0]!.at }] });
    expect((await national.call('ranking:get', { departmentCode: '06' })).entries.slice(0, 3).map((e) => e.externalId)).toEqual(['4603', '4601', '4602']);
    expect((await national.call('departments:totals', { departmentCode: '06' })).postsSupported).toBe(6);
    // Claire Martin is known here by name and role, attached to 06.
    expect((await national.call('profile:list', {})).find((p) => p.name === 'Claire Martin')).toMatchObject({ role: 'PREFECTURE', departments: ['06'] });
    expect((await national.call('profile:current', {}))!.name).toBe('Marc Durand');
    expect(await national.call('exchange:log', {})).toMatchObject([{ kind: 'reviews', fileName: file.fileName, departmentCode: '06', senderName: 'Claire Martin', importedBy: 'Marc Durand' }]);

    // Re-importing the same package changes nothing, not even the journal.
    const state = snapshot(national);
    const again = await national.call('exchange:previewPackage', file);
    expect(again).toMatchObject({ alreadyImported: true, upToDate: true, ranking: 'unchanged' });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3, conflicts: 0, versions: 0, scores: 0 });
    expect((await national.call('exchange:importPackage', { token: again.token })).logId).toBeNull();
    expect(snapshot(national)).toEqual(state);
  });

  it('add only what changed since the last exchange', async () => {
    await prefecturesReview();
    await exchange(pref06, national, 'exchange:exportPackage', '06');
    await giveOpinion(pref06, '4601', 'FAVORABLE', 1, 'Un seul poste : le second recrutement reste incertain.');
    const { preview } = await exchange(pref06, national, 'exchange:exportPackage', '06');
    expect(preview.counts).toMatchObject({ new: 0, updated: 1, unchanged: 2, versions: 1, conflicts: 0 });
    expect(preview.lines.find((l) => l.externalId === '4601')).toMatchObject({ opinion: 'updated', local: { postsSupported: 2 }, incoming: { postsSupported: 1 } });
    expect(currentOpinions(national)['4601']).toMatchObject({ opinion: 'FAVORABLE', posts: 1, author: 'Claire Martin' });
    expect((await national.call('opinions:history', { dossierId: idOf(national, '4601') })).length).toBe(2);
  });

  it('keep both versions of an opinion changed on both sides, list the conflict, and record its resolution', async () => {
    await prefecturesReview();
    await exchange(pref06, national, 'exchange:exportPackage', '06');
    // Both sides change 4602 after the exchange.
    await giveOpinion(national, '4602', 'FAVORABLE', 2, COMMENTS.national);
    await giveOpinion(pref06, '4602', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
    const file = await pref06.call('exchange:exportPackage', { departmentCode: '06' });
    const preview = await national.call('exchange:previewPackage', file);
    expect(preview.counts).toMatchObject({ conflicts: 1, updated: 0, unchanged: 2, versions: 0 });
    expect(preview.lines.find((l) => l.externalId === '4602')).toMatchObject({ opinion: 'conflict', local: { opinion: 'FAVORABLE', authorName: 'Marc Durand' }, incoming: { opinion: 'EXAMEN_COMPLEMENTAIRE', authorName: 'Claire Martin' } });
    await national.call('exchange:importPackage', { token: preview.token });

    // Not made current silently: the national opinion stays current, the incoming one waits.
    expect(currentOpinions(national)['4602']).toMatchObject({ opinion: 'FAVORABLE', author: 'Marc Durand' });
    const [conflict, ...others] = await national.call('exchange:conflicts', {});
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({ externalId: '4602', status: 'OPEN', fileName: file.fileName, senderName: 'Claire Martin', local: { opinion: 'FAVORABLE', comment: COMMENTS.national }, incoming: { opinion: 'EXAMEN_COMPLEMENTAIRE', comment: COMMENTS.review } });
    // The same package again does not list it twice.
    const state = snapshot(national);
    const again = await national.call('exchange:previewPackage', file);
    expect(again.lines.find((l) => l.externalId === '4602')).toMatchObject({ opinion: 'unchanged', reason: 'Conflit déjà signalé, en attente de résolution.' });
    await national.call('exchange:importPackage', { token: again.token });
    expect(snapshot(national)).toEqual(state);

    // A prefecture agent of 13 cannot resolve it; the national side keeps the prefecture's version.
    const resolved = await national.call('exchange:resolveConflict', { id: conflict!.id, keep: 'incoming', comment: 'La préfecture connaît mieux le dossier.' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', choice: 'incoming', resolvedBy: 'Marc Durand', comment: 'La préfecture connaît mieux le dossier.', resolvedAt: expect.stringMatching(/^\d{4}-/), result: { opinion: 'EXAMEN_COMPLEMENTAIRE', authorName: 'Marc Durand', comment: COMMENTS.review } });
    expect(currentOpinions(national)['4602']).toEqual({ opinion: 'EXAMEN_COMPLEMENTAIRE', posts: 0, author: 'Marc Durand', comment: COMMENTS.review });
    expect(national.store.db.get("SELECT user_name, summary FROM journal WHERE action = 'exchange:resolveConflict'")).toMatchObject({ user_name: 'Marc Durand', summary: expect.stringContaining('"keep":"incoming"') });
    expect(await national.call('exchange:conflicts', {})).toEqual([]);
    expect(await national.call('exchange:conflicts', { status: 'ALL' })).toHaveLength(1);
    await expect(national.call('exchange:resolveConflict', { id: conflict!.id, keep: 'local' })).rejects.toMatchObject({ code: 'CONFLICT_CLOSED' });

    // The resolution goes back down with the dossiers: the prefecture takes it without a conflict…
    const down = await exchange(national, pref06, 'exchange:exportDossierPackage', '06');
    expect(down.preview.lines.find((l) => l.externalId === '4602')).toMatchObject({ opinion: 'updated', versions: 2 });
    expect(down.preview.counts.conflicts).toBe(0);
    expect(currentOpinions(pref06)['4602']).toEqual(currentOpinions(national)['4602']);
    // …and the next review package from the prefecture has nothing new for the national side.
    const up = await pref06.call('exchange:exportPackage', { departmentCode: '06' });
    expect(await national.call('exchange:previewPackage', up)).toMatchObject({ upToDate: true });
  });

  it('refuse a tampered package, a truncated file, another format or a newer version, and change nothing', async () => {
    await prefecturesReview();
    const file = await pref06.call('exchange:exportPackage', { departmentCode: '06' });
    const before = snapshot(national);
    const tampered = decode(file.data);
    tampered.content.dossiers[0]!.opinions[0]!.postsSupported = 3;
    await expect(national.call('exchange:previewPackage', { fileName: file.fileName, data: encode(tampered) })).rejects.toMatchObject({
      code: 'PACKAGE_CHECKSUM',
      message: expect.stringMatching(/^Le paquet « avis-06-.*\.cnfs\.json » a été modifié ou endommagé depuis son export : son empreinte SHA-256 ne correspond pas à son contenu .* Rien n’a été importé\./),
    });
    await expect(national.call('exchange:previewPackage', { fileName: file.fileName, data: file.data.subarray(0, Math.floor(file.data.length / 2)) })).rejects.toMatchObject({
      code: 'PACKAGE_TRUNCATED',
      message: expect.stringMatching(/est incomplet .* tronqué pendant l’envoi ou la copie\. Rien n’a été importé\./),
    });
    await expect(national.call('exchange:previewPackage', { fileName: 'notes.json', data: encode({ notes: [] }) })).rejects.toMatchObject({ code: 'PACKAGE_FORMAT' });
    await expect(national.call('exchange:previewPackage', { fileName: 'vide.json', data: new Uint8Array() })).rejects.toMatchObject({ code: 'PACKAGE_UNREADABLE' });
    const newer = { ...decode(file.data), formatVersion: 2 };
    await expect(national.call('exchange:previewPackage', { fileName: 'futur.cnfs.json', data: encode(newer) })).rejects.toMatchObject({ code: 'PACKAGE_VERSION', message: expect.stringContaining('mettez l’application à jour') });
    // A checksum recomputed over malformed content: the shape is checked too.
    const malformed = decode(file.data);
    (malformed.content.dossiers[0]!.opinions[0] as { opinion: string }).opinion = 'PEUT-ÊTRE';
    malformed.checksum.value = contentChecksum(malformed.content);
    await expect(national.call('exchange:previewPackage', { fileName: 'x.cnfs.json', data: encode(malformed) })).rejects.toMatchObject({ code: 'PACKAGE_INVALID', message: expect.stringContaining('content.dossiers[0].opinions[0].opinion : avis inconnu') });
    expect(snapshot(national)).toEqual(before);
  });

  it('refuse a package for a department its sender is not scoped to, and a review package to a prefecture', async () => {
    await prefecturesReview();
    const pkg = decode((await pref06.call('exchange:exportPackage', { departmentCode: '06' })).data);
    // Made to look like 13's, checksum and all: the sender is an agent of 06.
    const forged = buildPackageFile({ ...pkg.content, departmentCode: '13', dossiers: [] });
    const before = snapshot(national);
    await expect(national.call('exchange:previewPackage', { fileName: 'avis-13.cnfs.json', data: forged })).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: 'Le paquet « avis-13.cnfs.json » concerne le département 13 – Bouches-du-Rhône, dont son expéditeur (Claire Martin, agent de préfecture du 06) n’a pas la charge : il est refusé. Rien n’a été importé.',
    });
    expect(snapshot(national)).toEqual(before);
    const file13 = await pref13.call('exchange:exportPackage', { departmentCode: '13' });
    await expect(pref06.call('exchange:previewPackage', file13)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(pref06.call('exchange:exportPackage', { departmentCode: '13' })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('reject, line by line, the opinions of dossiers this database does not hold', async () => {
    await prefecturesReview();
    const pkg = decode((await pref13.call('exchange:exportPackage', { departmentCode: '13' })).data);
    const ghost = { ...pkg.content.dossiers[0]!, externalId: '9999', name: 'Structure inconnue' };
    const data = buildPackageFile({ ...pkg.content, dossiers: [...pkg.content.dossiers, ghost] });
    const preview = await national.call('exchange:previewPackage', { fileName: 'avis-13.cnfs.json', data });
    expect(preview.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(preview.lines.find((l) => l.externalId === '9999')).toMatchObject({ opinion: 'rejected', reason: 'Dossier inconnu de cette base : importez d’abord l’export de la plateforme qui le contient.' });
    await national.call('exchange:importPackage', { token: preview.token });
    expect(Object.keys(currentOpinions(national)).sort()).toEqual(['4701', '4702']);
  });

  it('plan again when the database changed between the preview and the import', async () => {
    await prefecturesReview();
    await exchange(pref06, national, 'exchange:exportPackage', '06');
    await giveOpinion(pref06, '4601', 'DEFAVORABLE', 0, COMMENTS.def);
    const preview = await national.call('exchange:previewPackage', await pref06.call('exchange:exportPackage', { departmentCode: '06' }));
    expect(preview.counts.updated).toBe(1);
    // Meanwhile the national side changed 4601 too: the import finds the conflict the preview did not show.
    await giveOpinion(national, '4601', 'FAVORABLE', 3, COMMENTS.national);
    const result = await national.call('exchange:importPackage', { token: preview.token });
    expect(result.counts).toMatchObject({ updated: 0, conflicts: 1 });
    expect(currentOpinions(national)['4601']).toMatchObject({ author: 'Marc Durand', posts: 3 });
    await useProfile(national, 'Admin ANCT', 'ADMIN');
    await expect(national.call('exchange:importPackage', { token: preview.token })).rejects.toMatchObject({ code: 'IMPORT_EXPIRED' });
  });

  it('keeps the checksum independent of the file’s layout', async () => {
    await prefecturesReview();
    const file = await pref06.call('exchange:exportPackage', { departmentCode: '06' });
    const pkg = decode(file.data);
    const compact = encode(JSON.parse(canonicalJson(pkg)));
    const preview = await national.call('exchange:previewPackage', { fileName: file.fileName, data: compact });
    expect(preview.checksum).toBe(pkg.checksum.value);
  });
});
