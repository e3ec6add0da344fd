/**
 * A base for the export tests whose every figure is computed by hand in EXPECTED: a CDI with
 * declared aid and a contract signed on 31/01 (month-end rule), a CDD with aid in cents, a
 * contrat de projet, a CUI at a configured amount carried over from a further review, a refusal
 * with two grounds, platform decisions (one without contract type), a dossier named like a
 * formula, and a dossier without decision. Committee sessions are written as the committee's
 * tables hold them (direct SQL through the journaled store).
 */
import { openBackend, type Backend } from '../../electron/backend/backend';
import { FROZEN_COLUMNS, FROZEN_PLACEHOLDERS, frozenValuesFor } from '../../electron/backend/committee/decision-money';
import { generateDemoDossiers } from '../../electron/backend/demo/generate-demo';
import { writePlatformCsv } from '../../electron/backend/demo/platform-csv';
import { idsByExternalId, importDossiers, useProfile } from './review-fixtures';

export const HYPERLINK_NAME = '=HYPERLINK("http://x","y")';
export const CUI_PER_POST = 18_500.5;
export const MINUTES_HASH = 'a3f1c9e07b5d2468ace0135792468bdf0a1b2c3d4e5f60718293a4b5c6d7e8f9';

const dossiers = [
  { externalId: 'D-CDI', siret: '01234567800012', name: 'Association Le Lien numérique', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 3, contractType: 'CDI', declaredAid: 5000 },
  { externalId: 'D-CDD', siret: '41234567890128', name: 'Centre social des Moulins', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 3, contractType: 'CDD', declaredAid: 1234.56 },
  { externalId: 'D-PROJ', siret: '44306184100047', name: 'Régie de quartier Ariane', legalForm: 'Société coopérative', departmentCode: '06', postsRequested: 1, contractType: 'CONTRAT_PROJET' },
  { externalId: 'D-CUI', siret: '35600000000048', name: 'Emmaüs Connect Nice', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 2, contractType: 'CUI', declaredAid: 0 },
  { externalId: 'D-REFUS', siret: '77567227200011', name: 'Maison des associations de Marseille', legalForm: 'Association déclarée', departmentCode: '13', postsRequested: 2, contractType: 'CDI' },
  // The platform's export carries no contract type: this one comes from a later file.
  { externalId: 'D-HYPER', siret: '12345678200015', name: HYPERLINK_NAME, legalForm: '+SCIC', departmentCode: '13', postsRequested: 1, contractType: 'CDD' },
  { externalId: 'D-NODEC', name: 'Structure sans décision', departmentCode: '06', postsRequested: 1, contractType: 'CDI' },
];

/** Platform decisions come from the platform's own export (status, COSELEC number and date). */
function platformCsv(): Uint8Array {
  const base = generateDemoDossiers(1)[0]!;
  const platform = { ...base, status: 'VALIDATION_COSELEC', coselecValidated: true, coselecNumber: '7', coselecDate: '2021-03-31', departmentCode: '13', regionCode: '93', postalCode: '13001', communeName: 'Marseille', communeInsee: '13055', communeCode: '13055' } as const;
  return new TextEncoder().encode(
    writePlatformCsv([
      { ...platform, externalId: 'D-HYPER', siret: '12345678200015', name: HYPERLINK_NAME, legalForm: '+SCIC', postsRequested: 1, postsGranted: 1 },
      { ...platform, externalId: 'D-NOTYPE', siret: null, name: 'Fédération des centres sociaux 13', legalForm: null, postsRequested: 5, postsGranted: 3 },
    ]),
  );
}

export const COMMENT = 'Projet cohérent avec les besoins du territoire.';

interface CommitteeDecision {
  dossier: string;
  session: 11 | 12;
  decision: 'POSITIF' | 'NEGATIF' | 'EXAMEN_COMPLEMENTAIRE';
  posts: number | null;
  priority?: boolean;
  grounds?: string[];
  comment: string;
  justification?: string;
}

const committeeDecisions: CommitteeDecision[] = [
  { dossier: 'D-CUI', session: 11, decision: 'EXAMEN_COMPLEMENTAIRE', posts: null, comment: 'Précisions attendues sur le recrutement.' },
  { dossier: 'D-CDI', session: 12, decision: 'POSITIF', posts: 2, priority: true, comment: 'Accord pour deux postes.' },
  { dossier: 'D-CDD', session: 12, decision: 'POSITIF', posts: 1, comment: 'Accord pour un poste.' },
  { dossier: 'D-PROJ', session: 12, decision: 'POSITIF', posts: 1, comment: 'Accord.', justification: 'Projet prioritaire du quartier.' },
  { dossier: 'D-CUI', session: 12, decision: 'POSITIF', posts: 2, comment: 'Accord après examen complémentaire.' },
  { dossier: 'D-REFUS', session: 12, decision: 'NEGATIF', posts: null, grounds: ['BESOINS', 'EQUILIBRE_DEPARTEMENTS'], comment: 'Offre existante suffisante.' },
];

const STATUS = { POSITIF: 'VALIDATION_COSELEC', NEGATIF: 'REFUS_COSELEC', EXAMEN_COMPLEMENTAIRE: 'EXAMEN_COMPLEMENTAIRE_COSELEC' } as const;

/** Members, sessions 11 (closed) and 12 (minutes sealed), presence and decisions, as the committee stores them. */
function writeCommittee(backend: Backend, ids: Record<string, number>): void {
  const at = '2021-04-08T15:00:00.000Z';
  backend.store.write({ action: 'test:committee', user: 'Fixture' }, (tx) => {
    tx.run("INSERT INTO settings (key, value) VALUES ('subsidy:settings', ?)", [JSON.stringify({ cuiPerPost: CUI_PER_POST })]);
    for (const [id, name, organisation] of [
      [1, 'Alice Martin', 'ANCT'],
      [2, 'Bruno Petit', 'Banque des Territoires'],
      [3, 'Chloé Roux', 'Ministère'],
    ] as const) {
      tx.run('INSERT INTO committee_members (id, name, organisation, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)', [id, name, organisation, at, at]);
    }
    tx.run("INSERT INTO committee_sessions (id, number, date, place, status, created_at, created_by, updated_at) VALUES (11, '11', '2021-04-01', 'Paris', 'IN_PROGRESS', ?, 'Fixture', ?)", [at, at]);
    tx.run("INSERT INTO committee_sessions (id, number, date, place, status, created_at, created_by, updated_at) VALUES (12, '12', '2021-04-08', 'Paris', 'IN_PROGRESS', ?, 'Fixture', ?)", [at, at]);
    for (const [session, member, presence] of [
      [11, 1, 'PRESENT'],
      [11, 2, 'ABSENT'],
      [11, 3, 'PRESENT'],
      [12, 1, 'PRESENT'],
      [12, 2, 'PRESENT'],
      [12, 3, 'EXCUSED'],
    ] as const) {
      tx.run('INSERT INTO session_members (session_id, member_id, presence) VALUES (?, ?, ?)', [session, member, presence]);
    }
    for (const d of committeeDecisions) {
      const dossierId = ids[d.dossier]!;
      tx.run(
        `INSERT INTO decisions (dossier_id, session_number, session_date, decision, posts_granted, priority, comment, source, recorded_by, recorded_at, session_id, grounds, justification, ${FROZEN_COLUMNS})
         VALUES (?, ?, ?, ?, ?, ?, ?, 'committee', 'Alice Martin', ?, ?, ?, ?, ${FROZEN_PLACEHOLDERS})`,
        [
          ...[dossierId, String(d.session), d.session === 11 ? '2021-04-01' : '2021-04-08', d.decision, d.posts, d.priority ? 1 : 0, d.comment, at, d.session, JSON.stringify(d.grounds ?? []), d.justification ?? null],
          // The money frozen as the committee's own recording does.
          ...frozenValuesFor(tx, dossierId, d.decision, d.posts),
        ],
      );
      tx.run('UPDATE dossiers SET status = ?, posts_granted = ? WHERE id = ?', [STATUS[d.decision], d.posts, dossierId]);
    }
    tx.run("UPDATE committee_sessions SET status = 'CLOSED' WHERE id = 11");
    tx.run("UPDATE committee_sessions SET status = 'VALIDATED', minutes_content = 'PV', minutes_hash = ?, validated_at = '2021-04-09T10:00:00.000Z', validated_by = 'Alice Martin' WHERE id = 12", [MINUTES_HASH]);
  });
}

/** A fresh base (in memory by default) holding the fixture; the current profile is a committee member. */
export async function openExportFixture(dbPath: string | null = null): Promise<{ backend: Backend; ids: Record<string, number> }> {
  const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 60_000 });
  const preview = await backend.call('import:preview', { fileName: 'structures.csv', data: platformCsv() });
  await backend.call('import:commit', { token: preview.token });
  await importDossiers(backend, dossiers, 'dossiers-export.json');
  const ids = await idsByExternalId(backend);
  await useProfile(backend, 'Marc Durand', 'COMMITTEE');
  await backend.call('opinions:record', { dossierId: ids['D-CDI']!, opinion: 'FAVORABLE', postsSupported: 3, comment: COMMENT });
  await backend.call('opinions:record', { dossierId: ids['D-CDD']!, opinion: 'FAVORABLE', postsSupported: 2, comment: COMMENT });
  await backend.call('opinions:record', { dossierId: ids['D-CUI']!, opinion: 'FAVORABLE', postsSupported: 2, comment: COMMENT });
  await backend.call('opinions:record', { dossierId: ids['D-REFUS']!, opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Offre de médiation déjà présente.' });
  await backend.call('targets:set', { departmentCode: '06', target: 5 });
  await backend.call('targets:set', { departmentCode: '13', target: 4 });
  writeCommittee(backend, ids);
  await backend.call('dossiers:setContractSignedAt', { dossierId: ids['D-CDI']!, signedAt: '2022-01-31' });
  await backend.call('dossiers:setContractSignedAt', { dossierId: ids['D-PROJ']!, signedAt: '2021-06-15' });
  return { backend, ids };
}

/**
 * The "Décisions" sheet computed by hand, in its order: session 7 (platform, 31/03/2021), then 12
 * (08/04/2021); within a session by department then dossier id. Money: 2 CDI × 40,000 − 5,000 =
 * 75,000; 1 CDD × 32,000 − 1,234.56 = 30,765.44 (20 %: 6,153.088 → 6,153.09; 30 %: 9,229.632 →
 * 9,229.63; the rest 15,382.72); 1 contrat de projet 40,000; 2 CUI × 18,500.50 = 37,001.
 */
const PACA = "Provence-Alpes-Côte d'Azur";

export const EXPECTED_ROWS = [
  // Frozen by the platform import when the file carried no contract type: no amount, and the later file's CDD is a change, not money.
  ['Plateforme', '7', '2021-03-31', 'D-HYPER', '12345678200015', HYPERLINK_NAME, '+SCIC', '13', 'Bouches-du-Rhône', PACA, 1, null, null, 'Accord', 1, 'Non', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
    'Le dossier a changé depuis la décision : type de contrat non renseigné → CDD'],
  ['Plateforme', '7', '2021-03-31', 'D-NOTYPE', null, 'Fédération des centres sociaux 13', null, '13', 'Bouches-du-Rhône', PACA, 5, null, null, 'Accord', 3, 'Non', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ['Comité', '12', '2021-04-08', 'D-CDD', '41234567890128', 'Centre social des Moulins', 'Association déclarée', '06', 'Alpes-Maritimes', PACA, 3, 'Favorable', 2, 'Accord', 1, 'Non', null, 'Accord pour un poste.', null, 'CDD', 32000, 1234.56, 30765.44, null, 6153.09, null, 9229.63, null, 15382.72, null, null, null, null],
  ['Comité', '12', '2021-04-08', 'D-CDI', '01234567800012', 'Association Le Lien numérique', 'Association déclarée', '06', 'Alpes-Maritimes', PACA, 3, 'Favorable', 3, 'Accord', 2, 'Oui', null, 'Accord pour deux postes.', null, 'CDI', 40000, 5000, 75000, '2022-01-31', 15000, '2022-02-28', 22500, '2022-07-31', 37500, '2023-01-31', null, null, null],
  ['Comité', '12', '2021-04-08', 'D-CUI', '35600000000048', 'Emmaüs Connect Nice', 'Association déclarée', '06', 'Alpes-Maritimes', PACA, 2, 'Favorable', 2, 'Accord', 2, 'Non', null, 'Accord après examen complémentaire.', null, 'CUI (CAE/CIE – PEC)', 18500.5, 0, 37001, null, 7400.2, null, 11100.3, null, 18500.5, null, null, null, null],
  ['Comité', '12', '2021-04-08', 'D-PROJ', '44306184100047', 'Régie de quartier Ariane', 'Société coopérative', '06', 'Alpes-Maritimes', PACA, 1, null, null, 'Accord', 1, 'Non', null, 'Accord.', 'Projet prioritaire du quartier.', 'Contrat de projet', 40000, 0, 40000, '2021-06-15', 8000, '2021-07-15', 12000, '2021-12-15', 20000, '2022-06-15', null, null, null],
  ['Comité', '12', '2021-04-08', 'D-REFUS', '77567227200011', 'Maison des associations de Marseille', 'Association déclarée', '13', 'Bouches-du-Rhône', PACA, 2, 'Défavorable', 0, 'Refus', 0, 'Non',
    'Pertinence du projet au regard des besoins identifiés et de l’offre existante ; Équilibre entre départements au regard de leurs besoins et de leurs dotations', 'Offre existante suffisante.', null, 'CDI', null, null, null, null, null, null, null, null, null, null, null, null, null],

] as const;

/** Columns with a totals formula (0-based) and their totals: 17 requested, 7 supported, 10 granted, aid, subsidy, tranches. */
export const EXPECTED_TOTALS: Record<number, number> = { 10: 17, 12: 7, 14: 10, 21: 6234.56, 22: 182766.44, 24: 36553.29, 26: 54829.93, 28: 91383.22 };

export const EXPECTED_DEPARTMENTS = {
  '06': { decisions: 4, requested: 9, supported: 7, granted: 6, target: 5, gap: 1, subsidy: 182766.44 },
  '13': { decisions: 3, requested: 8, supported: 0, granted: 4, target: 4, gap: 0, subsidy: 0 },
};
