import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';

const HEADER =
  'SIRET structure;ID Structure;Dénomination;Date Coselec;Phase en cours;Type;Statut;Code postal;Code commune;Code département;Code région;Téléphone;Email;Compte créé;Mot de passe choisi;Nombre de mises en relation;Nombre de conseillers souhaités;Validée en COSELEC;Nombre de conseillers validés par le COSELEC;Numéro COSELEC;ZRR;QPV;Nombre de quartiers QPV;Labelisée France Services;Raison sociale;Nom commune INSEE;Code commune INSEE;Adresse postale;Libellé catégorie juridique niv III;Grand Réseau;Nom Grand Réseau;Emails administrateurs';

interface Row {
  siret: string;
  id: string;
  name: string;
  date?: string;
  status?: string;
  cp: string;
  dept: string;
  region: string;
  phone?: string;
  posts: string;
  granted?: string;
  coselec?: string;
  address: string;
  commune: string;
}

function platformLine(r: Row): string {
  return [
    r.siret, r.id, r.name, r.date ?? 'non renseignée', 'Phase 1', 'privée', r.status ?? 'CREEE', r.cp, '', r.dept, r.region,
    r.phone ?? 'undefined', 'undefined', 'oui', 'non', '0', r.posts, r.status === 'VALIDATION_COSELEC' ? 'oui' : 'non', r.granted ?? '0', r.coselec ?? '',
    'non', 'Non', '0', 'non', r.name.toUpperCase(), r.commune, '', `"${r.address}"`, 'Association déclarée', 'non', '', '""',
  ].join(';');
}

const ROWS: Row[] = [
  { siret: '73282932000074', id: '101', name: 'Association "Le Lien" numérique', cp: '06000', dept: '06', region: '93', phone: '0493000000', posts: '2', address: '12 rue de France\n        \n        06000 Nice', commune: 'Nice' },
  { siret: '12345678901234', id: '102', name: 'Centre social l’Œuvre – Évry', cp: '91000', dept: '91', region: '11', posts: '1', address: '1 place\n        91000 Évry', commune: 'Évry-Courcouronnes', status: 'VALIDATION_COSELEC', date: '14/04/2021', granted: '1', coselec: '4' },
  { siret: '', id: '103', name: 'Fédération inconnue', cp: '99999', dept: '99', region: '00', posts: '1', address: 'nulle part', commune: 'X' },
  { siret: '', id: '104', name: 'Posts cassés', cp: '75001', dept: '75', region: '11', posts: '2,5', address: 'Paris', commune: 'Paris' },
];

function platformCsv(rows: Row[]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${HEADER}\n${rows.map(platformLine).join('\n')}\n`);
}

let backend: Backend;
beforeEach(async () => {
  backend = await openBackend({ dbPath: null, userName: 'Agent test', mode: 'cli' });
});
afterEach(() => backend.close());

async function importFile(fileName: string, data: Uint8Array) {
  const preview = await backend.call('import:preview', { fileName, data });
  const result = await backend.call('import:commit', { token: preview.token });
  return { preview, result };
}

describe('import flow', () => {
  it('imports the platform export with previewed counts, rejected rows and exact text', async () => {
    const preview = await backend.call('import:preview', { fileName: 'structures.csv', data: platformCsv(ROWS) });
    expect(preview.format).toBe('platform-csv');
    expect(preview.counts).toMatchObject({ total: 4, new: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(preview.rejected.map((r) => r.row)).toEqual([4, 5]);
    expect(preview.rejected[0]!.reason).toMatch(/99/);
    expect(preview.rejected[1]!.column).toBe('Nombre de conseillers souhaités');
    expect(backend.store.version).toBe(0);

    const result = await backend.call('import:commit', { token: preview.token });
    expect(result.counts.new).toBe(2);
    const page = await backend.call('dossiers:list', { sort: { column: 'externalId', direction: 'asc' } });
    expect(page.rows.map((r) => r.name)).toEqual(['Association "Le Lien" numérique', 'Centre social l’Œuvre – Évry']);
    const detail = await backend.call('dossiers:get', { id: page.rows[1]!.id });
    expect(detail.status).toBe('VALIDATION_COSELEC');
    expect(detail.decisions).toHaveLength(1);
    expect(detail.decisions[0]).toMatchObject({ decision: 'POSITIF', sessionNumber: '4', sessionDate: '2021-04-14', postsGranted: 1, source: 'platform' });
    expect(detail.fields.address).toBe('1 place\n91000 Évry');
    expect(detail.provenance[0]).toMatchObject({ fileName: 'structures.csv', rowNumber: 3, action: 'created' });
    expect(detail.warnings.some((w) => w.field === 'siret')).toBe(true);
    expect(detail.eligibility.length).toBeGreaterThan(3);
  });

  it('re-importing the same file changes nothing; a newer export updates and records the change', async () => {
    await importFile('structures.csv', platformCsv(ROWS));
    const version = backend.store.version;
    const again = await importFile('structures.csv', platformCsv(ROWS));
    expect(again.preview.alreadyImported).toBe(true);
    expect(again.result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect(backend.store.version).toBe(version);

    const newer = ROWS.slice(0, 2).map((r) => (r.id === '101' ? { ...r, posts: '3', status: 'VALIDATION_COSELEC', granted: '2', coselec: '12', date: '02/06/2021' } : r));
    const { result } = await importFile('structures-v2.csv', platformCsv(newer));
    expect(result.counts).toMatchObject({ new: 0, updated: 1, unchanged: 1, rejected: 0 });
    const [dossier] = (await backend.call('dossiers:list', { search: 'Lien' })).rows;
    const detail = await backend.call('dossiers:get', { id: dossier!.id });
    expect(detail.postsRequested).toBe(3);
    expect(detail.history[0]!.changes).toEqual(expect.arrayContaining([{ field: 'postsRequested', before: 2, after: 3 }]));
    expect(detail.decisions.map((d) => d.sessionNumber)).toEqual(['12']);
    expect(detail.provenance.map((p) => p.action)).toEqual(['updated', 'created']);
  });

  it('refuses a bad file as a whole and leaves the database exactly as it was', async () => {
    await importFile('structures.csv', platformCsv(ROWS));
    const version = backend.store.version;
    const before = await backend.call('dossiers:list', {});
    for (const [name, bytes] of [
      ['vide.csv', new Uint8Array()],
      ['image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3])],
      ['tronque.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
      ['dossiers.json', new TextEncoder().encode('[{"externalId": "1", ')],
    ] as const) {
      await expect(backend.call('import:preview', { fileName: name, data: bytes })).rejects.toMatchObject({ code: expect.any(String), message: expect.stringContaining(name) });
    }
    const missing = await backend.call('import:preview', { fileName: 'sans-dept.csv', data: new TextEncoder().encode('ID;Nom;Postes\n1;A;2\n') });
    expect(missing.blockingError).toMatch(/Code département/);
    await expect(backend.call('import:commit', { token: missing.token })).rejects.toMatchObject({ code: 'IMPORT_BLOCKED' });
    expect(backend.store.version).toBe(version);
    expect(await backend.call('dossiers:list', {})).toEqual(before);
  });

  it('filters, searches and counts', async () => {
    await backend.call('demo:generate', { count: 2000 });
    const all = await backend.call('dossiers:list', { limit: 10 });
    expect(all.total).toBe(2000);
    const dept = await backend.call('dossiers:list', { departments: ['2A'], limit: 500 });
    expect(dept.total).toBeGreaterThan(0);
    expect(dept.rows.every((r) => r.departmentCode === '2A')).toBe(true);
    const stats = await backend.call('stats:departments', {});
    expect(stats).toHaveLength(101);
    expect(stats.reduce((s, d) => s + d.dossiers, 0)).toBe(2000);
    expect(stats.find((d) => d.code === '2A')!.dossiers).toBe(dept.total);
    const target = all.rows[0]!;
    const found = await backend.call('dossiers:list', { search: target.name!.split(' ').slice(0, 2).join(' ').toLowerCase() });
    expect(found.rows.map((r) => r.id)).toContain(target.id);
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = await backend.call('dossiers:list', { sort: { column: 'communeName', direction }, limit: 5 });
      expect(sorted.rows[0]!.communeName).not.toBeNull();
    }
    const facets = await backend.call('dossiers:facets', {});
    expect(facets.statuses.reduce((s, f) => s + f.count, 0)).toBe(2000);
    await expect(backend.call('demo:generate', { count: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
