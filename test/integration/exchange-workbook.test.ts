// The department workbook (2021 shape): what the export contains, and the row-by-row import.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { WORKBOOK_COLUMNS, WORKBOOK_SHEETS } from '../../shared/domain/exchange';
import { AGENT_06, COMMENTS, currentOpinions, giveOpinion, openNational, snapshot } from './exchange-fixtures';
import { fillWorkbook, loadWorkbook, saveWithLibreOffice } from './exchange-workbook-helpers';
import { useProfile } from './review-fixtures';

let national: Backend;

beforeEach(async () => {
  national = await openNational();
});
afterEach(() => national.close());

// exceljs reads validations back but does not declare them on Worksheet.
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;

describe('the department workbook export', () => {
  it('has the 2021 sheets and columns, drop-down lists, locked identifiers, the target and a live total', async () => {
    await giveOpinion(national, '4601', 'FAVORABLE', 2, COMMENTS.fav);
    await national.call('targets:set', { departmentCode: '06', target: 5 });
    const file = await national.call('exchange:exportWorkbook', { departmentCode: '06' });
    expect(file.fileName).toMatch(/^classeur-avis-06-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await loadWorkbook(file.data);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Synthèse', WORKBOOK_SHEETS.PUBLIQUE, WORKBOOK_SHEETS.PRIVEE]);
    const publicSheet = workbook.getWorksheet(WORKBOOK_SHEETS.PUBLIQUE)!;
    const privateSheet = workbook.getWorksheet(WORKBOOK_SHEETS.PRIVEE)!;
    expect((publicSheet.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(WORKBOOK_COLUMNS));
    expect(publicSheet.getColumn(1).values.slice(2)).toEqual(['4602']);
    expect(privateSheet.getColumn(1).values.slice(2)).toEqual(['4601', '4603', '4604']);
    const row4601 = privateSheet.getRow(2);
    expect(row4601.getCell(13).value).toBe('Favorable');
    expect(row4601.getCell(14).value).toBe(2);
    expect(row4601.getCell(15).value).toBe(COMMENTS.fav);
    // The platform's COSELEC decision on 4604.
    expect([privateSheet.getRow(4).getCell(17).value, privateSheet.getRow(4).getCell(18).value]).toEqual([1, 'Accord']);

    const lists = validations(privateSheet);
    expect(lists.M2).toMatchObject({ type: 'list', formulae: ['"Favorable,Défavorable,Examen complémentaire,Doublon"'] });
    expect(lists.G4).toMatchObject({ type: 'list', formulae: ['"OUI,NON"'] });
    expect(lists.H3).toMatchObject({ type: 'list', formulae: ['"OUI,NON"'] });
    // Bounded by each row's posts requested (exceljs reads that relative bound back as NaN).
    expect(lists.N3).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, expect.anything()] });
    expect(lists.O2).toMatchObject({ type: 'textLength', formulae: [10, 1000] });
    expect(privateSheet.getCell('A2').protection?.locked).not.toBe(false);
    expect(privateSheet.getCell('M2').protection?.locked).toBe(false);
    expect((privateSheet as unknown as { sheetProtection: object | null }).sheetProtection).toBeTruthy();

    const summary = workbook.getWorksheet('Synthèse')!;
    expect(summary.getCell('B3').value).toBe('06 – Alpes-Maritimes');
    expect(summary.getCell('B4').value).toBe(5);
    const total = summary.getCell('B5').value as { formula: string; result: number };
    expect(total.formula).toContain(`SUMIFS('${WORKBOOK_SHEETS.PRIVEE}'!N:N,'${WORKBOOK_SHEETS.PRIVEE}'!M:M,"Favorable")`);
    expect(total.result).toBe(2);

    // The total is live: filled in and recalculated by LibreOffice, it follows the opinions.
    const filled = await fillWorkbook(file.data, { '4603': { opinion: 'Favorable', postsSupported: 3, comment: COMMENTS.fav }, '4602': { opinion: 'Favorable', comment: COMMENTS.fav } });
    const saved = saveWithLibreOffice(filled);
    if (saved.via === 'LibreOffice') {
      const recalculated = (await loadWorkbook(saved.data)).getWorksheet('Synthèse')!;
      // 4601: 2, 4603: 3, 4602 left blank: its 2 posts requested.
      expect((recalculated.getCell('B5').value as { result: number }).result).toBe(7);
      expect((recalculated.getCell('B6').value as { result: number }).result).toBe(2);
    }
  });

  it('is refused for a department outside a prefecture agent’s scope', async () => {
    await useProfile(national, AGENT_06.name, AGENT_06.role, [...AGENT_06.departments]);
    await expect(national.call('exchange:exportWorkbook', { departmentCode: '13' })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await national.call('exchange:exportWorkbook', { departmentCode: '06' })).fileName).toMatch(/-06-/);
  });
});

describe('importing a filled workbook', () => {
  it('previews first, records the valid rows in one transaction and reports every bad row with its sheet, row and column', async () => {
    const file = await national.call('exchange:exportWorkbook', { departmentCode: '06' });
    const filled = await fillWorkbook(file.data, {
      '4602': { opinion: 'doublon', comment: 'Même projet que la candidature 4601.', duplicateOf: '4601' },
      '4603': { opinion: 'Favorable', postsSupported: 'deux', comment: 'x'.repeat(1001) },
      '4601': { opinion: 'Doublon', comment: 'Déposé deux fois par erreur.' },
      '4604': { opinion: 'Examen complémentaire', postsSupported: null, comment: null },
    });
    const before = snapshot(national);
    const preview = await national.call('exchange:previewWorkbook', { fileName: 'rempli.xlsx', data: filled });
    expect(snapshot(national)).toEqual(before);
    expect(preview.sheets).toEqual([WORKBOOK_SHEETS.PUBLIQUE, WORKBOOK_SHEETS.PRIVEE]);
    expect(preview.counts).toEqual({ rows: 4, new: 1, updated: 0, conflicts: 0, unchanged: 0, empty: 0, rejected: 3 });
    expect(preview.changes).toMatchObject([{ sheet: WORKBOOK_SHEETS.PUBLIQUE, row: 2, externalId: '4602', action: 'new', before: null, after: { opinion: 'DOUBLON', postsSupported: 0, duplicateOf: '4601' } }]);
    expect(preview.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, 'Doublon de (Identifiant structure) (P)', 'Avis « Doublon » : indiquez l’identifiant du dossier d’origine.'],
      [3, 'Nombre de conseillers soutenus par la Préfecture (N)', '« deux » n’est pas un nombre entier de conseillers (positif ou nul).'],
      [3, 'Commentaire de la Préfecture pour justifier l’avis donné (O)', 'Commentaire trop long (1\u202f001 caractères) : 1\u202f000 au plus.'],
      [4, 'Commentaire de la Préfecture pour justifier l’avis donné (O)', 'Commentaire manquant : l’avis se justifie en 10 à 1\u202f000 caractères.'],
    ]);
    const result = await national.call('exchange:importWorkbook', { token: preview.token });
    expect(result.counts.new).toBe(1);
    expect(national.store.version).toBe(before.version + 1);
    expect(currentOpinions(national)).toEqual({ '4602': { opinion: 'DOUBLON', posts: 0, author: 'Préfecture 06 – Alpes-Maritimes (classeur)', comment: 'Même projet que la candidature 4601.' } });
    const [version] = await national.call('opinions:history', { dossierId: national.store.db.value<number>("SELECT id FROM dossiers WHERE external_id = '4602'")! });
    expect(version).toMatchObject({ source: 'import', importedBy: 'Marc Durand', duplicateOfId: national.store.db.value<number>("SELECT id FROM dossiers WHERE external_id = '4601'") });

    // The same workbook again: every valid row is unchanged, nothing is written.
    const state = snapshot(national);
    const again = await national.call('exchange:previewWorkbook', { fileName: 'rempli.xlsx', data: filled });
    expect(again).toMatchObject({ alreadyImported: true, counts: { new: 0, updated: 0, unchanged: 1, rejected: 3 } });
    expect((await national.call('exchange:importWorkbook', { token: again.token })).logId).toBeNull();
    expect(snapshot(national)).toEqual(state);
  });

  it('reads a 2021 workbook without the posts column: a favourable opinion supports every post requested', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste B - Structures privées');
    sheet.addRow(['Identifiant structure', 'SIRET', 'Nom Structure', 'Nombre de conseillers demandés', 'Avis Préfecture', 'Commentaire de la Préfecture pour justifier l’avis donné', 'Nombre de conseillers COSELEC', 'Avis COSELEC']);
    sheet.addRow([4603, '', 'Emmaüs Connect Nice', 4, 'FAVORABLE', COMMENTS.fav]);
    sheet.addRow([4601, '', 'Association Le Lien numérique', 3, 'Défavorable', COMMENTS.def]);
    sheet.addRow([4604, '', 'Régie de quartier Ariane', 2]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await national.call('exchange:previewWorkbook', { fileName: 'classeur-2021.xlsx', data });
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ rows: 3, new: 2, empty: 1 });
    await national.call('exchange:importWorkbook', { token: preview.token });
    expect(currentOpinions(national)).toMatchObject({ '4603': { opinion: 'FAVORABLE', posts: 4 }, '4601': { opinion: 'DEFAVORABLE', posts: 0 } });
  });

  it('refuses rows outside a prefecture agent’s scope, one by one', async () => {
    const file13 = await national.call('exchange:exportWorkbook', { departmentCode: '13' });
    const filled = await fillWorkbook(file13.data, { '4701': { opinion: 'Favorable', postsSupported: 1, comment: COMMENTS.fav } });
    await useProfile(national, AGENT_06.name, AGENT_06.role, [...AGENT_06.departments]);
    const preview = await national.call('exchange:previewWorkbook', { fileName: 'classeur-13.xlsx', data: filled });
    expect(preview.counts).toMatchObject({ new: 0, rejected: 1 });
    expect(preview.errors).toMatchObject([{ externalId: '4701', column: 'Identifiant structure (A)', reason: 'Le dossier « 4701 » relève du département 13, hors de votre périmètre (06).' }]);
    const version = national.store.version;
    expect((await national.call('exchange:importWorkbook', { token: preview.token })).logId).toBeNull();
    expect(national.store.version).toBe(version);
  });

  it('refuses a file that is not a department workbook, and changes nothing', async () => {
    const before = snapshot(national);
    await expect(national.call('exchange:previewWorkbook', { fileName: 'avis.csv', data: new TextEncoder().encode('Identifiant structure;Avis Préfecture\n4601;Favorable\n') })).rejects.toMatchObject({ code: 'WORKBOOK_FORMAT' });
    const template = await national.call('import:template', {});
    await expect(national.call('exchange:previewWorkbook', { fileName: template.fileName, data: template.data })).rejects.toMatchObject({
      code: 'WORKBOOK_FORMAT',
      message: `La feuille « Dossiers » du classeur « ${template.fileName} » n’a pas de colonne « Avis Préfecture ». Rien n’a été importé.`,
    });
    const file = await national.call('exchange:exportWorkbook', { departmentCode: '06' });
    await expect(national.call('exchange:previewWorkbook', { fileName: 'coupé.xlsx', data: file.data.subarray(0, 3000) })).rejects.toMatchObject({ code: 'WORKBOOK_UNREADABLE' });
    expect(snapshot(national)).toEqual(before);
  });
});
