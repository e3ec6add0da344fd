/**
 * Three databases for the exchange tests: the national one, holding the platform's export for
 * departments 06 and 13, and one per prefecture (06, 13), empty until they receive their dossiers.
 */
import { openBackend, type Backend } from '../../electron/backend/backend';
import type { OpinionKind } from '../../shared/domain/review';
import { useProfile } from './review-fixtures';

export const NATIONAL = { name: 'Marc Durand', role: 'COMMITTEE' } as const;
export const AGENT_06 = { name: 'Claire Martin', role: 'PREFECTURE', departments: ['06'] } as const;
export const AGENT_13 = { name: 'Karim Benali', role: 'PREFECTURE', departments: ['13'] } as const;

/** A SIRET with a valid Luhn key, from a 13-digit stem. */
function siret(stem: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${stem}${key}`;
    let sum = 0;
    [...candidate].reverse().forEach((c, i) => {
      let d = Number(c) * (i % 2 === 1 ? 2 : 1);
      if (d > 9) d -= 9;
      sum += d;
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

interface PlatformRow {
  id: string;
  name: string;
  type: 'PRIVATE' | 'PUBLIC';
  status: 'CREEE' | 'VALIDATION_COSELEC';
  postalCode: string;
  insee: string;
  commune: string;
  department: string;
  region: string;
  posts: number;
  granted?: number;
}

export const PLATFORM_ROWS: PlatformRow[] = [
  { id: '4601', name: 'Association Le Lien numérique', type: 'PRIVATE', status: 'CREEE', postalCode: '06000', insee: '06088', commune: 'Nice', department: '06', region: '93', posts: 3 },
  { id: '4602', name: 'Centre communal d’action sociale de Grasse', type: 'PUBLIC', status: 'CREEE', postalCode: '06130', insee: '06069', commune: 'Grasse', department: '06', region: '93', posts: 2 },
  { id: '4603', name: 'Emmaüs Connect Nice', type: 'PRIVATE', status: 'CREEE', postalCode: '06000', insee: '06088', commune: 'Nice', department: '06', region: '93', posts: 4 },
  { id: '4604', name: 'Régie de quartier Ariane', type: 'PRIVATE', status: 'VALIDATION_COSELEC', postalCode: '06300', insee: '06088', commune: 'Nice', department: '06', region: '93', posts: 2, granted: 1 },
  { id: '4701', name: 'Maison des associations de Marseille', type: 'PRIVATE', status: 'CREEE', postalCode: '13001', insee: '13201', commune: 'Marseille', department: '13', region: '93', posts: 2 },
  { id: '4702', name: 'Mairie d’Aubagne', type: 'PUBLIC', status: 'CREEE', postalCode: '13400', insee: '13005', commune: 'Aubagne', department: '13', region: '93', posts: 1 },
  { id: '4703', name: 'Fédération des centres sociaux 13', type: 'PRIVATE', status: 'CREEE', postalCode: '13001', insee: '13201', commune: 'Marseille', department: '13', region: '93', posts: 5 },
  { id: '4704', name: 'Les Petits Débrouillards Provence', type: 'PRIVATE', status: 'CREEE', postalCode: '13003', insee: '13203', commune: 'Marseille', department: '13', region: '93', posts: 2 },
];

const HEADERS = 'SIRET structure;ID Structure;Dénomination;Date Coselec;Phase en cours;Type;Statut;Code postal;Code commune;Code département;Code région;Téléphone;Email;Compte créé;Mot de passe choisi;Nombre de mises en relation;Nombre de conseillers souhaités;Validée en COSELEC;Nombre de conseillers validés par le COSELEC;Numéro COSELEC;ZRR;QPV;Nombre de quartiers QPV;Labelisée France Services;Raison sociale;Nom commune INSEE;Code commune INSEE;Adresse postale;Libellé catégorie juridique niv III;Grand Réseau;Nom Grand Réseau;Emails administrateurs';

/** The platform's structures export (`;`, UTF-8 with BOM, DD/MM/YYYY) for these rows. */
export function platformCsv(rows: readonly PlatformRow[] = PLATFORM_ROWS): Uint8Array {
  const lines = rows.map((r, i) => {
    const validated = r.status === 'VALIDATION_COSELEC';
    return [
      siret(`4385123450${String(i).padStart(3, '0')}`),
      r.id,
      r.name,
      validated ? '24/03/2021' : 'non renseignée',
      validated ? 'COSELEC 3' : 'undefined',
      r.type,
      r.status,
      r.postalCode,
      r.insee,
      r.department,
      r.region,
      '0493000000',
      `contact${r.id}@exemple.fr`,
      'oui',
      'oui',
      '0',
      String(r.posts),
      validated ? 'oui' : 'non',
      String(r.granted ?? 0),
      validated ? 'COSELEC 3' : '',
      'Non',
      'Non',
      '0',
      'Non',
      r.name.toUpperCase(),
      r.commune,
      r.insee,
      `"1 rue de la République\n${r.postalCode} ${r.commune.toUpperCase()}"`,
      r.type === 'PUBLIC' ? 'Commune et commune nouvelle' : 'Association déclarée',
      'Non',
      '',
      `admin${r.id}@exemple.fr`,
    ].join(';');
  });
  return new TextEncoder().encode(`\uFEFF${HEADERS}\n${lines.join('\n')}\n`);
}

export const COMMENTS = {
  fav: 'Projet cohérent avec les besoins du territoire.',
  def: 'Offre de médiation déjà dense dans le quartier.',
  review: 'Le plan de financement doit être précisé.',
  national: 'Priorité nationale : quartier prioritaire sans offre.',
} as const;

export async function openNational(): Promise<Backend> {
  const backend = await openBackend({ dbPath: null, userName: 'poste-national', mode: 'cli' });
  await useProfile(backend, NATIONAL.name, NATIONAL.role);
  const preview = await backend.call('import:preview', { fileName: 'structures.csv', data: platformCsv() });
  await backend.call('import:commit', { token: preview.token });
  return backend;
}

export async function openPrefecture(agent: typeof AGENT_06 | typeof AGENT_13): Promise<Backend> {
  const backend = await openBackend({ dbPath: null, userName: 'poste-prefecture', mode: 'cli' });
  await useProfile(backend, agent.name, agent.role, [...agent.departments]);
  return backend;
}

export function idOf(backend: Backend, externalId: string): number {
  const id = backend.store.db.value<number>('SELECT id FROM dossiers WHERE external_id = ?', [externalId]);
  if (id === undefined) throw new Error(`No dossier ${externalId}`);
  return id;
}

export async function giveOpinion(backend: Backend, externalId: string, opinion: OpinionKind, postsSupported: number, comment: string) {
  return backend.call('opinions:record', { dossierId: idOf(backend, externalId), opinion, postsSupported, comment });
}

/** Exports from one database and imports into another: the preview, then the import. */
export async function exchange(from: Backend, to: Backend, method: 'exchange:exportPackage' | 'exchange:exportDossierPackage', departmentCode: string) {
  const file = await from.call(method, { departmentCode });
  const preview = await to.call('exchange:previewPackage', file);
  const result = await to.call('exchange:importPackage', { token: preview.token });
  return { file, preview, result };
}

/** Every current opinion of a database, by external id: what, how many posts, who. */
export function currentOpinions(backend: Backend): Record<string, { opinion: string; posts: number; author: string; comment: string }> {
  const rows = backend.store.db.all<{ external_id: string; opinion: string; posts_supported: number; author_name: string; comment: string }>(
    `SELECT d.external_id, o.opinion, o.posts_supported, o.author_name, o.comment FROM opinions o JOIN dossiers d ON d.id = o.dossier_id
     WHERE o.version = (SELECT max(version) FROM opinions WHERE dossier_id = o.dossier_id) ORDER BY d.external_id`,
  );
  return Object.fromEntries(rows.map((r) => [r.external_id, { opinion: r.opinion, posts: r.posts_supported, author: r.author_name, comment: r.comment }]));
}

/** Everything a failed import must leave untouched. */
export function snapshot(backend: Backend) {
  const db = backend.store.db;
  return {
    version: backend.store.version,
    opinions: db.all('SELECT * FROM opinions ORDER BY id'),
    scores: db.all('SELECT * FROM scores ORDER BY id'),
    rankings: db.all('SELECT * FROM rankings ORDER BY department_code, position'),
    conflicts: db.all('SELECT * FROM exchange_conflicts ORDER BY id'),
    log: db.all('SELECT * FROM exchange_log ORDER BY id'),
    dossiers: db.all('SELECT id, external_id, content_hash, review_opinion, review_posts, review_score FROM dossiers ORDER BY id'),
    profiles: db.all('SELECT * FROM profiles ORDER BY id'),
  };
}
