/**
 * Brings the previous snapshot (`.prev`) back as the base (issue 11, point 5): after checking it
 * (SQLite header, its SHA-256, a schema this version knows), the current snapshot, if any, is moved
 * aside under a dated name (never deleted), `.prev` is copied into place, and the journal is kept
 * for replay only when its entries continue `.prev`'s chain; otherwise it is moved aside too and
 * the result says how many entries are not recovered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ASIDE_MARK, SQLITE_HEADER, readText, sha256, writeDurably } from './base-files';
import { DbError } from './db-error';
import { GENESIS_HASH } from './journal';
import { LockFile } from './lock-file';
import { checkSchema } from './migrate';
import { SqliteDb } from './sqlite';

export interface RestoreResult {
  file: string;
  /** Dossiers and last journal entry of the restored snapshot. */
  dossiers: number;
  seq: number;
  /** Where the replaced snapshot and journal were moved (null: there was none). */
  snapshotAside: string | null;
  journalAside: string | null;
  /** Journal entries kept for replay on the next opening, and those moved aside, not recovered. */
  journalKept: number;
  journalLost: number;
  /** French, for the CLI and the dialog. */
  message: string;
}

function refuse(message: string): DbError {
  return new DbError('DB_CORRUPT', `Restauration refusée : ${message} Aucun fichier n’a été modifié.`);
}

/** What `.prev` holds, once checked: its bytes, digest, dossiers and the end of its journal chain. */
async function checkedPrevious(file: string): Promise<{ bytes: Uint8Array; digest: string; dossiers: number; seq: number; hash: string }> {
  const prev = `${file}.prev`;
  if (!fs.existsSync(prev)) throw refuse(`aucune sauvegarde précédente « ${prev} » n’existe.`);
  const bytes = fs.readFileSync(prev);
  if (bytes.length < 100 || Buffer.from(bytes.subarray(0, 16)).toString('latin1') !== SQLITE_HEADER) {
    throw refuse(`« ${prev} » n’est pas une base SQLite lisible (en-tête absent).`);
  }
  const digest = sha256(bytes);
  const known = [readText(`${prev}.sha256`), readText(`${prev}.sha256.tmp`)].filter((d): d is string => !!d);
  if (known.length > 0 && !known.includes(digest)) {
    throw refuse(`« ${prev} » ne correspond pas à son empreinte « ${prev}.sha256 » (SHA-256 différente) : la sauvegarde est endommagée.`);
  }
  const db = await SqliteDb.open(bytes);
  try {
    if (known.length === 0) {
      // A `.prev` written before its digest was kept: SQLite's own check instead.
      let check: string | undefined;
      try {
        check = db.value<string>('PRAGMA quick_check');
      } catch (error) {
        check = (error as Error).message;
      }
      if (check !== 'ok') throw refuse(`« ${prev} » est endommagée (${check}).`);
    }
    try {
      checkSchema(db, prev);
    } catch (error) {
      throw refuse((error as Error).message);
    }
    const hasJournal = db.value<number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal'") ?? 0;
    const last = hasJournal ? db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1') : undefined;
    const hasDossiers = db.value<number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'") ?? 0;
    const dossiers = hasDossiers ? (db.value<number>('SELECT count(*) FROM dossiers') ?? 0) : 0;
    return { bytes, digest, dossiers, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
  } finally {
    db.close();
  }
}

interface ChainLink {
  seq: number;
  prev: string;
  hash: string;
}

/** The journal's complete lines (a torn last line is cut on open anyway); unreadable lines count as entries that do not chain. */
function journalLinks(journal: string): { links: ChainLink[]; unreadable: number } {
  if (!fs.existsSync(journal)) return { links: [], unreadable: 0 };
  const text = fs.readFileSync(journal, 'utf8');
  const lines = text.split('\n');
  if (!text.endsWith('\n')) lines.pop();
  const links: ChainLink[] = [];
  let unreadable = 0;
  for (const line of lines) {
    if (line === '') continue;
    try {
      const entry = JSON.parse(line) as Partial<ChainLink>;
      if (typeof entry.seq !== 'number' || typeof entry.prev !== 'string' || typeof entry.hash !== 'string') throw new Error('shape');
      links.push({ seq: entry.seq, prev: entry.prev, hash: entry.hash });
    } catch {
      unreadable += 1;
    }
  }
  return { links, unreadable };
}

/**
 * Whether the entries continue the chain ending at (seq, hash). Entries the snapshot already holds
 * are checked by the opening against its own journal table; the hash of each entry's content is
 * checked by the replay, which refuses a forged one.
 */
function chainsOnto(links: readonly ChainLink[], seq: number, hash: string): boolean {
  let lastSeq = seq;
  let lastHash = hash;
  for (const link of links) {
    if (link.seq <= seq) continue;
    if (link.seq !== lastSeq + 1 || link.prev !== lastHash) return false;
    lastSeq = link.seq;
    lastHash = link.hash;
  }
  return true;
}

function moveAside(from: string, to: string): void {
  fs.renameSync(from, to);
  if (fs.existsSync(`${from}.sha256`)) fs.renameSync(`${from}.sha256`, `${to}.sha256`);
}

const stampOf = (iso: string) => iso.replace(/[:.]/g, '-');

export async function restorePrevious(dbPath: string, now: () => string = () => new Date().toISOString()): Promise<RestoreResult> {
  const file = path.resolve(dbPath);
  const lock = new LockFile(`${file}.lock`, file);
  lock.acquire();
  try {
    const previous = await checkedPrevious(file);
    const journal = `${file}.journal`;
    const { links, unreadable } = journalLinks(journal);
    const keep = unreadable === 0 && chainsOnto(links, previous.seq, previous.hash);
    const pending = links.filter((l) => l.seq > previous.seq).length + unreadable;
    const stamp = stampOf(now());

    let snapshotAside: string | null = null;
    if (fs.existsSync(file)) {
      snapshotAside = `${file}${ASIDE_MARK}${stamp}`;
      moveAside(file, snapshotAside);
    }
    let journalAside: string | null = null;
    if (!keep) {
      journalAside = `${journal}${ASIDE_MARK}${stamp}`;
      fs.renameSync(journal, journalAside);
    }
    // Copied, not moved: `.prev` stays as it is until a verified snapshot replaces it.
    writeDurably(`${file}.sha256.tmp`, previous.digest);
    writeDurably(`${file}.tmp`, previous.bytes);
    fs.renameSync(`${file}.tmp`, file);
    fs.renameSync(`${file}.sha256.tmp`, `${file}.sha256`);
    try {
      const fd = fs.openSync(path.dirname(file), 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    } catch {
      // Not supported everywhere (e.g. Windows); the renames are still atomic.
    }

    const parts = [
      `Base « ${file} » restaurée depuis la sauvegarde précédente « ${file}.prev » : ${previous.dossiers.toLocaleString('fr-FR')} dossier(s), état n° ${previous.seq} du journal.`,
      snapshotAside ? `L’instantané remplacé est conservé sous « ${snapshotAside} ».` : '',
      keep
        ? pending > 0
          ? `Les ${pending} entrée(s) du journal prolongent la sauvegarde : elles seront rejouées à l’ouverture.`
          : ''
        : `Le journal ne prolonge pas la sauvegarde : il est conservé sous « ${journalAside} » et ses ${pending} entrée(s) ne sont pas récupérées.`,
    ];
    return {
      file,
      dossiers: previous.dossiers,
      seq: previous.seq,
      snapshotAside,
      journalAside,
      journalKept: keep ? pending : 0,
      journalLost: keep ? 0 : pending,
      message: parts.filter(Boolean).join(' '),
    };
  } finally {
    lock.release();
  }
}
