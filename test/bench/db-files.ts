/**
 * Copies a database with its sidecar files (journal, snapshot digest…), so that opening the copy
 * takes the same path as opening the original. The lock and the previous snapshot are left out.
 */
import fs from 'node:fs';
import path from 'node:path';

export function copyDatabase(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  const base = path.basename(from);
  for (const name of fs.readdirSync(path.dirname(from))) {
    if (!name.startsWith(`${base}.`)) continue;
    const suffix = name.slice(base.length);
    if (suffix === '.lock' || suffix.startsWith('.prev') || suffix === '.tmp') continue;
    fs.copyFileSync(path.join(path.dirname(from), name), `${to}${suffix}`);
  }
}
