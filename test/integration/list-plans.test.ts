import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { whereClause } from '../../electron/backend/dossiers/dossier-filter';
import { orderBy } from '../../electron/backend/dossiers/dossier-queries';
import type { DossierFilter, DossierSortColumn } from '../../shared/api/contract';
import { DEFAULT_GRID } from '../../shared/domain/review';

let backend: Backend;

beforeAll(async () => {
  backend = await openBackend({ dbPath: null, userName: 'compte-systeme', mode: 'cli' });
  await backend.call('demo:generate', { count: 2000 });
  const marc = await backend.call('profile:save', { name: 'Marc Durand', role: 'COMMITTEE', departments: [] });
  const ids = backend.store.db.all<{ id: number }>('SELECT id FROM dossiers ORDER BY id').map((r) => r.id);
  // A favourable opinion supports at least one post: dossiers asking for none get other opinions.
  const asking = new Set(backend.store.db.all<{ id: number }>('SELECT id FROM dossiers WHERE posts_requested > 0').map((r) => r.id));
  await backend.call('opinions:recordBulk', { dossierIds: ids.filter((id) => id % 3 === 0 && asking.has(id)), opinion: 'FAVORABLE', postsSupported: 'requested', comment: 'Avis de test suffisamment long.' });
  await backend.call('opinions:recordBulk', { dossierIds: ids.filter((id) => id % 50 === 1), opinion: 'DEFAVORABLE', postsSupported: 'none', comment: 'Avis de test suffisamment long.' });
  for (const id of ids.filter((i) => i % 40 === 0)) {
    await backend.call('scores:record', { dossierId: id, gridId: 1, values: Object.fromEntries(DEFAULT_GRID.criteria.map((c, k) => [c.key, (id + k) % 6])) });
  }
  await backend.call('profile:save', { name: 'Paul Bernard', role: 'COMMITTEE', departments: [] });
  await backend.call('opinions:record', { dossierId: 7, opinion: 'EXAMEN_COMPLEMENTAIRE', postsSupported: 0, comment: 'Avis de test suffisamment long.' });
  expect(marc.id).toBe(1);
}, 60_000);
afterAll(() => backend.close());

const SORT_COLUMNS: DossierSortColumn[] = ['externalId', 'name', 'departmentCode', 'communeName', 'postsRequested', 'status', 'updatedAt', 'aggregateScore', 'postsSupported'];

/** The list as plain SQL would give it, whatever plan the backend picks. */
function reference(filter: DossierFilter, sort: { column: DossierSortColumn; direction: 'asc' | 'desc' }, offset: number): number[] {
  const { sql, params } = whereClause(filter);
  return backend.store.db.all<{ id: number }>(`SELECT d.id FROM dossiers d ${sql} ORDER BY ${orderBy(sort)} LIMIT 50 OFFSET ?`, [...params, offset]).map((r) => r.id);
}

describe('list plans', () => {
  it('walking the sort index or driving from the filter gives the same page and totals', async () => {
    const filters: DossierFilter[] = [
      {},
      { reviewed: 'no' },
      { reviewed: 'yes' },
      { opinions: ['FAVORABLE'] },
      { opinions: ['DEFAVORABLE', 'NONE'] },
      { opinions: ['DOUBLON'] },
      { reviewerId: 1 },
      { reviewerId: 1, minScore: 3 },
      { reviewerId: 2 },
      { statuses: ['CREEE'] },
      { departments: ['59'], reviewed: 'no' },
      { search: 'association', opinions: ['FAVORABLE'] },
      { warning: 'any', contractTypes: ['CDD', 'NONE'] },
    ];
    let checked = 0;
    for (const filter of filters) {
      for (const column of SORT_COLUMNS) {
        for (const [direction, offset] of [['asc', 0], ['desc', 0], ['asc', 150]] as const) {
          const sort = { column, direction };
          const page = await backend.call('dossiers:list', { ...filter, sort, offset, limit: 50 });
          expect(page.rows.map((r) => r.id), `${JSON.stringify(filter)} ${column} ${direction} ${offset}`).toEqual(reference(filter, sort, offset));
          checked++;
        }
      }
      const { sql, params } = whereClause(filter);
      const total = backend.store.db.value<number>(`SELECT count(*) FROM dossiers d ${sql}`, params);
      expect((await backend.call('dossiers:list', filter)).total).toBe(total);
    }
    expect(checked).toBe(filters.length * 27);
  });
});
