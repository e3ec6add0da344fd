// The scenario end to end: two prefecture databases (06, 13) and the national one;
// opinions exchanged in both directions, a conflict made on purpose, a tampered package, a
// truncated file, a package refused for its department, a workbook filled with bad rows and saved
// by LibreOffice. The national database ends with exactly the expected opinions and one conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { WORKBOOK_SHEETS, type PackageFile } from '../../shared/domain/exchange';
import { AGENT_06, AGENT_13, COMMENTS, currentOpinions, exchange, giveOpinion, openNational, openPrefecture, snapshot } from './exchange-fixtures';
import { fillWorkbook, saveWithLibreOffice } from './exchange-workbook-helpers';

let national: Backend;
let pref06: Backend;
let pref13: Backend;

beforeAll(async () => {
  national = await openNational();
  pref06 = await openPrefecture(AGENT_06);
  pref13 = await openPrefecture(AGENT_13);
});
afterAll(() => {
  for (const b of [national, pref06, pref13]) b.close();
});

const encode = (file: unknown) => new TextEncoder().encode(JSON.stringify(file));
const decode = (data: Uint8Array) => JSON.parse(new TextDecoder().decode(data)) as PackageFile;

describe('offline exchange between two prefectures and the national level', { timeout: 240_000 }, () => {
  it('runs the whole round trip', async () => {
    // 1. The national level sends each prefecture its dossiers.
    expect((await exchange(national, pref06, 'exchange:exportDossierPackage', '06')).result.counts).toMatchObject({ dossiersNew: 4, decisions: 1 });
    expect((await exchange(national, pref13, 'exchange:exportDossierPackage', '13')).result.counts).toMatchObject({ dossiersNew: 4, decisions: 0 });

    // 2. The prefectures review offline and send their opinions up.
    await giveOpinion(pref06, '4601', 'FAVORABLE', 2, COMMENTS.fav);
    await giveOpinion(pref06, '4602', 'DEFAVORABLE', 0, COMMENTS.def);
    await giveOpinion(pref06, '4603', 'FAVORABLE', 4, COMMENTS.fav);
    await giveOpinion(pref13, '4701', 'FAVORABLE', 2, COMMENTS.fav);
    await giveOpinion(pref13, '4702', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
    expect((await exchange(pref06, national, 'exchange:exportPackage', '06')).result.counts).toMatchObject({ new: 3, conflicts: 0 });
    const up13 = await exchange(pref13, national, 'exchange:exportPackage', '13');
    expect(up13.result.counts).toMatchObject({ new: 2, conflicts: 0 });

    // 3. A conflict on purpose: 4602 changes on both sides after the exchange.
    await giveOpinion(national, '4602', 'FAVORABLE', 2, COMMENTS.national);
    await giveOpinion(pref06, '4602', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
    await giveOpinion(pref06, '4601', 'FAVORABLE', 1, 'Un seul poste : le second recrutement reste incertain.');
    const second = await pref06.call('exchange:exportPackage', { departmentCode: '06' });

    // 4. The same package tampered with, then cut short: refused, nothing changes.
    const before = snapshot(national);
    const tampered = decode(second.data);
    tampered.content.dossiers.find((d) => d.externalId === '4602')!.opinions.at(-1)!.comment = 'Avis favorable, sans réserve aucune.';
    await expect(national.call('exchange:previewPackage', { fileName: second.fileName, data: encode(tampered) })).rejects.toMatchObject({ code: 'PACKAGE_CHECKSUM' });
    await expect(national.call('exchange:previewPackage', { fileName: second.fileName, data: second.data.subarray(0, second.data.length - 200) })).rejects.toMatchObject({ code: 'PACKAGE_TRUNCATED' });
    // 13's package into the 06 prefecture: refused for its department (and its kind).
    await expect(pref06.call('exchange:previewPackage', await national.call('exchange:exportDossierPackage', { departmentCode: '13' }))).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(snapshot(national)).toEqual(before);

    // 5. The genuine package: 4601 updated, 4602 in conflict (both kept), 4603 unchanged.
    const preview = await national.call('exchange:previewPackage', second);
    expect(preview.lines.map((l) => [l.externalId, l.opinion])).toEqual([
      ['4601', 'updated'],
      ['4602', 'conflict'],
      ['4603', 'unchanged'],
    ]);
    await national.call('exchange:importPackage', { token: preview.token });
    // Re-importing the same package changes nothing.
    const imported = snapshot(national);
    const again = await national.call('exchange:previewPackage', second);
    await national.call('exchange:importPackage', { token: again.token });
    expect(snapshot(national)).toEqual(imported);

    // 6. Department 13 has no app on one laptop: its workbook comes back filled, with bad rows, saved by LibreOffice.
    const workbook = await national.call('exchange:exportWorkbook', { departmentCode: '13' });
    const filled = await fillWorkbook(
      workbook.data,
      {
        '4702': { opinion: 'Favorable', postsSupported: null, comment: 'Mairie engagée, deux lieux d’accueil prévus.' },
        '4701': { opinion: 'Bof', comment: 'Court.' },
        '4703': { opinion: 'Favorable', postsSupported: 6, comment: 'Réseau solide dans les quartiers nord.' },
        '4704': { opinion: 'Défavorable', comment: 'Projet sans ancrage local identifié.' },
      },
      [{ sheet: WORKBOOK_SHEETS.PRIVEE, values: { externalId: '9999', opinion: 'Favorable', postsSupported: 1, comment: 'Structure hors de la liste envoyée.' } }],
    );
    const saved = saveWithLibreOffice(filled);
    const wbPreview = await national.call('exchange:previewWorkbook', { fileName: 'classeur-13-rempli.xlsx', data: saved.data });
    expect(wbPreview.counts, `workbook saved by ${saved.via}`).toEqual({ rows: 5, new: 1, updated: 1, conflicts: 0, unchanged: 0, empty: 0, rejected: 3 });
    const privee = WORKBOOK_SHEETS.PRIVEE;
    expect(wbPreview.errors.map((e) => [e.sheet, e.row, e.column, e.externalId])).toEqual([
      [privee, 2, 'Nombre de conseillers soutenus par la Préfecture (N)', '4703'],
      [privee, 4, 'Avis Préfecture (M)', '4701'],
      [privee, 4, 'Commentaire de la Préfecture pour justifier l’avis donné (O)', '4701'],
      [privee, 5, 'Identifiant structure (A)', '9999'],
    ]);
    expect(wbPreview.errors.map((e) => e.reason)).toEqual([
      '6 conseiller(s) soutenu(s) pour 5 demandé(s) : le nombre soutenu ne peut pas dépasser le nombre demandé.',
      'Avis « Bof » invalide : choisissez Favorable, Défavorable, Examen complémentaire ou Doublon.',
      'Commentaire trop court (6 caractères) : l’avis se justifie en 10 caractères au moins.',
      'Identifiant « 9999 » inconnu dans cette base : ligne non importée.',
    ]);
    const wbResult = await national.call('exchange:importWorkbook', { token: wbPreview.token });
    expect(wbResult.counts).toMatchObject({ new: 1, updated: 1, rejected: 3 });

    // 7. The national database: exactly these opinions, and one conflict listed.
    expect(currentOpinions(national)).toEqual({
      '4601': { opinion: 'FAVORABLE', posts: 1, author: 'Claire Martin', comment: 'Un seul poste : le second recrutement reste incertain.' },
      '4602': { opinion: 'FAVORABLE', posts: 2, author: 'Marc Durand', comment: COMMENTS.national },
      '4603': { opinion: 'FAVORABLE', posts: 4, author: 'Claire Martin', comment: COMMENTS.fav },
      '4701': { opinion: 'FAVORABLE', posts: 2, author: 'Karim Benali', comment: COMMENTS.fav },
      // Typed in the prefecture's workbook: the prefecture's word, imported by Marc Durand.
      '4702': { opinion: 'FAVORABLE', posts: 1, author: 'Préfecture 13 – Bouches-du-Rhône (classeur)', comment: 'Mairie engagée, deux lieux d’accueil prévus.' },
      '4704': { opinion: 'DEFAVORABLE', posts: 0, author: 'Préfecture 13 – Bouches-du-Rhône (classeur)', comment: 'Projet sans ancrage local identifié.' },
    });
    const conflicts = await national.call('exchange:conflicts', {});
    expect(conflicts.map((c) => [c.externalId, c.status, c.local.opinion, c.incoming.opinion, c.incoming.authorName])).toEqual([['4602', 'OPEN', 'FAVORABLE', 'EXAMEN_COMPLEMENTAIRE', 'Claire Martin']]);
    expect((await national.call('exchange:log', {})).map((e) => [e.kind, e.departmentCode])).toEqual([
      ['workbook', '13'],
      ['reviews', '06'],
      ['reviews', '13'],
      ['reviews', '06'],
    ]);

    // 8. Resolved (recorded), and sent back down: the prefecture ends with the same opinions for 06.
    const resolved = await national.call('exchange:resolveConflict', { id: conflicts[0]!.id, keep: 'local', comment: 'Arbitrage national : priorité QPV.' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', choice: 'local', resolvedBy: 'Marc Durand' });
    await exchange(national, pref06, 'exchange:exportDossierPackage', '06');
    const nationalOpinions = currentOpinions(national);
    const opinions06 = currentOpinions(pref06);
    for (const id of ['4601', '4602', '4603']) expect(opinions06[id], id).toEqual(nationalOpinions[id]);
    expect(await pref06.call('exchange:conflicts', {})).toEqual([]);
  });
});
