import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../electron/backend/db/store';

/** Starts a writer, SIGKILLs it after `killAfter` acknowledgements, returns the last acknowledged change. */
function writeThenKill(dbPath: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'helpers', 'crash-writer.ts'), dbPath, '100000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acked = Number(match[1]);
      }
      if (acked >= killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended without being killed: ${stderr}`))));
  });
}

describe('crash durability', () => {
  it('a process killed during writes loses no acknowledged change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-crash-'));
    try {
      for (const killAfter of [40, 400]) {
        const dbPath = path.join(dir, `base-${killAfter}.sqlite`);
        const acked = await writeThenKill(dbPath, killAfter);
        expect(acked).toBeGreaterThanOrEqual(killAfter);
        // The killed process left its lock behind: it is taken over because that process is dead.
        const store = await Store.open({ path: dbPath });
        const names = new Set(store.db.all<{ file_name: string }>('SELECT file_name FROM import_batches').map((r) => r.file_name));
        for (let i = 1; i <= acked; i++) expect(names.has(`change-${i}`)).toBe(true);
        store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
