/**
 * `verify --db PATH [--json]` and `restore --db PATH [--json]` (issue 11, points 5 and 7).
 * verify: exit 0 when the base is intact, 1 when anything is found (a base that cannot even be
 * opened, for its digest or journal, is a finding too). restore: exit 0 done, 1 refused.
 */
import { ApiError } from '../../shared/api/contract';
import type { IntegrityReport } from '../../shared/api/integrity-contract';
import { openBackend, type Backend } from '../backend/backend';
import { restorePrevious } from '../backend/db/restore';
import { localUserName } from '../backend/paths';
import { defineCommand } from './cli-command';

/** Refusals of the opening that are what `verify` looks for; a lock held elsewhere is not. */
const OPENING_FINDINGS = new Set(['DB_CORRUPT', 'DB_MISSING', 'DB_JOURNAL', 'DB_FOREIGN', 'DB_TOO_NEW']);

function print(report: IntegrityReport, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify({ ok: report.ok, findings: report.findings.map(({ kind, where, message }) => ({ kind, where, message })) })}\n`);
  else if (report.ok) process.stdout.write('Base intègre : aucune anomalie trouvée.\n');
  else process.stdout.write(`${report.findings.length} anomalie(s) trouvée(s) :\n${report.findings.map((f) => `- ${f.where} : ${f.message}`).join('\n')}\n`);
  return report.ok ? 0 : 1;
}

async function runVerify(options: { dbPath: string; json: boolean }): Promise<number> {
  let backend: Backend;
  try {
    backend = await openBackend({ dbPath: options.dbPath, userName: localUserName(), mode: 'cli', snapshotDelayMs: 60_000 });
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

async function runRestore(options: { dbPath: string; json: boolean }): Promise<number> {
  const result = await restorePrevious(options.dbPath);
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${result.message}\n`);
  return 0;
}

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'vérifie l’intégrité : chaîne du journal, empreintes des instantanés, procès-verbaux scellés contre les décisions (code 1 si une anomalie est trouvée)',
  options: {},
  runOnFile: (dbPath, { json }) => runVerify({ dbPath, json }),
});

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'restaure la sauvegarde précédente (.prev) après l’avoir vérifiée ; l’instantané remplacé est conservé',
  options: {},
  runOnFile: (dbPath, { json }) => runRestore({ dbPath, json }),
});
