// Migration 010 freezes the decisions a base already holds from their dossier's fields at migration
// time, sealed sessions included, and puts the sealed-decision trigger back as it was.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../electron/backend/db/migrations/index';
import { SqliteDb } from '../../../../electron/backend/db/sqlite';

const AT = '2021-04-01T10:00:00.000Z';

async function baseBefore010(): Promise<SqliteDb> {
  const db = await SqliteDb.open();
  for (const m of MIGRATIONS.filter((x) => x.id < 10)) db.exec(m.sql);
  db.run("INSERT INTO settings (key, value) VALUES ('subsidy:settings', '{\"cuiPerPost\":15000}')");
  const dossier = (id: number, contract: string | null, aid: number | null, posts: number) =>
    db.run(
      "INSERT INTO dossiers (id, external_id, status, department_code, posts_requested, contract_type, contract_months, declared_aid, legal_form, source, content_hash, created_at, updated_at) VALUES (?, ?, 'VALIDATION_COSELEC', '06', ?, ?, ?, ?, 'Association déclarée', 'file', '', ?, ?)",
      [id, `D-${id}`, posts, contract, contract === 'CDD' ? 18 : null, aid, AT, AT],
    );
  dossier(1, 'CDD', 1234.56, 3);
  dossier(2, 'CUI', null, 2);
  dossier(3, null, null, 1);
  db.run("INSERT INTO committee_sessions (id, number, date, status, created_at, created_by, updated_at) VALUES (1, '12', '2021-04-01', 'IN_PROGRESS', ?, 'x', ?)", [AT, AT]);
  const decision = (dossierId: number, kind: string, posts: number | null) =>
    db.run("INSERT INTO decisions (dossier_id, session_number, session_date, decision, posts_granted, source, recorded_by, recorded_at, session_id) VALUES (?, '12', '2021-04-01', ?, ?, 'committee', 'x', ?, 1)", [dossierId, kind, posts, AT]);
  decision(1, 'POSITIF', 2);
  decision(2, 'POSITIF', 1);
  decision(3, 'POSITIF', 1);
  decision(3, 'NEGATIF', null);
  db.run("UPDATE committee_sessions SET status = 'VALIDATED' WHERE id = 1");
  return db;
}

describe('migration 010 (frozen decisions)', () => {
  it('freezes existing decisions from the dossier at migration time and keeps sealed decisions read-only', async () => {
    const db = await baseBefore010();
    db.exec(MIGRATIONS.find((m) => m.id === 10)!.sql);
    const rows = db.all('SELECT dossier_id, contract_type, contract_months, declared_aid, per_post, gross_subsidy, aid_deducted, net_subsidy, tranche_1, tranche_2, tranche_3, basis FROM decisions ORDER BY id');
    expect(rows).toEqual([
      // CDD 2 × 32,000 = 64,000 − 1,234.56 = 62,765.44; 20 %: 12,553.088 → 12,553.09; 30 %: 18,829.632 → 18,829.63; rest 31,382.72.
      {
        dossier_id: 1, contract_type: 'CDD', contract_months: 18, declared_aid: 1234.56, per_post: 32_000, gross_subsidy: 64_000, aid_deducted: 1234.56, net_subsidy: 62_765.44,
        tranche_1: 12_553.09, tranche_2: 18_829.63, tranche_3: 31_382.72,
        basis: '{"contractType":"CDD","contractMonths":18,"declaredAid":1234.56,"postsRequested":3,"legalForm":"Association déclarée"}',
      },
      // CUI at the amount configured then: 15,000.
      {
        dossier_id: 2, contract_type: 'CUI', contract_months: null, declared_aid: null, per_post: 15_000, gross_subsidy: 15_000, aid_deducted: 0, net_subsidy: 15_000,
        tranche_1: 3000, tranche_2: 4500, tranche_3: 7500,
        basis: '{"contractType":"CUI","contractMonths":null,"declaredAid":null,"postsRequested":2,"legalForm":"Association déclarée"}',
      },
      // No contract type: amounts unknown, as before.
      { dossier_id: 3, contract_type: null, contract_months: null, declared_aid: null, per_post: null, gross_subsidy: null, aid_deducted: null, net_subsidy: null, tranche_1: null, tranche_2: null, tranche_3: null, basis: expect.stringContaining('"contractType":null') },
      { dossier_id: 3, contract_type: null, contract_months: null, declared_aid: null, per_post: null, gross_subsidy: null, aid_deducted: null, net_subsidy: null, tranche_1: null, tranche_2: null, tranche_3: null, basis: expect.stringContaining('"postsRequested":1') },
    ]);
    expect(() => db.run('UPDATE decisions SET net_subsidy = 0 WHERE dossier_id = 1')).toThrow('Procès-verbal validé : ses décisions sont en lecture seule.');
  });
});
