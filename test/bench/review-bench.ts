/**
 * Prefecture review at scale: a realistic share of dossiers given an opinion and scored (seeding,
 * through the API), then "record an opinion + recompute the department's totals", timed through
 * `backend.call` as the UI does it: one journaled write (fsync) and one totals query.
 */
import type { Backend } from '../../electron/backend/backend';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { sample, timeAsync, type Summary } from './stats';

export interface ReviewResult {
  /** Opinions recorded by department bulk writes before the measurement, and the time it took. */
  seededOpinions: number;
  seedOpinionsMs: number;
  seededScores: number;
  /** One `scores:record` (journaled write + the dossier's aggregate) during the seeding. */
  scoreRecord: Summary;
  department: string;
  departmentDossiers: number;
  /** `opinions:record` then `departments:totals`, the pair the UI issues after a change. */
  opinionAndTotals: Summary;
  /** `departments:totals` alone. */
  totals: Summary;
}

const COMMENT = 'Avis de mesure : projet cohérent avec les besoins du territoire.';
/** The largest department of the demo data: the slowest totals. */
const DEPARTMENT = '59';
const WARMUP = 5;

export async function runReviewBench(opts: { backend: Backend; size: number; runs: number; log: (msg: string) => void }): Promise<ReviewResult> {
  const { backend } = opts;
  const db = backend.store.db;
  await backend.call('profile:save', { name: 'Banc de mesure', role: 'COMMITTEE', departments: [] });

  // About a quarter of the dossiers carry an opinion and a twentieth a score, as mid-campaign.
  const everyFourth = db.all<{ id: number }>('SELECT id FROM dossiers WHERE id % 4 = 0 AND posts_requested > 0 ORDER BY id').map((r) => r.id);
  const seed = await timeAsync(async () => {
    for (let i = 0; i < everyFourth.length; i += 2_000) {
      await backend.call('opinions:recordBulk', { dossierIds: everyFourth.slice(i, i + 2_000), opinion: i % 4_000 === 0 ? 'FAVORABLE' : 'DEFAVORABLE', postsSupported: i % 4_000 === 0 ? 'requested' : 'none', comment: COMMENT });
    }
  });
  const toScore = db.all<{ id: number }>('SELECT id FROM dossiers WHERE id % 20 = 0 ORDER BY id').map((r) => r.id);
  // Aggregates spread over the whole 0–5 scale, so that score filters and sorts select something.
  const values = (i: number) => Object.fromEntries(DEFAULT_GRID.criteria.map((c, k) => [c.key, (i + (k % 2)) % 6]));
  let next = 0;
  const scoreRecord = await sample(toScore.length - WARMUP, WARMUP, () => {
    const i = next++;
    return backend.call('scores:record', { dossierId: toScore[i]!, gridId: 1, values: values(i) });
  });
  opts.log(`  seeded ${everyFourth.length} opinions in ${seed.ms.toFixed(0)} ms, ${toScore.length} scores (scores:record median ${scoreRecord.median.toFixed(2)} ms)`);

  const dossiers = db.all<{ id: number; posts_requested: number }>('SELECT id, posts_requested FROM dossiers WHERE department_code = ? ORDER BY id', [DEPARTMENT]);
  const opinionAndTotals = await sample(opts.runs, WARMUP, async (i) => {
    const d = dossiers[i % dossiers.length]!;
    await backend.call('opinions:record', { dossierId: d.id, opinion: 'FAVORABLE', postsSupported: Math.min(1, d.posts_requested), comment: COMMENT });
    await backend.call('departments:totals', { departmentCode: DEPARTMENT });
  });
  const totals = await sample(opts.runs, WARMUP, () => backend.call('departments:totals', { departmentCode: DEPARTMENT }));
  opts.log(`  opinion + department totals (${DEPARTMENT}, ${dossiers.length} dossiers): median ${opinionAndTotals.median.toFixed(2)} ms, p95 ${opinionAndTotals.p95.toFixed(2)} ms`);
  return {
    seededOpinions: everyFourth.length,
    seedOpinionsMs: seed.ms,
    seededScores: toScore.length,
    scoreRecord,
    department: DEPARTMENT,
    departmentDossiers: dossiers.length,
    opinionAndTotals,
    totals,
  };
}
