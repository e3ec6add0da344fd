/**
 * A base for the committee tests: dossiers of 06 and 13 with contract types and declared aid,
 * their prefecture opinions, a dossier the platform already validated (83), department targets,
 * seven committee members and a CUI amount. Every figure of the tests is computed by hand from it.
 */
import { openBackend, type Backend } from '../../electron/backend/backend';
import type { SessionDetail } from '../../shared/domain/committee';
import { idsByExternalId, importDossiers, useProfile } from './review-fixtures';

export const COMMENT = 'Projet cohérent avec les besoins du territoire.';
export const CUI_PER_POST = 15_000;

export const DOSSIERS = [
  { externalId: 'N-1', siret: '73282932000074', name: 'Association Le Lien numérique', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 2, contractType: 'CDD', declaredAid: 5000 },
  { externalId: 'N-2', siret: '41234567890128', name: 'Centre social des Moulins', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 3, contractType: 'CDI' },
  { externalId: 'N-3', siret: '35600000000048', name: 'Emmaüs Connect Nice', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 1, contractType: 'CUI', networkName: 'Emmaüs Connect', nationalNetwork: true },
  { externalId: 'N-4', siret: '44306184100047', name: 'Régie de quartier Ariane', legalForm: 'Association déclarée', departmentCode: '06', postsRequested: 4, contractType: 'CDI' },
  { externalId: 'M-1', siret: '77567227200011', name: 'Maison des associations de Marseille', legalForm: 'Association déclarée', departmentCode: '13', postsRequested: 2, contractType: 'CONTRAT_PROJET', branchAgreement: true },
  { externalId: 'M-2', siret: '12345678200015', name: 'Fédération des centres sociaux 13', legalForm: 'Association déclarée', departmentCode: '13', postsRequested: 5, contractType: 'CDD' },
  { externalId: 'M-3', name: 'Café associatif du Panier', legalForm: 'Association déclarée', departmentCode: '13', postsRequested: 1, contractType: 'CDI' },
  // Already validated on the national platform (COSELEC 11): counts in the national totals.
  { externalId: 'V-1', name: 'Ligue de l’enseignement du Var', legalForm: 'Association déclarée', departmentCode: '83', postsRequested: 3, contractType: 'CDI', declaredAid: 10_000, status: 'VALIDATION_COSELEC', postsGranted: 3, coselecNumber: '11', coselecDate: '2021-03-24' },
];

export const MEMBERS = [
  ['Alice Martin', 'ANCT'],
  ['Bruno Petit', 'Banque des Territoires'],
  ['Chloé Roux', 'Ministère de l’Intérieur'],
  ['David Leroy', 'ANCT'],
  ['Émilie Garnier', 'Régions de France'],
  ['Fatou Diallo', 'Départements de France'],
  ['Gilles Moreau', 'Ministère de l’Économie'],
] as const;

export interface CommitteeBase {
  backend: Backend;
  ids: Record<string, number>;
  /** Member ids by first name. */
  members: Record<string, number>;
}

/** A fresh base (in memory, or at `dbPath`) with the fixture; the current profile is a committee member. */
export async function openCommitteeBase(dbPath: string | null = null): Promise<CommitteeBase> {
  const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 600_000 });
  await importDossiers(backend, DOSSIERS, 'committee.json');
  const ids = await idsByExternalId(backend);
  await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06', '13']);
  await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: COMMENT });
  await backend.call('opinions:record', { dossierId: ids['N-2']!, opinion: 'FAVORABLE', postsSupported: 2, comment: COMMENT });
  await backend.call('opinions:record', { dossierId: ids['N-3']!, opinion: 'FAVORABLE', postsSupported: 1, comment: COMMENT });
  await backend.call('opinions:record', { dossierId: ids['N-4']!, opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Offre de médiation déjà présente dans le quartier.' });
  await backend.call('opinions:record', { dossierId: ids['M-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: COMMENT });
  await backend.call('opinions:record', { dossierId: ids['M-2']!, opinion: 'EXAMEN_COMPLEMENTAIRE', postsSupported: 0, comment: 'Plan de financement à préciser.' });
  await useProfile(backend, 'Marc Durand', 'COMMITTEE');
  await backend.call('targets:set', { departmentCode: '06', target: 10 });
  await backend.call('targets:set', { departmentCode: '13', target: 5 });
  await backend.call('subsidy:saveSettings', { cuiPerPost: CUI_PER_POST });
  const members: Record<string, number> = {};
  for (const [name, organisation] of MEMBERS) {
    const saved = await backend.call('members:save', { name, organisation, active: true });
    members[name.split(' ')[0]!] = saved.id;
  }
  return { backend, ids, members };
}

/**
 * Session « 12 » with Alice (chair), Bruno, Chloé, David and Émilie; `present` of them present;
 * the dossiers ready for decision on its agenda (N-1 … N-4, M-2, M-1 by department and name; not M-3 without opinion,
 * nor V-1 already decided).
 */
export async function openSession(base: CommitteeBase, present: readonly string[] = ['Alice', 'Bruno', 'Chloé', 'David']): Promise<SessionDetail> {
  const { backend, members } = base;
  const five = ['Alice', 'Bruno', 'Chloé', 'David', 'Émilie'].map((n) => members[n]!);
  let session = await backend.call('sessions:save', { number: '12', date: '2021-04-01', place: 'ANCT, Paris', chairId: members.Alice!, memberIds: five });
  session = (await backend.call('agenda:addByFilter', { sessionId: session.id, filter: {}, readyForDecision: true })).session;
  for (const name of present) session = await backend.call('sessions:setPresence', { sessionId: session.id, memberId: members[name]!, presence: 'PRESENT' });
  return backend.call('sessions:setStatus', { sessionId: session.id, status: 'IN_PROGRESS' });
}

/**
 * A session held and closed: Bruno's conflict with M-1's structure, votes, every kind of decision
 * (N-1, N-3, M-1 approved, N-4 refused, N-2 and M-2 to further review), free-text sections.
 */
export async function heldSession(base: CommitteeBase): Promise<SessionDetail> {
  const { backend, ids, members } = base;
  let session = await openSession(base);
  session = await backend.call('conflicts:declare', { sessionId: session.id, memberId: members.Bruno!, siret: '77567227200011', note: 'Administrateur de la structure' });
  const record = (req: object) => backend.call('decisions:record', { sessionId: session.id, comment: '', ...req });
  await record({ dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, priority: true, comment: 'Itinérance dans les vallées de la Roya et de la Vésubie.', vote: { for: 4, against: 0, abstain: 0 } });
  await record({ dossierId: ids['N-2']!, decision: 'EXAMEN_COMPLEMENTAIRE', justification: 'Le comité attend la convention signée avec la commune.' });
  await record({ dossierId: ids['N-3']!, decision: 'POSITIF', postsGranted: 1 });
  await record({ dossierId: ids['M-1']!, decision: 'POSITIF', postsGranted: 1, vote: { for: 2, against: 1, abstain: 0 } });
  await record({ dossierId: ids['N-4']!, decision: 'NEGATIF', grounds: ['BESOINS', 'REPARTITION_DEPARTEMENT'], comment: 'Offre de médiation déjà présente dans le quartier.' });
  await record({ dossierId: ids['M-2']!, decision: 'EXAMEN_COMPLEMENTAIRE', comment: 'Plan de financement à préciser.' });
  await backend.call('minutes:saveSections', {
    sessionId: session.id,
    sections: {
      introduction: 'La séance est ouverte à 14 h 00 sous la présidence d’Alice Martin.',
      discussion: 'Le comité rappelle l’objectif national de 4 000 conseillers.',
      conclusion: 'L’ordre du jour étant épuisé, la séance est levée à 16 h 30.',
    },
  });
  return backend.call('sessions:setStatus', { sessionId: session.id, status: 'CLOSED' });
}

/** Every row of the committee's tables and of the decisions: what must not move after a refusal. */
export function committeeRows(backend: Backend): unknown {
  const db = backend.store.db;
  const tables = ['committee_sessions', 'session_members', 'agenda_items', 'conflicts', 'amendments', 'decisions', 'committee_history', 'dossier_changes', 'settings'];
  return {
    ...Object.fromEntries(tables.map((t) => [t, db.all(`SELECT * FROM ${t} ORDER BY 1, 2`)])),
    dossiers: db.all('SELECT id, status, posts_granted, coselec_validated, coselec_number, coselec_date, updated_at FROM dossiers ORDER BY id'),
  };
}
