// A decision freezes its money (issue 11, point 1): after the minutes are sealed, re-importing the
// dossier with another contract type and declared aid changes neither the session's totals, nor the
// dossier page, nor the export, nor the minutes; each says what changed since the decision. Only an
// amendment freezes new figures, and the minutes print both. Every amount is computed by hand.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMinutesContent } from '../../electron/backend/committee/minutes-content';
import type { AgendaItem, SessionDetail } from '../../shared/domain/committee';
import { DOSSIERS, heldSession, openCommitteeBase, type CommitteeBase } from './committee-fixtures';
import { importDossiers } from './review-fixtures';

let base: CommitteeBase;
let dir: string;
let session: SessionDetail;
beforeEach(async () => {
  base = await openCommitteeBase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-frozen-'));
  session = await heldSession(base);
  await base.backend.call('minutes:validate', { sessionId: session.id });
});
afterEach(() => {
  base.backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** French amounts and texts with their narrow and no-break spaces as plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const N1 = DOSSIERS.find((d) => d.externalId === 'N-1')!;
/** The file sent again: N-1 now a CDI with 10,000 € of declared aid and 3 posts requested. */
const reimportN1 = () => importDossiers(base.backend, [{ ...N1, contractType: 'CDI', declaredAid: 10_000, postsRequested: 3 }], 'dossiers-modifies.json');

const FLAG = 'Le dossier a changé depuis la décision : type de contrat CDD → CDI ; aides publiques déclarées 5 000 € → 10 000 € ; postes demandés 2 → 3';
const CHANGES = [
  { field: 'contractType', label: 'type de contrat', before: 'CDD', after: 'CDI' },
  { field: 'declaredAid', label: 'aides publiques déclarées', before: '5 000 €', after: '10 000 €' },
  { field: 'postsRequested', label: 'postes demandés', before: '2', after: '3' },
];
// N-1 as decided: CDD, 2 posts × 32,000 = 64,000 − 5,000 aid = 59,000; 20/30/50 %: 11,800, 17,700, 29,500.
const N1_FROZEN = { contractType: 'CDD', contractMonths: null, postsGranted: 2, perPost: 32_000, gross: 64_000, aidDeducted: 5000, net: 59_000, tranches: [11_800, 17_700, 29_500] };

const item = (detail: SessionDetail, externalId: string): AgendaItem => detail.agenda.find((i) => i.externalId === externalId)!;
const plainChanges = (changes: { before: string; after: string }[]) => changes.map((c) => ({ ...c, before: plain(c.before), after: plain(c.after) }));

function pdfText(data: Uint8Array): string {
  const file = path.join(dir, `pv-${Math.random()}.pdf`);
  fs.writeFileSync(file, data);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/(\d) ?€/g, '$1 €')
    .replace(/\s+/g, ' ');
}

/** The « Décisions » row of a dossier in the XLSX export, read back with exceljs (1-based cells). */
async function xlsxRow(externalId: string): Promise<ExcelJS.CellValue[]> {
  const job = await base.backend.call('exports:start', { format: 'xlsx' });
  const file = await base.backend.call('exports:result', { id: job.id });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.data as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Décisions')!;
  const header = sheet.getRow(1).values as ExcelJS.CellValue[];
  expect(header[33]).toBe('Dossier modifié depuis la décision');
  let found: ExcelJS.CellValue[] = [];
  sheet.eachRow((row) => {
    if (row.getCell(4).value === externalId) found = row.values as ExcelJS.CellValue[];
  });
  return found;
}

async function csvLine(externalId: string): Promise<string> {
  const job = await base.backend.call('exports:start', { format: 'csv' });
  const file = await base.backend.call('exports:result', { id: job.id });
  const lines = new TextDecoder().decode(file.data).split('\r\n');
  return plain(lines.find((l) => l.includes(`;${externalId};`)));
}

describe('a sealed decision after the dossier is re-imported with another contract and aid', () => {
  it('keeps its frozen money in the totals, the dossier page, the minutes and both exports, and shows the change', async () => {
    const { backend, ids } = base;
    const before = await backend.call('sessions:get', { id: session.id });
    // N-1 59,000 + N-3 CUI 1 × 15,000 + M-1 contrat de projet 1 × 40,000 = 114,000; V-1 (platform) 3 CDI × 40,000 − 10,000 = 110,000.
    expect(before.totals.subsidy).toEqual({ total: 114_000, byContractType: { CDI: 0, CDD: 59_000, CONTRAT_PROJET: 40_000, CUI: 15_000, NONE: 0 } });
    expect(before.totals.national.subsidy).toBe(224_000);
    expect(item(before, 'N-1').changesSinceDecision).toEqual([]);

    await reimportN1();
    const dossier = await backend.call('dossiers:get', { id: ids['N-1']! });
    expect(dossier.fields).toMatchObject({ contractType: 'CDI', declaredAid: 10_000, postsRequested: 3 });

    // Live totals: unchanged (recomputed live it would be CDI 2 × 40,000 − 10,000 = 70,000).
    const after = await backend.call('sessions:get', { id: session.id });
    expect(after.totals).toEqual(before.totals);
    expect(item(after, 'N-1').decision!.money).toEqual(N1_FROZEN);
    expect(plainChanges(item(after, 'N-1').changesSinceDecision)).toEqual(CHANGES);
    expect(item(after, 'N-3').changesSinceDecision).toEqual([]);

    // The dossier page: its decision and its contract card.
    expect(dossier.decisions).toHaveLength(1);
    expect(dossier.decisions[0]!.money).toEqual(N1_FROZEN);
    expect(plainChanges(dossier.decisions[0]!.changesSinceDecision)).toEqual(CHANGES);
    const signature = await backend.call('dossiers:contractSignature', { dossierId: ids['N-1']! });
    expect(signature).toMatchObject({ contractType: 'CDD', postsGranted: 2, perPost: 32_000, aidDeducted: 5000, total: 59_000 });
    expect(signature.tranches!.map((t) => t.amount)).toEqual([11_800, 17_700, 29_500]);
    expect(plainChanges(signature.changes)).toEqual(CHANGES);
    // The signature, set later, dates the frozen tranches.
    const signed = await backend.call('dossiers:setContractSignedAt', { dossierId: ids['N-1']!, signedAt: '2021-05-31' });
    expect(signed.tranches).toEqual([
      { amount: 11_800, dueDate: '2021-06-30' },
      { amount: 17_700, dueDate: '2021-11-30' },
      { amount: 29_500, dueDate: '2022-05-31' },
    ]);

    // The minutes regenerated from the stored rows hold the same money as the sealed content.
    const sealed = JSON.parse(backend.store.db.value<string>('SELECT minutes_content FROM committee_sessions WHERE id = ?', [session.id])!) as ReturnType<typeof buildMinutesContent>;
    const regenerated = buildMinutesContent(backend.store.db, session.id);
    expect(regenerated.subsidy).toEqual(sealed.subsidy);
    expect(regenerated.totals).toEqual(sealed.totals);
    expect(regenerated.subsidy.find((l) => l.contractType === 'CDD')).toEqual({ contractType: 'CDD', posts: 2, gross: 64_000, aidDeducted: 5000, net: 59_000 });
    expect(pdfText((await backend.call('minutes:pdf', { sessionId: session.id })).data)).toContain('CDD 2 64 000 € 5 000 € 59 000 €');

    // XLSX: type, per post, aid, total, tranche 1, 2, 3 (columns T, U, V, W, Y, AA, AC) and the change column.
    const row = await xlsxRow('N-1');
    expect([row[20], row[21], row[22], row[23], row[25], row[27], row[29]]).toEqual(['CDD', 32_000, 5000, 59_000, 11_800, 17_700, 29_500]);
    expect(plain(row[33] as string)).toBe(FLAG);
    expect((await xlsxRow('N-3'))[33] ?? null).toBeNull();
    // CSV: the same figures and the same flag.
    const line = await csvLine('N-1');
    expect(line).toContain(';CDD;32000,00;5000,00;59000,00;31/05/2021;11800,00;30/06/2021;17700,00;30/11/2021;29500,00;31/05/2022;');
    expect(line.endsWith(`;"${FLAG}"`), line).toBe(true);
  });

  it('changes only through an amendment, which freezes its own figures; the minutes print both', async () => {
    const { backend, ids } = base;
    await reimportN1();
    await backend.call('amendments:create', {
      sessionId: session.id,
      reason: 'Erreur matérielle : un seul poste accordé au Lien numérique.',
      decisions: [{ dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 1, comment: '' }],
    });
    // The amendment is taken on the dossier as it stands: CDI 1 × 40,000 − 10,000 = 30,000 (6,000 / 9,000 / 15,000).
    const detail = await backend.call('sessions:get', { id: session.id });
    expect(item(detail, 'N-1').decision!.money).toEqual({ contractType: 'CDI', contractMonths: null, postsGranted: 1, perPost: 40_000, gross: 40_000, aidDeducted: 10_000, net: 30_000, tranches: [6000, 9000, 15_000] });
    expect(item(detail, 'N-1').changesSinceDecision).toEqual([]);
    expect(detail.totals.subsidy).toEqual({ total: 85_000, byContractType: { CDI: 30_000, CDD: 0, CONTRAT_PROJET: 40_000, CUI: 15_000, NONE: 0 } });
    expect(detail.totals.national.subsidy).toBe(195_000);
    // Both entries stay on the dossier page, each with its own figures.
    expect((await backend.call('dossiers:get', { id: ids['N-1']! })).decisions.map((d) => d.money?.net)).toEqual([59_000, 30_000]);

    const text = pdfText((await backend.call('minutes:pdf', { sessionId: session.id })).data);
    // The sealed content keeps the original figures …
    expect(text).toContain('CDD 2 64 000 € 5 000 € 59 000 €');
    // … and the amendment prints the amended figures with those it replaces.
    expect(text).toContain(
      'Dossier N-1 — Association Le Lien numérique : Accord, 1 poste, subvention 30 000 € (1 poste × 40 000 €, CDI, aides déclarées déduites 10 000 €) (remplace : Accord, 2 postes, subvention 59 000 € (2 postes × 32 000 €, CDD, aides déclarées déduites 5 000 €))',
    );
    const row = await xlsxRow('N-1');
    expect([row[20], row[21], row[22], row[23], row[33] ?? null]).toEqual(['CDI', 40_000, 10_000, 30_000, null]);
  });

  it('is not changed by a new CUI amount in Paramètres', async () => {
    const { backend, ids } = base;
    const before = await backend.call('sessions:get', { id: session.id });
    await backend.call('subsidy:saveSettings', { cuiPerPost: 20_000 });
    const after = await backend.call('sessions:get', { id: session.id });
    expect(after.totals).toEqual(before.totals);
    // N-3: CUI 1 × 15,000 as decided, not 20,000.
    expect(item(after, 'N-3').decision!.money).toMatchObject({ contractType: 'CUI', perPost: 15_000, net: 15_000 });
    expect((await backend.call('dossiers:get', { id: ids['N-3']! })).decisions[0]!.money).toMatchObject({ perPost: 15_000, net: 15_000 });
    expect((await xlsxRow('N-3')).slice(20, 24)).toEqual(['CUI (CAE/CIE – PEC)', 15_000, 0, 15_000]);
  });
});
