/**
 * The files that make up one base next to its snapshot, and the refusal to recreate an empty base
 * when the snapshot is gone but the rest is still there (issue 11, point 5): a missing snapshot
 * beside its journal, digest or previous snapshot means lost data, never a first start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DbError } from './db-error';

/** The first 16 bytes of every SQLite file. */
export const SQLITE_HEADER = 'SQLite format 3\0';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes a whole file and fsyncs it before returning. */
export function writeDurably(file: string, data: Uint8Array | string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A small text file's trimmed content (a digest), or null when it cannot be read. */
export function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Suffixes of the files the store writes beside the snapshot. */
export const COMPANION_SUFFIXES = ['.journal', '.sha256', '.sha256.tmp', '.prev', '.prev.sha256', '.prev.sha256.tmp', '.tmp', '.lock'] as const;

/** What `restore` leaves beside the base: the replaced snapshot and journal, kept, never deleted. */
export const ASIDE_MARK = '.avant-restauration-';

/** The companion files of `file` present on disk (full paths), in a stable order. */
export function companionFiles(file: string): string[] {
  const present = COMPANION_SUFFIXES.map((suffix) => `${file}${suffix}`).filter((f) => fs.existsSync(f));
  let aside: string[] = [];
  try {
    const base = path.basename(file);
    aside = fs
      .readdirSync(path.dirname(file))
      .filter((name) => name.startsWith(`${base}.`) && name.includes(ASIDE_MARK))
      .sort()
      .map((name) => path.join(path.dirname(file), name));
  } catch {
    // An unreadable directory: the opening itself will say so.
  }
  return [...present, ...aside];
}

/** The exact command that brings `.prev` back, as the refusals print it. */
export function restoreCommand(file: string): string {
  return `npm run cli -- restore --db "${file}"`;
}

/** The way back, in French, for a base whose snapshot is missing. */
export function missingSnapshotError(file: string, present: readonly string[]): DbError {
  const names = present.map((f) => `« ${path.basename(f)} »`).join(', ');
  const way = fs.existsSync(`${file}.prev`)
    ? `Pour revenir à la sauvegarde précédente « ${path.basename(file)}.prev », choisissez « Restaurer la sauvegarde précédente » à l’ouverture de l’application de bureau, ou lancez : ${restoreCommand(file)}`
    : `Aucune sauvegarde précédente (« ${path.basename(file)}.prev ») n’existe : remettez le fichier en place depuis une copie ; pour créer une base neuve, déplacez d’abord ces fichiers.`;
  return new DbError(
    'DB_MISSING',
    `La base « ${file} » est introuvable alors que ses fichiers compagnons sont présents (${names}) : elle n’a pas été recréée vide, et aucun fichier n’a été modifié. ${way}`,
  );
}
