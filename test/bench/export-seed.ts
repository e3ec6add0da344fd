/**
 * A base with N current decisions for the export bench, written straight through the sql.js
 * adapter (seeding is not measured): realistic demo dossiers (names, SIRET, legal forms, all
 * departments), opinions, 63 committee sessions with members and sealed minutes, a third of the
 * decisions from the platform, refusals with grounds, contracts of every type, declared aid and
 * signature dates.
 */
import type { Backend } from '../../electron/backend/backend';
import { generateDemoDossiers } from '../../electron/backend/demo/generate-demo';
import { createRng } from '../../electron/backend/demo/prng';
import { REFUSAL_GROUNDS } from '../../shared/domain/committee';
import { CONTRACT_TYPES } from '../../shared/domain/dossier';

const SESSIONS = 63;
const MEMBERS = 8;
const AT = '2023-12-22T10:00:00.000Z';

const sessionDate = (n: number) => new Date(Date.UTC(2021, 2, 24) + 7 * 86_400_000 * n).toISOString().slice(0, 10);
const sessionNumber = (n: number) => (n === SESSIONS ? '62BIS' : String(n));

export function seedDecisions(backend: Backend, count: number): void {
  const db = backend.store.db;
  const rng = createRng(6);
  const dossiers = generateDemoDossiers(count, 2021);
  db.transaction(() => {
    db.run("INSERT INTO settings (key, value) VALUES ('subsidy:settings', '{\"cuiPerPost\":18500.5}')");
    for (let m = 1; m <= MEMBERS; m += 1) db.run('INSERT INTO committee_members (id, name, organisation, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [m, `Membre ${m}`, 'ANCT', AT, AT]);
    for (let s = 1; s <= SESSIONS; s += 1) {
      db.run("INSERT INTO committee_sessions (id, number, date, status, created_at, created_by, updated_at) VALUES (?, ?, ?, 'IN_PROGRESS', ?, 'Banc', ?)", [s, sessionNumber(s), sessionDate(s), AT, AT]);
      for (let m = 1; m <= MEMBERS; m += 1) db.run('INSERT INTO session_members (session_id, member_id, presence) VALUES (?, ?, ?)', [s, m, m % 5 === 0 ? 'EXCUSED' : 'PRESENT']);
    }
    dossiers.forEach((d, i) => {
      const id = i + 1;
      const requested = Math.max(1, d.postsRequested ?? 1);
      const opinion = rng.chance(0.7) ? rng.pick(['FAVORABLE', 'FAVORABLE', 'FAVORABLE', 'DEFAVORABLE', 'EXAMEN_COMPLEMENTAIRE'] as const) : null;
      const decision = rng.pick(['POSITIF', 'POSITIF', 'POSITIF', 'POSITIF', 'POSITIF', 'POSITIF', 'POSITIF', 'NEGATIF', 'NEGATIF', 'EXAMEN_COMPLEMENTAIRE'] as const);
      const granted = decision === 'POSITIF' ? rng.int(1, requested) : null;
      const contract = rng.chance(0.9) ? rng.pick(CONTRACT_TYPES) : null;
      db.run(
        `INSERT INTO dossiers (id, external_id, siret, name, legal_form, status, postal_code, commune_name, department_code, region_code, posts_requested, posts_granted,
           contract_type, declared_aid, review_opinion, review_posts, contract_signed_at, source, content_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', 'bench', ?, ?)`,
        [
          id, d.externalId, d.siret, d.name, d.legalForm, decision === 'POSITIF' ? 'VALIDATION_COSELEC' : decision === 'NEGATIF' ? 'REFUS_COSELEC' : 'EXAMEN_COMPLEMENTAIRE_COSELEC',
          d.postalCode, d.communeName, d.departmentCode, d.regionCode, requested, granted, contract, rng.chance(0.15) ? rng.int(1, 400) * 25.5 : null,
          opinion, opinion === null ? null : opinion === 'FAVORABLE' ? requested : 0, granted !== null && rng.chance(0.5) ? sessionDate(rng.int(10, 80)) : null, AT, AT,
        ],
      );
      const session = rng.int(1, SESSIONS);
      const platform = rng.chance(1 / 3);
      db.run(
        `INSERT INTO decisions (dossier_id, session_number, session_date, decision, posts_granted, priority, comment, source, recorded_by, recorded_at, session_id, grounds, justification)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Banc', ?, ?, ?, ?)`,
        [
          id, sessionNumber(session), sessionDate(session), decision, granted, rng.chance(0.1) ? 1 : 0,
          platform ? null : `Décision de la séance ${sessionNumber(session)} : ${decision === 'POSITIF' ? `accord pour ${granted} poste(s)` : 'au vu des besoins du territoire'}.`,
          platform ? 'platform' : 'committee', AT, platform ? null : session,
          decision === 'NEGATIF' && !platform ? JSON.stringify(REFUSAL_GROUNDS.slice(0, rng.int(1, 2))) : '[]',
          !platform && rng.chance(0.05) ? 'Arbitrage national au vu de la dotation du département.' : null,
        ],
      );
    });
    for (let s = 1; s <= SESSIONS; s += 1) {
      db.run("UPDATE committee_sessions SET status = 'VALIDATED', minutes_content = 'PV', minutes_hash = ?, validated_at = ?, validated_by = 'Banc' WHERE id = ?", [
        s.toString(16).padStart(64, '0'), `${sessionDate(s)}T18:00:00.000Z`, s,
      ]);
    }
  });
}
