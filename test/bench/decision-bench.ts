/**
 * The committee at scale: one `decisions:record` on a session of AGENDA dossiers, timed through
 * `backend.call` as the session page does it (checks, the journaled write with the frozen money,
 * then the session detail it returns: agenda, live totals with the national figures). Target:
 * under 50 ms median (issue 11).
 */
import type { Backend } from '../../electron/backend/backend';
import { sample, type Summary } from './stats';

export interface DecisionBenchResult {
  agenda: number;
  record: Summary;
}

/** A large COSELEC session: a few hundred dossiers on the agenda. */
const AGENDA = 300;
const WARMUP = 5;

export async function runDecisionBench(opts: { backend: Backend; runs: number; log: (msg: string) => void }): Promise<DecisionBenchResult> {
  const { backend } = opts;
  await backend.call('profile:save', { name: 'Banc comité', role: 'COMMITTEE', departments: [] });
  const memberIds: number[] = [];
  for (const name of ['Alice', 'Bruno', 'Chloé', 'David', 'Émilie']) memberIds.push((await backend.call('members:save', { name: `${name} (banc)`, organisation: 'ANCT', active: true })).id);
  let session = await backend.call('sessions:save', { number: `BANC-${Date.now()}`, date: '2021-04-01', place: 'Paris', chairId: memberIds[0]!, memberIds });
  const dossiers = backend.store.db.all<{ id: number; posts: number }>(
    "SELECT id, review_posts AS posts FROM dossiers WHERE review_opinion = 'FAVORABLE' AND review_posts >= 1 AND review_posts <= posts_requested AND status NOT IN ('VALIDATION_COSELEC', 'REFUS_COSELEC') ORDER BY id LIMIT ?",
    [AGENDA],
  );
  session = (await backend.call('agenda:add', { sessionId: session.id, dossierIds: dossiers.map((d) => d.id) })).session;
  for (const memberId of memberIds) await backend.call('sessions:setPresence', { sessionId: session.id, memberId, presence: 'PRESENT' });
  await backend.call('sessions:setStatus', { sessionId: session.id, status: 'IN_PROGRESS' });
  const onAgenda = dossiers.filter((d) => session.agenda.some((a) => a.dossierId === d.id));
  // Each call decides another dossier (the same decision twice writes nothing).
  let next = 0;
  const record = await sample(Math.min(opts.runs, onAgenda.length - WARMUP), WARMUP, () => {
    const d = onAgenda[next++]!;
    // Demo dossiers include ineligible ones: their approval carries a derogation, as the committee's would.
    const derogation = session.agenda.find((a) => a.dossierId === d.id)!.eligibility.derogation.length > 0 ? 'Dérogation de mesure : structure seule sur son territoire.' : null;
    return backend.call('decisions:record', { sessionId: session.id, dossierId: d.id, decision: 'POSITIF', postsGranted: d.posts, comment: '', derogation });
  });
  opts.log(`  decisions:record (agenda of ${onAgenda.length}): median ${record.median.toFixed(2)} ms, p95 ${record.p95.toFixed(2)} ms`);
  return { agenda: onAgenda.length, record };
}
