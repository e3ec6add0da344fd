/**
 * Issue 11, « Eligibility is a gate, not a footnote »: approving a dossier that is not eligible,
 * or whose legal form cannot be classified, needs a derogation justification stored with the
 * decision; approving without a prefecture opinion needs a justification; the agenda, the minutes
 * and the exports say so; a work contract cannot be signed before the decision.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { buildMinutesContent } from '../../electron/backend/committee/minutes-content';
import type { SessionDetail } from '../../shared/domain/committee';
import { COMMENT, committeeRows, openCommitteeBase, openSession, type CommitteeBase } from './committee-fixtures';
import { idsByExternalId, importDossiers, useProfile } from './review-fixtures';

/** The four ineligible approvals of the issue, and a legal form nobody can classify; all in 06, all with a favourable opinion. */
const INELIGIBLE = [
  { externalId: 'E-COMMUNE', name: 'Commune de Tende', legalForm: 'Commune et commune nouvelle', departmentCode: '06', postsRequested: 2, contractType: 'CDI' },
  { externalId: 'E-CIE', name: 'SAS Azur Numérique', legalForm: 'SAS, société par actions simplifiée', departmentCode: '06', postsRequested: 1, contractType: 'CUI' },
  { externalId: 'E-CUI36', name: 'Association Vésubie Connect', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 1, contractType: 'CUI', contractMonths: 36 },
  { externalId: 'E-CDD19', name: 'Association Roya Numérique', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 1, contractType: 'CDD', contractMonths: 19 },
  { externalId: 'E-SYND', name: 'Union locale des salariés', legalForm: 'Syndicat de salariés', departmentCode: '06', postsRequested: 1, contractType: 'CDI' },
];

/** What each refusal must say about the dossier: the check it derogates from. */
const REASONS: [string, string, RegExp][] = [
  ['E-COMMUNE', 'non éligible', /structure publique, non éligible à cet appel réservé aux personnes morales de droit privé/],
  ['E-CIE', 'non éligible', /le CUI-CIE \/ PEC n’est ouvert aux entreprises que dans les départements d’outre-mer/],
  ['E-CUI36', 'non éligible', /CUI de 36 mois : 24 mois maximum/],
  // A warning: lawful « hors exception prévue par la réglementation du travail » only, so the
  // committee must name the exception it relies on: a derogation, like an error.
  ['E-CDD19', 'à vérifier', /CDD de 19 mois : « la durée maximale d’un CDD est de 18 mois, renouvellement compris, hors exception prévue par la réglementation du travail »/],
  ['E-SYND', 'à vérifier', /« Syndicat de salariés » : forme juridique non reconnue, éligibilité à vérifier/],
];

const DEROGATION = 'Seule structure présente sur le territoire de la Roya.';

let base: CommitteeBase;
let ids: Record<string, number>;
let session: SessionDetail;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-eligibility-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  base = await openCommitteeBase();
  const { backend } = base;
  await useProfile(backend, 'Administrateur ANCT', 'ADMIN');
  await importDossiers(backend, INELIGIBLE, 'eligibility.json');
  ids = await idsByExternalId(backend);
  await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06', '13']);
  for (const d of INELIGIBLE) await backend.call('opinions:record', { dossierId: ids[d.externalId]!, opinion: 'FAVORABLE', postsSupported: d.postsRequested, comment: COMMENT });
  await useProfile(backend, 'Marc Durand', 'COMMITTEE');
  base.ids = ids;
  session = await openSession(base);
});
afterEach(() => base.backend.close());

const approve = (externalId: string, patch: object = {}) =>
  base.backend.call('decisions:record', { sessionId: session.id, dossierId: ids[externalId]!, decision: 'POSITIF', postsGranted: 1, comment: '', ...patch });

/** The store's version and every committee row: what a refusal must leave as it was. */
const state = () => ({ version: base.backend.store.version, rows: committeeRows(base.backend) });

describe('approving a dossier whose eligibility needs a derogation', () => {
  it.each(REASONS)('%s (%s) is refused without a derogation, with a short or a too long one; the base is unchanged', async (externalId, label, reason) => {
    const before = state();
    const refusal = approve(externalId);
    await expect(refusal).rejects.toMatchObject({ code: 'VALIDATION' });
    const message = (await refusal.catch((e: Error) => e.message)) as string;
    expect(message).toMatch(new RegExp(`^Aucune décision n’a été enregistrée\\. Le dossier ${externalId} est ${label} \\(`));
    expect(message).toMatch(reason);
    expect(message).toMatch(/ : l’accord demande une justification de la dérogation \(10 à 1\s000 caractères\)\.$/);
    await expect(approve(externalId, { derogation: '   Court   ' })).rejects.toMatchObject({ message: expect.stringMatching(/\(10 à 1\s000 caractères, 5 saisis\)/) });
    await expect(approve(externalId, { derogation: 'é'.repeat(1001) })).rejects.toMatchObject({
      message: expect.stringMatching(new RegExp(`La justification de la dérogation du dossier ${externalId} compte au plus 1\\s000 caractères \\(1\\s001 saisis\\)`)),
    });
    expect(state()).toEqual(before);
  });

  it.each(REASONS)('%s is approved with a derogation, stored with the decision and the eligibility the committee saw', async (externalId, label, reason) => {
    await approve(externalId, { derogation: `  ${DEROGATION}  ` });
    const [decision] = (await base.backend.call('decisions:list', { sessionId: session.id })).filter((d) => d.dossierId === ids[externalId]);
    expect(decision).toMatchObject({ decision: 'POSITIF', postsGranted: 1, derogation: DEROGATION });
    expect(decision!.eligibility!.state).toBe(label === 'non éligible' ? 'NON_ELIGIBLE' : 'A_VERIFIER');
    expect(decision!.eligibility!.derogation.join(' ')).toMatch(reason);
    expect(base.backend.store.db.get('SELECT derogation FROM decisions WHERE id = ?', [decision!.id])).toEqual({ derogation: DEROGATION });
  });

  it('accepts exactly 10 and 1,000 characters, counted as a reader counts them', async () => {
    await approve('E-COMMUNE', { derogation: 'Dérogé ici' });
    await approve('E-CIE', { derogation: 'é'.repeat(1000) });
    const decisions = await base.backend.call('decisions:list', { sessionId: session.id });
    expect(decisions.find((d) => d.dossierId === ids['E-COMMUNE'])?.derogation).toBe('Dérogé ici');
    expect(decisions.find((d) => d.dossierId === ids['E-CIE'])?.derogation).toHaveLength(1000);
  });

  it('refuses a derogation that nothing calls for: on a refusal, or on an eligible dossier', async () => {
    const before = state();
    await expect(
      base.backend.call('decisions:record', { sessionId: session.id, dossierId: ids['E-COMMUNE']!, decision: 'NEGATIF', grounds: ['ELIGIBILITE'], comment: 'Structure publique.', justification: 'Avis favorable non suivi.', derogation: DEROGATION }),
    ).rejects.toMatchObject({ message: expect.stringContaining('La justification de la dérogation ne s’applique qu’à un accord') });
    await expect(approve('N-2', { derogation: DEROGATION })).rejects.toMatchObject({
      message: 'Aucune décision n’a été enregistrée. Le dossier N-2 ne demande pas de dérogation (éligible) : laissez la justification de la dérogation vide.',
    });
    await expect(base.backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-2']!, decision: 'POSITIF', postsGranted: 1, comment: '', derogation: 12 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(state()).toEqual(before);
  });

  it('gates amendments of sealed minutes the same way', async () => {
    await approve('E-CDD19', { derogation: DEROGATION });
    for (const d of session.agenda.filter((item) => item.externalId !== 'E-CDD19')) {
      await base.backend.call('decisions:record', { sessionId: session.id, dossierId: d.dossierId, decision: 'EXAMEN_COMPLEMENTAIRE', comment: '', justification: 'Le comité reporte son examen.' });
    }
    await base.backend.call('sessions:setStatus', { sessionId: session.id, status: 'CLOSED' });
    await base.backend.call('minutes:validate', { sessionId: session.id });
    const before = state();
    await expect(base.backend.call('amendments:create', { sessionId: session.id, reason: 'Erreur matérielle sur la commune.', decisions: [{ dossierId: ids['E-COMMUNE']!, decision: 'POSITIF', postsGranted: 1, comment: '' }] })).rejects.toMatchObject({
      message: expect.stringContaining('Le dossier E-COMMUNE est non éligible'),
    });
    expect(state()).toEqual(before);
    await base.backend.call('amendments:create', { sessionId: session.id, reason: 'Erreur matérielle sur la commune.', decisions: [{ dossierId: ids['E-COMMUNE']!, decision: 'POSITIF', postsGranted: 1, comment: '', derogation: DEROGATION }] });
    expect((await base.backend.call('decisions:list', { sessionId: session.id })).find((d) => d.dossierId === ids['E-COMMUNE'])).toMatchObject({ derogation: DEROGATION, amendmentId: expect.any(Number) });
  });
});

describe('approving without a prefecture opinion', () => {
  it('is refused without a justification, naming the dossier, and accepted with one', async () => {
    const { backend } = base;
    session = (await backend.call('agenda:add', { sessionId: session.id, dossierIds: [ids['M-3']!] })).session;
    const before = state();
    await expect(approve('M-3')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Aucune décision n’a été enregistrée. Le dossier M-3 n’a pas d’avis de la préfecture : justifiez l’accord sans avis (au moins 10 caractères).',
    });
    await expect(approve('M-3', { justification: 'Trop bref' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(state()).toEqual(before);
    // Refusing or postponing a dossier without an opinion needs nothing more.
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['M-3']!, decision: 'EXAMEN_COMPLEMENTAIRE', comment: '' });
    await approve('M-3', { justification: 'Avis de la préfecture transmis oralement en séance.' });
    expect((await backend.call('decisions:list', { sessionId: session.id })).find((d) => d.dossierId === ids['M-3'])).toMatchObject({ decision: 'POSITIF', justification: 'Avis de la préfecture transmis oralement en séance.', derogation: null });
  });
});

describe('the agenda, the minutes and the exports', () => {
  it('the agenda shows each item’s eligibility: éligible, à vérifier, non éligible, with the reasons', async () => {
    const detail = await base.backend.call('sessions:get', { id: session.id });
    const of = (externalId: string) => detail.agenda.find((item) => item.externalId === externalId)!.eligibility;
    expect(of('N-2')).toEqual({ state: 'ELIGIBLE', reasons: [], derogation: [] });
    expect(of('E-COMMUNE').state).toBe('NON_ELIGIBLE');
    expect(of('E-COMMUNE').reasons[0]).toMatch(/^Personne morale de droit privé : « Commune et commune nouvelle » : structure publique/);
    expect(of('E-CDD19')).toMatchObject({ state: 'A_VERIFIER', derogation: [expect.stringMatching(/^Type de contrat : CDD de 19 mois/)] });
    expect(of('E-SYND').state).toBe('A_VERIFIER');
  });

  it('the minutes print each derogation with its justification; the export carries the eligibility and the derogation', async () => {
    const { backend } = base;
    await approve('E-COMMUNE', { derogation: DEROGATION });
    await approve('E-CDD19', { derogation: 'Exception du code du travail : remplacement d’un salarié absent.' });
    await approve('N-2');
    const content = buildMinutesContent(backend.store.db, session.id);
    const items = content.departments.flatMap((d) => d.items);
    const commune = items.find((i) => i.externalId === 'E-COMMUNE')!.decision!;
    expect(commune.derogation).toBe(DEROGATION);
    expect(commune.eligibility?.state).toBe('NON_ELIGIBLE');
    expect(items.find((i) => i.externalId === 'N-2')!.decision).toMatchObject({ derogation: null, eligibility: { state: 'ELIGIBLE' } });

    const pdf = path.join(dir, `pv-${Date.now()}.pdf`);
    fs.writeFileSync(pdf, (await backend.call('minutes:pdf', { sessionId: session.id })).data);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Dérogations aux conditions d’éligibilité');
    expect(text).toContain('2 accords ont été décidés par dérogation aux conditions d’éligibilité');
    expect(text).toContain(`Justification de la dérogation : ${DEROGATION}`);
    expect(text).toContain('Justification de la dérogation : Exception du code du travail : remplacement d’un salarié absent.');
    expect(text).toMatch(/Éligibilité : non éligible : Personne morale de droit privé : « Commune et commune nouvelle » : structure publique/);

    const job = await backend.call('exports:start', { format: 'csv' });
    const file = await backend.call('exports:result', { id: job.id });
    const rows = Papa.parse<string[]>(Buffer.from(file.data).toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(-3)).toEqual(['Éligibilité (à la décision)', 'Justification de la dérogation', 'Dossier modifié depuis la décision']);
    const row = (externalId: string) => rows.find((r) => r[col('Identifiant dossier')] === externalId)!;
    expect(row('E-COMMUNE')[col('Éligibilité (à la décision)')]).toMatch(/^non éligible : Personne morale de droit privé : « Commune et commune nouvelle » : structure publique/);
    expect(row('E-COMMUNE')[col('Justification de la dérogation')]).toBe(DEROGATION);
    expect(row('E-CDD19')[col('Éligibilité (à la décision)')]).toMatch(/^à vérifier : Type de contrat : CDD de 19 mois/);
    expect(row('N-2')[col('Éligibilité (à la décision)')]).toBe('éligible');
    expect(row('N-2')[col('Justification de la dérogation')]).toBe('');
  });
});

describe('the work contract’s signature', () => {
  it('cannot precede the decision: refused naming the dossier and both dates, nothing written; the day itself is fine', async () => {
    const { backend } = base;
    await approve('E-CDD19', { derogation: DEROGATION });
    const before = state();
    const signed = () => backend.store.db.get('SELECT contract_signed_at FROM dossiers WHERE id = ?', [ids['E-CDD19']!]);
    await expect(backend.call('dossiers:setContractSignedAt', { dossierId: ids['E-CDD19']!, signedAt: '2021-03-31' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Dossier E-CDD19 : le contrat de travail ne peut pas être signé le 31 mars 2021, avant la décision d’attribution du 1er avril 2021 (séance COSELEC 12). Vérifiez la date de signature.',
    });
    expect(state()).toEqual(before);
    expect(signed()).toEqual({ contract_signed_at: null });
    await backend.call('dossiers:setContractSignedAt', { dossierId: ids['E-CDD19']!, signedAt: '2021-04-01' });
    expect(signed()).toEqual({ contract_signed_at: '2021-04-01' });
  });
});
