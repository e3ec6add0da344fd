/**
 * `verify` at scale (issue 11, point 7): N demo dossiers and S sealed sessions built through the
 * API as the committee does it (opinions, members, sessions, agenda, presence, decisions, close,
 * validate), then `integrity:verify` timed: snapshot digests read from disk and every sealed
 * session's minutes regenerated from the live rows and compared. Target: under 2 s at 50,000
 * dossiers and 100 sealed sessions.
 */
import path from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { sealedHashFindings } from '../../electron/backend/integrity/sealed-minutes';
import { formatMs } from './format';
import { sample, timeAsync, type Summary } from './stats';

export interface IntegrityBenchResult {
  size: number;
  sessions: number;
  decisions: number;
  seedMs: number;
  findings: number;
  verify: Summary;
  /** `integrity:status` as computed on opening (the sealed sessions' hashes). */
  openStatusMs: number;
}

const TARGET_MS = 2_000;
const DEROGATION = 'Dérogation de mesure : structure seule sur son territoire.';
const COMMENT = 'Projet cohérent avec les besoins du territoire, décidé en séance de mesure.';

export async function runIntegrityBench(opts: { size: number; sessions: number; perSession: number; runs: number; dir: string; log: (msg: string) => void }): Promise<IntegrityBenchResult> {
  const dbPath = path.join(opts.dir, 'integrity.sqlite');
  const backend = await openBackend({ dbPath, userName: 'Banc de mesure', mode: 'cli', snapshotDelayMs: 600_000 });
  let decisions = 0;
  try {
    const seed = await timeAsync(async () => {
      await backend.call('demo:generate', { count: opts.size });
      await backend.call('profile:save', { name: 'Banc de mesure', role: 'COMMITTEE', departments: [] });
      const members: number[] = [];
      for (const name of ['Alice Martin', 'Bruno Petit', 'Chloé Roux']) members.push((await backend.call('members:save', { name, organisation: 'ANCT', active: true })).id);
      const dossiers = backend.store.db
        .all<{ id: number; posts_requested: number }>("SELECT id, posts_requested FROM dossiers WHERE posts_requested >= 1 AND status <> 'VALIDATION_COSELEC' ORDER BY id LIMIT ?", [opts.sessions * opts.perSession])
        .map((r) => ({ id: r.id, posts: r.posts_requested }));
      for (let i = 0; i < dossiers.length; i += 2_000) {
        await backend.call('opinions:recordBulk', { dossierIds: dossiers.slice(i, i + 2_000).map((d) => d.id), opinion: 'FAVORABLE', postsSupported: 'requested', comment: COMMENT });
      }
      for (let s = 0; s < opts.sessions; s++) {
        const items = dossiers.slice(s * opts.perSession, (s + 1) * opts.perSession);
        const session = await backend.call('sessions:save', { number: String(100 + s), date: `2021-${String(1 + (s % 12)).padStart(2, '0')}-${String(1 + (s % 28)).padStart(2, '0')}`, place: 'ANCT, Paris', chairId: members[0]!, memberIds: members });
        const { session: detail } = await backend.call('agenda:add', { sessionId: session.id, dossierIds: items.map((d) => d.id) });
        // Demo dossiers include ineligible ones: their approval carries a derogation, as the committee's would.
        const needsDerogation = new Set(detail.agenda.filter((a) => a.eligibility.derogation.length > 0).map((a) => a.dossierId));
        for (const memberId of members) await backend.call('sessions:setPresence', { sessionId: session.id, memberId, presence: 'PRESENT' });
        await backend.call('sessions:setStatus', { sessionId: session.id, status: 'IN_PROGRESS' });
        for (const d of items) {
          await backend.call('decisions:record', { sessionId: session.id, dossierId: d.id, decision: 'POSITIF', postsGranted: 1, priority: false, grounds: [], comment: '', justification: COMMENT, derogation: needsDerogation.has(d.id) ? DEROGATION : null });
          decisions += 1;
        }
        await backend.call('sessions:setStatus', { sessionId: session.id, status: 'CLOSED' });
        await backend.call('minutes:validate', { sessionId: session.id });
        if ((s + 1) % 10 === 0) opts.log(`  ${s + 1} sessions sealed`);
      }
      backend.store.snapshot();
    });
    opts.log(`  seeded ${opts.size} dossiers, ${opts.sessions} sealed sessions, ${decisions} decisions in ${(seed.ms / 1000).toFixed(0)} s`);
    let findings = 0;
    const verify = await sample(opts.runs, 1, async () => {
      findings = (await backend.call('integrity:verify', {})).findings.length;
    });
    backend.close();
    // The check openBackend runs on opening (the sealed sessions' hashes), timed alone on a fresh backend.
    const reopened = await openBackend({ dbPath, userName: 'Banc de mesure', mode: 'cli', snapshotDelayMs: 600_000 });
    const status = await timeAsync(async () => sealedHashFindings(reopened.store.db));
    reopened.close();
    opts.log(`  integrity:verify median ${formatMs(verify.median)} (p95 ${formatMs(verify.p95)}), ${findings} finding(s)`);
    return { size: opts.size, sessions: opts.sessions, decisions, seedMs: seed.ms, findings, verify, openStatusMs: status.ms };
  } catch (error) {
    backend.close();
    throw error;
  }
}

export function renderIntegrityReport(result: IntegrityBenchResult): string {
  const verdict = result.verify.median < TARGET_MS ? 'under' : 'OVER';
  return [
    `verify (issue 11) — ${result.size.toLocaleString('en-US')} dossiers, ${result.sessions} sealed sessions, ${result.decisions.toLocaleString('en-US')} decisions (seeded through the API in ${(result.seedMs / 1000).toFixed(0)} s)`,
    `  integrity:verify: median ${formatMs(result.verify.median)}, p95 ${formatMs(result.verify.p95)}, min ${formatMs(result.verify.min)} over ${result.verify.runs} runs — ${verdict} the ${formatMs(TARGET_MS)} target; ${result.findings} finding(s) (intact base: 0 expected)`,
    `  sealed sessions' hash check done on opening: ${formatMs(result.openStatusMs)}`,
  ].join('\n');
}
