/**
 * The append-only, hash-chained journal: one JSON line per committed change, fsync'd before the
 * change is acknowledged. Replayed on open over the last snapshot; also the audit trail.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { SqlParam } from './sqlite';
import { DbError } from './db-error';

export const GENESIS_HASH = '0'.repeat(64);

export interface JournalEntry {
  seq: number;
  at: string;
  user: string;
  action: string;
  summary: Record<string, unknown>;
  /** Distinct statements; ops refer to them by index to keep bulk entries small. */
  sql: string[];
  ops: [number, SqlParam[]][];
  prev: string;
  hash: string;
}

type EntryBody = Omit<JournalEntry, 'prev' | 'hash'>;

/** The hashed part, serialised once: for a bulk import it is tens of megabytes. */
function bodyJson(entry: EntryBody): string {
  const { seq, at, user, action, summary, sql, ops } = entry;
  return JSON.stringify({ seq, at, user, action, summary, sql, ops });
}

const digest = (prev: string, body: string) => createHash('sha256').update(prev).update('\n').update(body).digest('hex');

export function hashEntry(entry: Omit<JournalEntry, 'hash'>): string {
  return digest(entry.prev, bodyJson(entry));
}

/** A new entry and its journal line, from a single serialisation of its body. */
export function sealEntry(body: EntryBody, prev: string): { entry: JournalEntry; line: string } {
  const json = bodyJson(body);
  const hash = digest(prev, json);
  return { entry: { ...body, prev, hash }, line: `${json.slice(0, -1)},"prev":"${prev}","hash":"${hash}"}\n` };
}

const WRITE_TARGET = /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?([A-Za-z_][\w]*)/i;

/** Tables a set of statements writes to, for the UI's `db:changed` event. */
export function tablesWritten(statements: readonly string[]): string[] {
  const tables = new Set<string>();
  for (const sql of statements) {
    const match = WRITE_TARGET.exec(sql);
    if (match?.[1]) tables.add(match[1]);
  }
  return [...tables].sort();
}

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
  readEntries(): JournalEntry[] {
    if (this.size === 0) return [];
    const text = fs.readFileSync(this.filePath, 'utf8');
    const lines = text.split('\n');
    const entries: JournalEntry[] = [];
    const complete = text.endsWith('\n');
    const lastIndex = lines.length - 1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const torn = i === lastIndex && !complete;
      try {
        const entry = JSON.parse(line) as JournalEntry;
        if (torn) throw new Error('torn');
        entries.push(entry);
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

  append(text: string): void {
    const line = Buffer.from(text, 'utf8');
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
