/**
 * A small base for the territory tests, imported as a CSV: dossiers in 2A, 2B, 971, 75 and 13,
 * with committee decisions, then prefecture opinions and targets whose figures and coherence
 * checks are hand-computed. Two networks: « Réseau Inclusion » (5 departments in 4 regions, its
 * name spelled twice) and « Réseau des îles » (2B and 971); CUI for a company in 971 (allowed)
 * and in 75 (not), and for associations in 971 and 13 (allowed).
 */
import { openBackend, type Backend } from '../../electron/backend/backend';
import { GOOD_COMMENT, idsByExternalId, useProfile } from './review-fixtures';
import { TERRITORY_CSV } from './territory-fixture-data';

export { TERRITORY_CSV };

export async function openTerritoryBase(dbPath: string | null = null): Promise<{ backend: Backend; ids: Record<string, number> }> {
  const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 60_000 });
  const preview = await backend.call('import:preview', { fileName: 'territoire.csv', data: new TextEncoder().encode(TERRITORY_CSV) });
  if (preview.counts.rejected > 0 || preview.blockingError) throw new Error(`fixture import refused: ${JSON.stringify(preview.rejected)} ${preview.blockingError}`);
  await backend.call('import:commit', { token: preview.token });
  const ids = await idsByExternalId(backend);
  await useProfile(backend, 'Marc Durand', 'COMMITTEE');
  const opinion = (externalId: string, kind: 'FAVORABLE' | 'DEFAVORABLE' | 'EXAMEN_COMPLEMENTAIRE', posts: number) =>
    backend.call('opinions:record', { dossierId: ids[externalId]!, opinion: kind, postsSupported: posts, comment: GOOD_COMMENT });
  await opinion('A-1', 'FAVORABLE', 3);
  await opinion('A-2', 'DEFAVORABLE', 0);
  await opinion('B-1', 'FAVORABLE', 2);
  // A second version: only the current one counts.
  await opinion('B-1', 'FAVORABLE', 4);
  await opinion('G-1', 'FAVORABLE', 5);
  await opinion('G-2', 'FAVORABLE', 1);
  await opinion('G-3', 'EXAMEN_COMPLEMENTAIRE', 1);
  await backend.call('targets:set', { departmentCode: '2A', target: 5 });
  await backend.call('targets:set', { departmentCode: '2B', target: 2 });
  await backend.call('targets:set', { departmentCode: '971', target: 9 });
  // Cleared again: no target.
  await backend.call('targets:set', { departmentCode: '971', target: null });
  return { backend, ids };
}
