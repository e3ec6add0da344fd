import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../shared/api/contract';
import { COMMENT, committeeRows, heldSession as held, openCommitteeBase, type CommitteeBase } from './committee-fixtures';

const heldSession = () => held(base);

let base: CommitteeBase;
let dir: string;
beforeEach(async () => {
  base = await openCommitteeBase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-minutes-'));
});
afterEach(() => {
  base.backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The PDF's text as pdftotext (poppler) reads it, spaces of every kind as plain spaces. */
function pdfText(data: Uint8Array, layout = false): string {
  const file = path.join(dir, `minutes-${Date.now()}-${Math.random()}.pdf`);
  fs.writeFileSync(file, data);
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext drops the no-break space of « 0 € » in table cells: the euro sign is put back after one space.
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/(\d) ?€/g, '$1 €');
}

describe('the minutes', () => {
  it('as a draft PDF: every decision, the members, the quorum, the conflicts, the totals, page numbers', async () => {
    const session = await heldSession();
    const { fileName, data } = await base.backend.call('minutes:pdf', { sessionId: session.id });
    expect(fileName).toBe('proces-verbal-coselec-12-projet.pdf');
    expect(Buffer.from(data.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(data);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('PROJET — procès-verbal non validé');
    expect(flat).toContain('Séance COSELEC 12 du comité de sélection national');
    expect(flat).toContain('Jeudi 1er avril 2021 — ANCT, Paris');
    expect(flat).toContain('Présidence de séance : Alice Martin (ANCT)');
    expect(flat).toContain('Membres présents (4) : Alice Martin (ANCT) ; Bruno Petit (Banque des Territoires) ; Chloé Roux (Ministère de l’Intérieur) ; David Leroy (ANCT)');
    expect(flat).toContain('Membres absents (1) : Émilie Garnier (Régions de France)');
    expect(flat).toContain('soit 3 membres présents. Avec 4 membres présents, le quorum est atteint');
    expect(flat).toContain('Bruno Petit : structure SIRET 77567227200011 — Administrateur de la structure.');
    for (const [id, name] of [
      ['N-1', 'Association Le Lien numérique'],
      ['N-2', 'Centre social des Moulins'],
      ['N-3', 'Emmaüs Connect Nice'],
      ['N-4', 'Régie de quartier Ariane'],
      ['M-1', 'Maison des associations de Marseille'],
      ['M-2', 'Fédération des centres sociaux 13'],
    ]) {
      expect(flat).toContain(`Dossier ${id} — ${name}`);
    }
    expect(flat).toContain('Dossier N-1 — Association Le Lien numérique SIRET 73282932000074 · CDD · 2 postes demandés · avis de la préfecture : favorable (2 postes soutenus)');
    expect(flat).toContain('Décision : Accord — 2 postes accordés (prioritaire)');
    expect(flat).toContain('Décision : Accord — 1 poste accordé');
    expect(flat).toContain('Décision : Refus Motifs : Pertinence du projet au regard des besoins identifiés et de l’offre existante ; Répartition des postes au sein du département');
    expect(flat).toContain('Commentaire : Offre de médiation déjà présente dans le quartier.');
    expect(flat).toContain('Décision : Examen complémentaire');
    expect(flat).toContain('Justification de l’écart à l’avis de la préfecture : Le comité attend la convention signée avec la commune.');
    expect(flat).toContain('Observations : Plan de financement à préciser.');
    expect(flat).toContain('Vote : 2 voix pour, 1 voix contre, 0 abstention (base de vote : 3 membres présents non récusés) — majorité atteinte.');
    expect(flat).toContain('Déport : Bruno Petit (conflit d’intérêts) : n’a pris part ni à la délibération ni au vote.');
    expect(flat).toContain('06 — Alpes-Maritimes');
    expect(flat).toContain('13 — Bouches-du-Rhône');
    // Totals: N-1 CDD 2 × 32 000 − 5 000 aid, N-3 CUI 1 × 15 000, M-1 contrat de projet 1 × 40 000;
    // nationally V-1 too (platform: 3 CDI posts, 120 000 − 10 000 aid).
    expect(flat).toContain('Postes accordés au cours de la séance : 4. Subvention de l’État engagée par ces accords, aides publiques déjà perçues déduites : 114 000 €.');
    expect(flat).toMatch(/CDD 2 64 000 € 5 000 € 59 000 € Contrat de projet 1 40 000 € 0 € 40 000 € CUI \(CAE\/CIE – PEC\) 1 15 000 € 0 € 15 000 € Total 4 119 000 € 5 000 € 114 000 € Montants par poste : CDI et contrat de projet 40 000 €, CDD 32 000 €, CUI 15 000 € \(montant fixé par l’ANCT\)\./);
    expect(flat).toContain('7 postes accordés sur un objectif de 15 (46,7 % de l’objectif) ; subvention engagée : 224 000 €');
    expect(flat).toMatch(/06 — Alpes-Maritimes 3 3 10 13 — Bouches-du-Rhône 1 1 5/);
    expect(flat).toContain('La séance est ouverte à 14 h 00 sous la présidence d’Alice Martin.');
    expect(flat).toContain('La présidence de séance');
    const pages = Number(/Page 1 \/ (\d+)/.exec(flat)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(flat).toContain(`Page ${pages} / ${pages}`);
  });

  it('validation seals them: content and SHA-256 stored, the hash printed; only a closed session', async () => {
    const { backend } = base;
    const session = await heldSession();
    await backend.call('sessions:setStatus', { sessionId: session.id, status: 'IN_PROGRESS' });
    await expect(backend.call('minutes:validate', { sessionId: session.id })).rejects.toMatchObject({ code: 'VALIDATION', message: 'Le procès-verbal de la séance COSELEC 12 se valide une fois la séance close.' });
    await backend.call('sessions:setStatus', { sessionId: session.id, status: 'CLOSED' });
    const sealed = await backend.call('minutes:validate', { sessionId: session.id });
    expect(sealed).toMatchObject({ status: 'VALIDATED', validatedBy: 'Marc Durand' });
    const row = backend.store.db.get<{ minutes_content: string; minutes_hash: string }>('SELECT minutes_content, minutes_hash FROM committee_sessions WHERE id = ?', [session.id])!;
    expect(row.minutes_hash).toBe(createHash('sha256').update(row.minutes_content, 'utf8').digest('hex'));
    expect(sealed.minutesHash).toBe(row.minutes_hash);
    const content = JSON.parse(row.minutes_content) as { departments: { items: { externalId: string; decision: { decision: string } | null }[] }[] };
    expect(content.departments.flatMap((d) => d.items.map((i) => [i.externalId, i.decision?.decision]))).toEqual([
      ['N-1', 'POSITIF'],
      ['N-2', 'EXAMEN_COMPLEMENTAIRE'],
      ['N-3', 'POSITIF'],
      ['N-4', 'NEGATIF'],
      ['M-2', 'EXAMEN_COMPLEMENTAIRE'],
      ['M-1', 'POSITIF'],
    ]);
    const { fileName, data } = await backend.call('minutes:pdf', { sessionId: session.id });
    expect(fileName).toBe('proces-verbal-coselec-12.pdf');
    const flat = pdfText(data).replace(/\s+/g, ' ');
    expect(flat).toContain(`Contenu scellé ; empreinte SHA-256 : ${row.minutes_hash}`);
    expect(flat).toContain(`Contenu scellé — SHA-256 : ${row.minutes_hash}`);
    expect(flat).toMatch(/Procès-verbal validé le \d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2} par Marc Durand/u);
    expect(flat).not.toContain('PROJET');
    // The sealed PDF is made from the sealed content: a later change elsewhere does not alter it.
    await backend.call('targets:set', { departmentCode: '06', target: 40 });
    expect(pdfText((await backend.call('minutes:pdf', { sessionId: session.id })).data).replace(/\s+/g, ' ')).toContain('sur un objectif de 15 (46,7 % de l’objectif)');
  });

  it('after validation, the session and its decisions are read-only: every write is refused and nothing moves', async () => {
    const { backend, ids, members } = base;
    const session = await heldSession();
    await backend.call('minutes:validate', { sessionId: session.id });
    const version = backend.store.version;
    const rows = committeeRows(backend);
    const writes: [ApiMethod, object][] = [
      ['decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 1, comment: '' }],
      ['decisions:record', { sessionId: session.id, dossierId: ids['N-4']!, decision: 'POSITIF', postsGranted: 1, comment: '', justification: 'Revirement du comité.' }],
      ['sessions:save', { id: session.id, number: '12', date: '2021-04-01', place: 'Ailleurs', chairId: members.Alice!, memberIds: session.members.map((m) => m.memberId) }],
      ['sessions:setPresence', { sessionId: session.id, memberId: members.Émilie!, presence: 'PRESENT' }],
      ['sessions:setStatus', { sessionId: session.id, status: 'IN_PROGRESS' }],
      ['sessions:setStatus', { sessionId: session.id, status: 'CLOSED' }],
      ['agenda:add', { sessionId: session.id, dossierIds: [ids['M-3']!] }],
      ['agenda:addByFilter', { sessionId: session.id, filter: {} }],
      ['agenda:remove', { sessionId: session.id, dossierId: ids['M-2']! }],
      ['agenda:reorder', { sessionId: session.id, order: [...session.agenda.map((i) => i.dossierId)].reverse() }],
      ['conflicts:declare', { sessionId: session.id, memberId: members.Alice!, dossierId: ids['N-1']!, note: COMMENT }],
      ['conflicts:remove', { sessionId: session.id, conflictId: session.conflicts[0]!.id }],
      ['minutes:saveSections', { sessionId: session.id, sections: { conclusion: 'Autre conclusion.' } }],
      ['minutes:validate', { sessionId: session.id }],
    ];
    for (const [method, request] of writes) {
      await expect(backend.call(method, request), method).rejects.toMatchObject({
        code: 'SEALED',
        message: 'Le procès-verbal de la séance COSELEC 12 est validé : la séance et ses décisions sont en lecture seule. Toute correction passe par un amendement.',
      });
    }
    expect(backend.store.version).toBe(version);
    expect(committeeRows(backend)).toEqual(rows);
    // Defence in depth: the schema refuses too, whatever path the SQL comes from.
    const db = backend.store.db;
    const decisionId = db.value<number>('SELECT max(id) FROM decisions WHERE session_id = ?', [session.id])!;
    expect(() => db.run('UPDATE decisions SET posts_granted = 9 WHERE id = ?', [decisionId])).toThrow(/lecture seule/);
    expect(() => db.run('DELETE FROM decisions WHERE id = ?', [decisionId])).toThrow(/lecture seule/);
    expect(() => db.run("INSERT INTO decisions (dossier_id, decision, source, recorded_by, recorded_at, session_id) VALUES (?, 'NEGATIF', 'committee', 'x', 'x', ?)", [ids['N-1']!, session.id])).toThrow(/amendement/);
    expect(() => db.run("UPDATE committee_sessions SET status = 'CLOSED' WHERE id = ?", [session.id])).toThrow(/lecture seule/);
    expect(() => db.run("UPDATE session_members SET presence = 'PRESENT' WHERE session_id = ?", [session.id])).toThrow(/lecture seule/);
    expect(() => db.run('DELETE FROM agenda_items WHERE session_id = ?', [session.id])).toThrow(/lecture seule/);
    expect(() => db.run('DELETE FROM conflicts WHERE session_id = ?', [session.id])).toThrow(/lecture seule/);
    expect(committeeRows(backend)).toEqual(rows);
  });

  it('are corrected only by an amendment, linked to them and shown in later exports', async () => {
    const { backend, ids } = base;
    const session = await heldSession();
    const amend = (reason: string, decisions: object[]) => backend.call('amendments:create', { sessionId: session.id, reason, decisions });
    await expect(amend('Erreur matérielle sur le nombre de postes.', [])).rejects.toMatchObject({ code: 'VALIDATION', message: /n’est pas validé : corrigez directement la séance/ });
    const sealed = await backend.call('minutes:validate', { sessionId: session.id });
    const version = backend.store.version;
    await expect(amend('court', [])).rejects.toMatchObject({ code: 'VALIDATION', message: /motif de l’amendement/ });
    await expect(amend('Erreur matérielle sur le nombre de postes.', [{ dossierId: ids['N-2']!, decision: 'POSITIF', postsGranted: 3, comment: '' }])).rejects.toMatchObject({
      code: 'VALIDATION',
      message: /avis favorable, 2 postes soutenus\) : justifiez-la/,
    });
    await expect(amend('Erreur matérielle sur le nombre de postes.', [{ dossierId: ids['M-3']!, decision: 'POSITIF', postsGranted: 1, comment: '' }])).rejects.toMatchObject({ message: /M-3 n’est pas inscrit/ });
    expect(backend.store.version).toBe(version);

    const amended = await amend('Erreur matérielle : le comité avait accordé un poste au Centre social des Moulins.', [{ dossierId: ids['N-2']!, decision: 'POSITIF', postsGranted: 1, comment: '' }]);
    expect(amended.status).toBe('VALIDATED');
    expect(amended.minutesHash).toBe(sealed.minutesHash);
    expect(amended.amendments).toEqual([
      { id: expect.any(Number), sessionId: session.id, reason: 'Erreur matérielle : le comité avait accordé un poste au Centre social des Moulins.', decisionIds: [expect.any(Number)], createdBy: 'Marc Durand', createdAt: expect.any(String) },
    ]);
    const n2 = amended.agenda.find((i) => i.externalId === 'N-2')!;
    expect(n2.decision).toMatchObject({ postsGranted: 1, amendmentId: amended.amendments[0]!.id, id: amended.amendments[0]!.decisionIds[0] });
    expect(amended.totals.postsGranted).toBe(5);
    expect(amended.totals.subsidy.total).toBe(154_000);
    const dossier = await backend.call('dossiers:get', { id: ids['N-2']! });
    expect(dossier.postsGranted).toBe(1);
    expect(dossier.status).toBe('VALIDATION_COSELEC');
    expect(dossier.decisions.map((d) => [d.decision, d.postsGranted, d.amendmentId !== null])).toEqual([
      ['EXAMEN_COMPLEMENTAIRE', null, false],
      ['POSITIF', 1, true],
    ]);
    expect((await backend.call('sessions:history', { sessionId: session.id }))[0]).toMatchObject({
      action: 'amendments:create',
      summary: 'Amendement n° 1 : Erreur matérielle : le comité avait accordé un poste au Centre social des Moulins. — dossier N-2 : Accord, 1 poste',
    });
    // The sealed content is untouched; the PDF adds the amendment after it.
    const flat = pdfText((await backend.call('minutes:pdf', { sessionId: session.id })).data).replace(/\s+/g, ' ');
    expect(flat).toContain(`empreinte SHA-256 : ${sealed.minutesHash}`);
    expect(flat).toMatch(/Amendement n° 1 du \d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2}, par Marc Durand/u);
    expect(flat).toContain('Motif : Erreur matérielle : le comité avait accordé un poste au Centre social des Moulins.');
    expect(flat).toContain('Dossier N-2 — Centre social des Moulins : Accord, 1 poste, subvention 40 000 € (1 poste × 40 000 €, CDI) (remplace : Examen complémentaire)');
  });

  it('renders a first page that looks like a procès-verbal', async () => {
    const session = await heldSession();
    await base.backend.call('minutes:validate', { sessionId: session.id });
    const { data } = await base.backend.call('minutes:pdf', { sessionId: session.id });
    const out = '/tmp/shots/committee';
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'proces-verbal-coselec-12.pdf'), data);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', path.join(out, 'proces-verbal-coselec-12.pdf'), path.join(out, 'minutes-page')]);
    expect(fs.existsSync(path.join(out, 'minutes-page-1.png'))).toBe(true);
    const fonts = execFileSync('pdffonts', [path.join(out, 'proces-verbal-coselec-12.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSans.*TrueType.*yes/);
    expect(fonts).not.toMatch(/Helvetica/);
  });
});
