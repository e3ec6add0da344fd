/**
 * `verify --db PATH [--json]` and `restore --db PATH [--json]` (issue 11, points 5 and 7).
 * verify: exit 0 when the base is intact, 1 when anything is found (a base that cannot even be
 * opened, for its digest or journal, is a finding too). restore: exit 0 done, 1 refused.
 */
import { ApiError } from '../../shared/api/contract';
import type { IntegrityReport } from '../../shared/api/integrity-contract';
import type { Backend } from '../backend/backend';
import { restorePrevious } from '../backend/db/restore';

/** Refusals of the opening that are what `verify` looks for; a lock held elsewhere is not. */
const OPENING_FINDINGS = new Set(['DB_CORRUPT', 'DB_MISSING', 'DB_JOURNAL', 'DB_FOREIGN', 'DB_TOO_NEW']);

function print(report: IntegrityReport, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify({ ok: report.ok, findings: report.findings.map(({ kind, where, message }) => ({ kind, where, message })) })}\n`);
  else if (report.ok) process.stdout.write('Base intègre : aucune anomalie trouvée.\n');
  else process.stdout.write(`${report.findings.length} anomalie(s) trouvée(s) :\n${report.findings.map((f) => `- ${f.where} : ${f.message}`).join('\n')}\n`);
  return report.ok ? 0 : 1;
}

export async function runVerify(open: () => Promise<Backend>, options: { dbPath: string; json: boolean }): Promise<number> {
  let backend: Backend;
  try {
    backend = await open();
  } catch (error) {
    if (!(error instanceof ApiError) || !OPENING_FINDINGS.has(error.code)) throw error;
    return print({ ok: false, findings: [{ kind: 'open', where: options.dbPath, message: error.message }] }, options.json);
  }
  try {
    return print(await backend.call('integrity:verify', {}), options.json);
  } finally {
    backend.close();
  }
}

export async function runRestore(options: { dbPath: string; json: boolean }): Promise<number> {
  const result = await restorePrevious(options.dbPath);
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${result.message}\n`);
  return 0;
}
