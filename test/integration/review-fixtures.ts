/** A small base for the review tests: dossiers of departments 06 and 13, imported as JSON. */
import { openBackend, type Backend } from '../../electron/backend/backend';

export interface FixtureDossier {
  externalId: string;
  name: string;
  departmentCode: string;
  postsRequested: number;
}

export const FIXTURE: FixtureDossier[] = [
  { externalId: 'N-1', name: 'Association Le Lien numérique', departmentCode: '06', postsRequested: 2 },
  { externalId: 'N-2', name: 'Centre social des Moulins', departmentCode: '06', postsRequested: 3 },
  { externalId: 'N-3', name: 'Emmaüs Connect Nice', departmentCode: '06', postsRequested: 1 },
  { externalId: 'N-4', name: 'Régie de quartier Ariane', departmentCode: '06', postsRequested: 4 },
  { externalId: 'M-1', name: 'Maison des associations de Marseille', departmentCode: '13', postsRequested: 2 },
  { externalId: 'M-2', name: 'Fédération des centres sociaux 13', departmentCode: '13', postsRequested: 5 },
];

export const GOOD_COMMENT = 'Projet cohérent avec les besoins du territoire.';

export async function importDossiers(backend: Backend, rows: readonly object[] = FIXTURE, fileName = 'dossiers.json') {
  const preview = await backend.call('import:preview', { fileName, data: new TextEncoder().encode(JSON.stringify(rows)) });
  const result = await backend.call('import:commit', { token: preview.token });
  return { preview, result };
}

/** Dossier ids by external id. */
export async function idsByExternalId(backend: Backend): Promise<Record<string, number>> {
  const page = await backend.call('dossiers:list', { limit: 500 });
  return Object.fromEntries(page.rows.map((r) => [r.externalId, r.id]));
}

export async function useProfile(backend: Backend, name: string, role: 'PREFECTURE' | 'COMMITTEE' | 'ADMIN', departments: string[] = []) {
  const existing = (await backend.call('profile:list', {})).find((p) => p.name === name);
  if (existing) return backend.call('profile:switch', { id: existing.id });
  return backend.call('profile:save', { name, role, departments });
}

/** A fresh in-memory base holding FIXTURE, imported before any profile exists (as the OS user). */
export async function openWithFixture(): Promise<{ backend: Backend; ids: Record<string, number> }> {
  const backend = await openBackend({ dbPath: null, userName: 'compte-systeme', mode: 'cli' });
  await importDossiers(backend);
  return { backend, ids: await idsByExternalId(backend) };
}
