/**
 * The append-only, hash-chained journal: one JSON line per committed change, fsync'd before the
 * change is acknowledged. Replayed on open over the last snapshot; also the audit trail.
 * An entry holds data, never SQL: the rows its write changed, before and after.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CapturedChanges } from './journal-capture';
import { DbError } from './db-error';

export const GENESIS_HASH = '0'.repeat(64);

export type ScalarValue = string | number | null;

/** One written row: `key` is its rowid, or its primary-key values in a WITHOUT ROWID table. */
export interface RowChange {
  table: string;
  op: 'insert' | 'update' | 'delete';
  key: number | ScalarValue[];
  before: ScalarValue[] | null;
  after: ScalarValue[] | null;
}

export interface EntryHead {
  seq: number;
  at: string;
  user: string;
  action: string;
  summary: Record<string, unknown>;
}

/** An entry as written: `columns` gives, per table, the order of the values of its changes. */
export interface JournalEntry extends EntryHead {
  columns: Record<string, string[]>;
  changes: RowChange[];
  prev: string;
  hash: string;
}

/**
 * A line read back. `body` is the exact text that was hashed (the line without its prev and hash);
 * `value` is the parsed line, of unknown shape until checked.
 */
export interface JournalLine {
  body: string;
  prev: string;
  hash: string;
  value: Record<string, unknown>;
}

const TRAILER = /,"prev":"([0-9a-f]{64})","hash":"([0-9a-f]{64})"\}$/;

export const entryDigest = (prev: string, body: string | Uint8Array) => createHash('sha256').update(prev).update('\n').update(body).digest('hex');

/** Below this length (characters or bytes), compressing a body costs more time (≈ 45 µs) than the bytes it saves are worth. */
const PACK_FROM = 4096;

/**
 * The journal row keeps the hashed text: as TEXT when short, raw-deflated UTF-8 as a BLOB when
 * long (a bulk import's entry is tens of megabytes, a tenth once compressed).
 */
export function packBody(body: string | Uint8Array): string | Uint8Array {
  if (body.length >= PACK_FROM) return deflateRawSync(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, { level: 1 });
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}
export const unpackBody = (stored: string | Uint8Array): string => (typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8'));

/**
 * A new entry's hashed body (UTF-8) and journal line. The captured JSON is spliced in, never
 * re-serialised, and encoded once: a bulk import's body is tens of megabytes.
 */
export function sealEntry(head: EntryHead, captured: CapturedChanges, prev: string): { body: Buffer; line: Buffer; hash: string } {
  const { seq, at, user, action, summary } = head;
  const start = JSON.stringify({ seq, at, user, action, summary });
  const body = Buffer.from(`${start.slice(0, -1)},"columns":${captured.columnsJson},"changes":[${captured.changesJson}]}`, 'utf8');
  const hash = entryDigest(prev, body);
  return { body, hash, line: Buffer.concat([body.subarray(0, body.length - 1), Buffer.from(`,"prev":"${prev}","hash":"${hash}"}\n`)]) };
}

/** Entries of the earlier versions journaled the SQL statements a write ran. */
export const isSqlEntry = (value: Record<string, unknown>) => !('changes' in value) && ('sql' in value || 'ops' in value);

export class JournalFile {
  private fd: number;
  private size: number;

  constructor(
    private readonly filePath: string,
    private readonly label: string,
  ) {
    this.fd = fs.openSync(filePath, fs.existsSync(filePath) ? 'r+' : 'w+');
    this.size = fs.fstatSync(this.fd).size;
  }

  get bytes(): number {
    return this.size;
  }

  /**
   * Reads every complete entry. A torn last line (crash during an append that was never
   * acknowledged) is cut off; anything else unreadable means corruption and is refused.
   */
  readEntries(): JournalLine[] {
    if (this.size === 0) return [];
    const text = fs.readFileSync(this.filePath, 'utf8');
    const lines = text.split('\n');
    const entries: JournalLine[] = [];
    const complete = text.endsWith('\n');
    const lastIndex = lines.length - 1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const torn = i === lastIndex && !complete;
      try {
        if (torn) throw new Error('torn');
        const value = JSON.parse(line) as unknown;
        const trailer = TRAILER.exec(line);
        if (!trailer || typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('shape');
        entries.push({ body: `${line.slice(0, trailer.index)}}`, prev: trailer[1]!, hash: trailer[2]!, value: value as Record<string, unknown> });
      } catch {
        if (torn) {
          this.truncate(Buffer.byteLength(text, 'utf8') - Buffer.byteLength(line, 'utf8'));
          break;
        }
        throw new DbError('DB_JOURNAL', `Le journal « ${this.label} » est illisible à la ligne ${i + 1} : la base n’a pas été ouverte ni modifiée. Restaurez une sauvegarde ou contactez l’assistance.`);
      }
    }
    return entries;
  }

  append(text: string | Uint8Array): void {
    const line = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let written = 0;
    try {
      while (written < line.length) written += fs.writeSync(this.fd, line, written, line.length - written, this.size + written);
      fs.fsyncSync(this.fd);
    } catch (error) {
      // Leave no half-written line behind: the change is rolled back by the caller.
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        /* the torn line will be cut off on next open */
      }
      throw new DbError('DB_WRITE', `Impossible d’écrire dans le journal « ${this.label} » (${(error as Error).message}) : la modification n’a pas été enregistrée.`);
    }
    this.size += line.length;
  }

  truncate(size = 0): void {
    fs.ftruncateSync(this.fd, size);
    fs.fsyncSync(this.fd);
    this.size = size;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
