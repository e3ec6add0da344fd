// A department workbook remembers the opinion version each row was made from: a stale workbook
// cannot revert newer work, its changed rows become conflicts, and its versions are the prefecture's.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { WORKBOOK_COLUMNS, WORKBOOK_SHEETS, type WorkbookColumn } from '../../shared/domain/exchange';
import { COMMENTS, currentOpinions, giveOpinion, idOf, openNational, snapshot } from './exchange-fixtures';
import { fillWorkbook, loadWorkbook, saveWithLibreOffice } from './exchange-workbook-helpers';

const PREFECTURE_06 = 'Préfecture 06 – Alpes-Maritimes (classeur)';
const CHANGED = {
  stale: 'Projet à revoir : le quartier est déjà couvert.',
  current: 'Deux postes suffisent pour ouvrir les deux lieux.',
  fresh: 'Structure implantée en QPV, un poste demandé pour commencer.',
};

let national: Backend;

beforeEach(async () => {
  national = await openNational();
});
afterEach(() => national.close());

const opinionRows = (externalId: string) => national.store.db.all<{ version: number; opinion: string }>('SELECT version, opinion FROM opinions WHERE dossier_id = ? ORDER BY version', [idOf(national, externalId)]);

/**
 * 06 before the export: 4601 has three versions (the last EXAMEN_COMPLEMENTAIRE), 4602 and 4603 one,
 * 4604 none. After the export, 4601 gets a version 4 FAVORABLE and 4602 a version 2 FAVORABLE.
 */
async function staleWorkbook(): Promise<Uint8Array> {
  await giveOpinion(national, '4601', 'DEFAVORABLE', 0, COMMENTS.def);
  await giveOpinion(national, '4601', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
  await giveOpinion(national, '4601', 'EXAMEN_COMPLEMENTAIRE', 0, 'Le plan de financement reste à préciser.');
  await giveOpinion(national, '4602', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
  await giveOpinion(national, '4603', 'FAVORABLE', 4, COMMENTS.fav);
  const file = await national.call('exchange:exportWorkbook', { departmentCode: '06' });
  await giveOpinion(national, '4601', 'FAVORABLE', 3, COMMENTS.fav);
  await giveOpinion(national, '4602', 'FAVORABLE', 2, COMMENTS.national);
  // 4601 is left as exported (its stale EXAMEN_COMPLEMENTAIRE); the three others are changed.
  return fillWorkbook(file.data, {
    '4602': { opinion: 'Défavorable', comment: CHANGED.stale },
    '4603': { opinion: 'Favorable', postsSupported: 2, comment: CHANGED.current },
    '4604': { opinion: 'Favorable', postsSupported: 1, comment: CHANGED.fresh },
  });
}

describe('the workbook’s hidden base versions', () => {
  it('records per row the version it was made from and the export id, hidden and locked, and keeps them through a LibreOffice re-save', async () => {
    await giveOpinion(national, '4601', 'DEFAVORABLE', 0, COMMENTS.def);
    await giveOpinion(national, '4601', 'FAVORABLE', 2, COMMENTS.fav);
    const file = await national.call('exchange:exportWorkbook', { departmentCode: '06' });
    // The version's uid, as a package names it.
    const pkg = await national.call('exchange:exportPackage', { departmentCode: '06' });
    const uid = (JSON.parse(new TextDecoder().decode(pkg.data)) as { content: { dossiers: { externalId: string; opinions: { uid: string }[] }[] } }).content.dossiers.find((d) => d.externalId === '4601')!.opinions[1]!.uid;

    const check = async (data: Uint8Array) => {
      const sheet = (await loadWorkbook(data)).getWorksheet(WORKBOOK_SHEETS.PRIVEE)!;
      const col = (key: WorkbookColumn) => (sheet.getRow(1).values as unknown[]).indexOf(WORKBOOK_COLUMNS[key]);
      const [version, base, exportId] = [col('baseVersion'), col('baseUid'), col('exportId')];
      expect([version, base, exportId].every((c) => c > 0)).toBe(true);
      for (const c of [version, base, exportId]) expect(sheet.getColumn(c).hidden, `column ${c}`).toBe(true);
      const row4601 = sheet.getRow(2);
      expect(row4601.getCell(1).value).toBe('4601');
      expect([row4601.getCell(version).value, row4601.getCell(base).value]).toEqual([2, uid]);
      expect(String(row4601.getCell(exportId).value)).toMatch(/^[0-9a-f-]{36}$/);
      // 4603 had no opinion: no base.
      expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(base).value ?? null]).toEqual(['4603', null]);
      expect(row4601.getCell(base).protection?.locked).not.toBe(false);
      expect((sheet as unknown as { sheetProtection: object | null }).sheetProtection).toBeTruthy();
      return String(row4601.getCell(exportId).value);
    };
    const exportId = await check(file.data);
    const saved = saveWithLibreOffice(file.data);
    expect(saved.via).toBe('LibreOffice');
    expect(await check(saved.data)).toBe(exportId);
    const summary = (await loadWorkbook(file.data)).getWorksheet('Synthèse')!;
    expect([summary.getCell('A11').value, summary.getCell('B11').value]).toEqual(['Identifiant du classeur', exportId]);
  });
});

describe('importing a workbook exported before later opinions', () => {
  it('turns a changed row on a replaced version into a conflict, applies nothing for an untouched row, and applies a row whose base is current as the prefecture’s', async () => {
    const stale = await staleWorkbook();
    const before = snapshot(national);
    const preview = await national.call('exchange:previewWorkbook', { fileName: 'classeur-06-ancien.xlsx', data: stale });
    expect(snapshot(national)).toEqual(before);
    expect(preview.counts).toEqual({ rows: 4, new: 1, updated: 1, conflicts: 1, unchanged: 1, empty: 0, rejected: 0 });
    expect(preview.changes).toMatchObject([
      { externalId: '4602', action: 'conflict', baseVersion: 1, before: { opinion: 'FAVORABLE', postsSupported: 2, comment: COMMENTS.national }, after: { opinion: 'DEFAVORABLE', comment: CHANGED.stale } },
      { externalId: '4603', action: 'updated', baseVersion: 1, reason: null, after: { opinion: 'FAVORABLE', postsSupported: 2 } },
      { externalId: '4604', action: 'new', baseVersion: null, reason: null },
    ]);
    expect(preview.changes[0]!.reason).toBe('La ligne part de la version 1, mais l’avis en vigueur est la version 2 : les deux versions sont gardées, à arbitrer dans « Conflits à résoudre ».');

    const result = await national.call('exchange:importWorkbook', { token: preview.token });
    expect(result.counts).toMatchObject({ new: 1, updated: 1, conflicts: 1, unchanged: 1 });
    expect(national.store.version).toBe(before.version + 1);
    // The version 4 FAVORABLE stays; the stale row's EXAMEN_COMPLEMENTAIRE is not written back.
    expect(opinionRows('4601')).toEqual([
      { version: 1, opinion: 'DEFAVORABLE' },
      { version: 2, opinion: 'EXAMEN_COMPLEMENTAIRE' },
      { version: 3, opinion: 'EXAMEN_COMPLEMENTAIRE' },
      { version: 4, opinion: 'FAVORABLE' },
    ]);
    expect(opinionRows('4602')).toEqual([
      { version: 1, opinion: 'EXAMEN_COMPLEMENTAIRE' },
      { version: 2, opinion: 'FAVORABLE' },
    ]);
    expect(currentOpinions(national)).toEqual({
      '4601': { opinion: 'FAVORABLE', posts: 3, author: 'Marc Durand', comment: COMMENTS.fav },
      '4602': { opinion: 'FAVORABLE', posts: 2, author: 'Marc Durand', comment: COMMENTS.national },
      '4603': { opinion: 'FAVORABLE', posts: 2, author: PREFECTURE_06, comment: CHANGED.current },
      '4604': { opinion: 'FAVORABLE', posts: 1, author: PREFECTURE_06, comment: CHANGED.fresh },
    });

    const [applied] = await national.call('opinions:history', { dossierId: idOf(national, '4603') });
    expect(applied).toMatchObject({ version: 2, authorName: PREFECTURE_06, importedBy: 'Marc Durand', source: 'import' });
    const [unchanged] = await national.call('opinions:history', { dossierId: idOf(national, '4601') });
    expect(unchanged).toMatchObject({ version: 4, importedBy: null });
    const author = (await national.call('profile:list', {})).find((p) => p.name === PREFECTURE_06);
    expect(author).toMatchObject({ role: 'PREFECTURE', departments: ['06'] });

    const [conflict, ...others] = await national.call('exchange:conflicts', {});
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({
      externalId: '4602',
      status: 'OPEN',
      origin: 'workbook',
      fileName: 'classeur-06-ancien.xlsx',
      senderName: PREFECTURE_06,
      baseVersion: 1,
      importedBy: 'Marc Durand',
      local: { opinion: 'FAVORABLE', postsSupported: 2, comment: COMMENTS.national, authorName: 'Marc Durand' },
      incoming: { opinion: 'DEFAVORABLE', postsSupported: 0, comment: CHANGED.stale, authorName: PREFECTURE_06 },
    });
    const [entry] = await national.call('exchange:log', {});
    expect(entry).toMatchObject({ kind: 'workbook', signed: false, senderName: PREFECTURE_06, importedBy: 'Marc Durand', counts: { conflicts: 1 } });

    // The same stale workbook again, re-saved by LibreOffice: the open conflict is not raised twice.
    const state = snapshot(national);
    const again = await national.call('exchange:previewWorkbook', { fileName: 'classeur-06-ancien-bis.xlsx', data: saveWithLibreOffice(stale).data });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, conflicts: 0, unchanged: 4 });
    expect((await national.call('exchange:importWorkbook', { token: again.token })).logId).toBeNull();
    expect(snapshot(national)).toEqual(state);
  });

  it('does not bring a resolved conflict back when the old workbook is imported again', async () => {
    const stale = await staleWorkbook();
    const first = await national.call('exchange:previewWorkbook', { fileName: 'classeur-06-ancien.xlsx', data: stale });
    await national.call('exchange:importWorkbook', { token: first.token });
    const [conflict] = await national.call('exchange:conflicts', {});
    const resolved = await national.call('exchange:resolveConflict', { id: conflict!.id, keep: 'local', comment: 'L’avis favorable national prime.' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', choice: 'local', origin: 'workbook', result: { opinion: 'FAVORABLE', authorName: 'Marc Durand' } });
    // A later opinion in the app, then the old workbook once more.
    await giveOpinion(national, '4603', 'FAVORABLE', 3, COMMENTS.national);

    const state = snapshot(national);
    const again = await national.call('exchange:previewWorkbook', { fileName: 'classeur-06-ancien.xlsx', data: stale });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, conflicts: 0, unchanged: 4 });
    expect(again.changes).toEqual([]);
    expect((await national.call('exchange:importWorkbook', { token: again.token })).logId).toBeNull();
    expect(snapshot(national)).toEqual(state);
    expect(await national.call('exchange:conflicts', {})).toEqual([]);
    expect(currentOpinions(national)).toMatchObject({ '4602': { opinion: 'FAVORABLE', posts: 2 }, '4603': { opinion: 'FAVORABLE', posts: 3, author: 'Marc Durand' } });
  });

  it('reads a 2021 workbook (no base column) as made from « no opinion »: a dossier with an opinion gets a conflict, one without gets the row', async () => {
    await giveOpinion(national, '4603', 'FAVORABLE', 4, COMMENTS.fav);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste B - Structures privées');
    sheet.addRow(['Identifiant structure', 'Nombre de conseillers demandés', 'Avis Préfecture', 'Commentaire de la Préfecture pour justifier l’avis donné']);
    sheet.addRow([4603, 4, 'Défavorable', COMMENTS.def]);
    sheet.addRow([4601, 3, 'Favorable', COMMENTS.fav]);
    const preview = await national.call('exchange:previewWorkbook', { fileName: 'classeur-2021.xlsx', data: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(preview.counts).toMatchObject({ new: 1, updated: 0, conflicts: 1 });
    expect(preview.changes.find((c) => c.externalId === '4603')?.reason).toBe('La ligne part d’un dossier sans avis, mais l’avis en vigueur est la version 1 : les deux versions sont gardées, à arbitrer dans « Conflits à résoudre ».');
    await national.call('exchange:importWorkbook', { token: preview.token });
    expect(currentOpinions(national)).toMatchObject({ '4603': { opinion: 'FAVORABLE', posts: 4 }, '4601': { opinion: 'FAVORABLE', posts: 3, author: PREFECTURE_06 } });
    expect((await national.call('exchange:conflicts', {})).map((c) => [c.externalId, c.local.opinion, c.incoming.opinion, c.baseVersion])).toEqual([['4603', 'FAVORABLE', 'DEFAVORABLE', null]]);
  });
});
