/**
 * `export decisions --out FILE.xlsx [--session NUMBER…] [--department CODE…] [--csv]`: streams the
 * decisions straight into the file (written beside it, then renamed: never a half file), within
 * the current profile's scope, as the app's export does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { ApiError } from '../../shared/api/contract';
import type { DecisionExportRequest } from '../../shared/api/exports-contract';
import type { Backend } from '../backend/backend';
import { runDecisionExport, writerFor } from '../backend/exports/decision-export';
import { checkSessions } from '../backend/exports/decision-rows';
import { narrowSelection } from '../backend/exports/exports-policy';
import { Scope } from '../backend/review/scope';

export interface ExportOptions {
  out: string;
  sessions: string[] | undefined;
  departments: string[] | undefined;
  csv: boolean;
  json: boolean;
}

export async function runExport(backend: Backend, options: ExportOptions): Promise<number> {
  const scope = new Scope(await backend.call('profile:current', {}));
  const request: DecisionExportRequest = narrowSelection(scope, {
    format: options.csv ? 'csv' : 'xlsx',
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.departments ? { departments: options.departments } : {}),
  });
  const db = backend.store.db;
  checkSessions(db, request.sessions);
  const target = path.resolve(options.out);
  const partial = `${target}.partiel`;
  let stream: fs.WriteStream;
  try {
    stream = fs.createWriteStream(partial);
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  } catch (error) {
    throw new ApiError('FILE_UNWRITABLE', `Impossible d’écrire « ${target} » : ${(error as Error).message}.`);
  }
  try {
    const { rows } = await runDecisionExport({ db, version: () => backend.store.version }, request, writerFor(request.format, stream), {
      onProgress: (done, total) => {
        if (!options.json && process.stderr.isTTY) process.stderr.write(`\r${done} / ${total} décisions`);
      },
    });
    await finished(stream);
    fs.renameSync(partial, target);
    if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ file: target, format: request.format, rows })}\n`
        : `${rows} décision(s) exportée(s) dans ${target} (${request.format === 'csv' ? 'CSV' : 'Excel'}).\n`,
    );
    return 0;
  } catch (error) {
    stream.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
