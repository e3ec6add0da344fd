/**
 * The snapshot files against their digests: the base's snapshot and its `.sha256`, the previous
 * snapshot and its `.prev.sha256` (the copy `restore` would bring back). A digest being written
 * (`.tmp`, a crash between two renames) counts as well, as the opening accepts it.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { IntegrityFinding } from '../../../shared/api/integrity-contract';

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function fileDigest(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function checkOne(file: string, digestFile: string, what: string): IntegrityFinding[] {
  if (!fs.existsSync(file)) return [];
  const known = [readText(digestFile), readText(`${digestFile}.tmp`)].filter((d): d is string => !!d);
  // No digest at all: a base written before digests were kept; the opening checks it with SQLite instead.
  if (known.length === 0) return [];
  const actual = fileDigest(file);
  if (known.includes(actual)) return [];
  return [{ kind: 'snapshot-digest', where: file, message: `${what} « ${file} » ne correspond pas à son empreinte « ${digestFile} » (SHA-256 ${actual} au lieu de ${known[0]}) : le fichier a été modifié ou endommagé.` }];
}

/** Null path: a base in memory, nothing on disk to check. */
export function snapshotDigestFindings(dbPath: string | null): IntegrityFinding[] {
  if (!dbPath) return [];
  return [...checkOne(dbPath, `${dbPath}.sha256`, 'L’instantané de la base'), ...checkOne(`${dbPath}.prev`, `${dbPath}.prev.sha256`, 'La sauvegarde précédente')];
}
