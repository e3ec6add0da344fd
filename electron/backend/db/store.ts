/**
 * The durable store: sql.js in memory, made durable by an fsync'd journal of every committed
 * change plus a full snapshot written when idle (write temp, fsync, rename; previous kept).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SqliteDb, type Row, type SqlParams } from './sqlite';
import { GENESIS_HASH, JournalFile, entryDigest, isSqlEntry, packBody, sealEntry, type EntryHead, type JournalLine } from './journal';
import { JournalCapture } from './journal-capture';
import { ChangeApplier, ChangeRefused } from './journal-apply';
import { readSchemaTables } from './data-tables';
import { LockFile } from './lock-file';
import { checkSchema, migrate } from './migrate';
import { DbError } from './db-error';
import { SQLITE_HEADER, companionFiles, missingSnapshotError, readText, sha256, writeDurably } from './base-files';

export interface StoreOptions {
  /** Database file; null keeps everything in memory (tests). */
  path: string | null;
  /** Delay of idle time before the background snapshot. */
  snapshotDelayMs?: number;
  /** A journal bigger than this is folded into a snapshot right after the write. */
  maxJournalBytes?: number;
  now?: () => string;
}

export interface WriteMeta {
  action: string;
  user: string;
  summary?: Record<string, unknown>;
}

/** What a write function may do: statements whose row changes are journaled, and plain reads. */
export interface WriteTx {
  run(sql: string, params?: SqlParams): void;
  all<T = Row>(sql: string, params?: SqlParams): T[];
  get<T = Row>(sql: string, params?: SqlParams): T | undefined;
  value<T extends string | number | null>(sql: string, params?: SqlParams): T | undefined;
  lastInsertId(): number;
  /** The seq of the journal entry this write becomes (what it writes can point at its own entry). */
  journalSeq(): number;
}

export type ChangeListener = (tables: string[]) => void;

/**
 * Each snapshot is written with its SHA-256 beside it: checking it on open detects any damage in
 * a fraction of the time `PRAGMA quick_check` takes on a large file. The `.tmp` digest covers a
 * crash between the two renames of a snapshot.
 */
function snapshotDigestMatches(file: string, digest: string): boolean | null {
  const known = [readText(`${file}.sha256`), readText(`${file}.sha256.tmp`)].filter((d): d is string => !!d);
  if (known.length === 0) return null;
  return known.includes(digest);
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Not supported everywhere (e.g. Windows); the rename is still atomic.
  }
}

/** The head of a chained entry read back, when it has the shape this version writes. */
function entryHead(value: Record<string, unknown>): EntryHead | null {
  const { seq, at, user, action, summary } = value;
  if (typeof seq !== 'number' || typeof at !== 'string' || typeof user !== 'string' || typeof action !== 'string') return null;
  if (typeof summary !== 'object' || summary === null || Array.isArray(summary)) return null;
  return { seq, at, user, action, summary: summary as Record<string, unknown> };
}

export class Store {
  private seq = 0;
  private lastHash = GENESIS_HASH;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners = new Set<ChangeListener>();
  private capture: JournalCapture | null = null;
  /** SHA-256 of the snapshot file on disk: what `.prev.sha256` records when that file becomes `.prev`. */
  private diskDigest: string | null = null;

  private constructor(
    readonly db: SqliteDb,
    readonly path: string | null,
    private readonly journal: JournalFile | null,
    private readonly lock: LockFile | null,
    private readonly options: Required<Omit<StoreOptions, 'path'>>,
  ) {}

  static async open(options: StoreOptions): Promise<Store> {
    const resolved: Required<Omit<StoreOptions, 'path'>> = {
      snapshotDelayMs: options.snapshotDelayMs ?? 2_000,
      // A bulk import is folded into a snapshot at once (≈ 0.2 s at 50,000 dossiers) rather than
      // left for a multi-second replay if the machine stops before the idle snapshot.
      maxJournalBytes: options.maxJournalBytes ?? 8 * 1024 * 1024,
      now: options.now ?? (() => new Date().toISOString()),
    };
    if (options.path === null) {
      const db = await SqliteDb.open();
      migrate(db, resolved.now());
      return new Store(db, null, null, null, resolved);
    }
    const file = path.resolve(options.path);
    const label = file;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lock = new LockFile(`${file}.lock`, label);
    // A lock left behind by a crashed process is one more sign that the base existed.
    const staleLock = fs.existsSync(`${file}.lock`);
    lock.acquire();
    let journal: JournalFile | null = null;
    let db: SqliteDb | null = null;
    try {
      const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
      if (!bytes) {
        // Only a base with no file at all is new: anything else is lost data, never an empty base.
        const present = companionFiles(file).filter((f) => staleLock || f !== `${file}.lock`);
        if (present.length > 0) throw missingSnapshotError(file, present);
      }
      const digest = bytes ? sha256(bytes) : null;
      db = await Store.load(bytes, label, digest ? snapshotDigestMatches(file, digest) : null);
      journal = new JournalFile(`${file}.journal`, `${file}.journal`);
      const store = new Store(db, file, journal, lock, resolved);
      store.diskDigest = digest;
      if (bytes) store.resumeChain();
      else migrate(db, resolved.now());
      store.replay(journal.readEntries());
      const applied = bytes ? migrate(db, resolved.now()) : [];
      if (!bytes || applied.length > 0 || journal.bytes > 0) {
        store.dirty = true;
        store.snapshot();
      }
      return store;
    } catch (error) {
      journal?.close();
      db?.close();
      lock.release();
      throw error;
    }
  }

  private static async load(bytes: Uint8Array | null, label: string, digestMatches: boolean | null): Promise<SqliteDb> {
    if (!bytes) return SqliteDb.open();
    const header = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
    if (bytes.length < 100 || header !== SQLITE_HEADER) {
      throw new DbError('DB_CORRUPT', `Le fichier « ${label} » n’est pas une base CNFS Revue lisible (en-tête SQLite absent) : il n’a pas été ouvert ni modifié.`);
    }
    if (digestMatches === false) {
      throw new DbError('DB_CORRUPT', `La base « ${label} » a été modifiée ou endommagée depuis son dernier enregistrement (empreinte SHA-256 différente) : elle n’a pas été ouverte ni modifiée. La sauvegarde précédente est « ${label}.prev ».`);
    }
    const db = await SqliteDb.open(bytes);
    let check: string | undefined;
    try {
      // Without a digest (a file copied alone, an older version), fall back to SQLite's own check.
      check = digestMatches ? 'ok' : db.value<string>('PRAGMA quick_check');
    } catch (error) {
      check = (error as Error).message;
    }
    if (check !== 'ok') {
      db.close();
      throw new DbError('DB_CORRUPT', `La base « ${label} » est endommagée (${check}) : elle n’a pas été ouverte ni modifiée. La sauvegarde précédente est « ${label}.prev ».`);
    }
    try {
      checkSchema(db, label);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  }

  private resumeChain(): void {
    const last = this.db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
    if (last) {
      this.seq = last.seq;
      this.lastHash = last.hash;
    }
  }

  /**
   * One transaction for the whole journal (5× fewer page writes than one per entry): any refusal
   * throws, the open fails and the in-memory base is dropped, so no entry needs its own.
   */
  private replay(entries: JournalLine[]): void {
    if (entries.length > 0) this.db.transaction(() => this.replayEntries(entries));
  }

  private replayEntries(entries: JournalLine[]): void {
    const label = this.journal ? `${this.path}.journal` : '';
    let applier: ChangeApplier | null = null;
    for (const { body, prev, hash, value } of entries) {
      const seq = value.seq;
      if (typeof seq === 'number' && seq <= this.seq) {
        const known = this.db.value<string>('SELECT hash FROM journal WHERE seq = ?', [seq]);
        if (known !== hash) throw this.journalError(label, seq, 'ne correspond pas à la base');
        continue;
      }
      if (isSqlEntry(value)) {
        throw new DbError(
          'DB_JOURNAL',
          `L’entrée n° ${String(seq)} du journal « ${label} » vient d’une version antérieure de CNFS Revue, qui journalisait des instructions SQL : cette version ne les exécute jamais, la base n’a pas été ouverte ni modifiée. Ouvrez-la une fois avec la version précédente de l’application (qui intègre son journal à la base), ou restaurez la sauvegarde « ${this.path}.prev ».`,
        );
      }
      if (seq !== this.seq + 1 || prev !== this.lastHash || entryDigest(prev, body) !== hash) {
        throw this.journalError(label, Number(seq), 'rompt la chaîne d’intégrité');
      }
      const head = entryHead(value);
      if (!head) throw this.journalError(label, seq, 'n’a pas la forme d’une entrée de cette version');
      applier ??= new ChangeApplier(this.db, readSchemaTables(this.db));
      try {
        this.insertJournalRow(head, applier.apply(value.columns, value.changes), body, hash, prev);
      } catch (error) {
        if (error instanceof ChangeRefused) throw this.journalError(label, seq, error.message);
        throw error;
      }
      this.seq = seq;
      this.lastHash = hash;
    }
  }

  private journalError(label: string, seq: number, what: string): DbError {
    return new DbError('DB_JOURNAL', `L’entrée n° ${seq} du journal « ${label} » ${what} : la base n’a pas été ouverte ni modifiée.`);
  }

  private insertJournalRow(head: EntryHead, tables: string[], body: string | Uint8Array, hash: string, prev: string): void {
    this.db.run(
      'INSERT INTO journal (seq, at, user_name, action, summary, tables, hash, prev_hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [head.seq, head.at, head.user, head.action, JSON.stringify(head.summary), JSON.stringify(tables), hash, prev, packBody(body)],
    );
  }

  /** Sequence number of the last committed change (changes whenever the data does). */
  get version(): number {
    return this.seq;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `fn` in one transaction. Its statements are journaled and fsync'd before the commit,
   * so a returned write survives a crash; if anything throws, nothing is changed.
   */
  write<T>(meta: WriteMeta, fn: (tx: WriteTx) => T): T {
    if (this.closed) throw new DbError('DB_WRITE', 'La base est fermée.');
    if (this.db.inTransaction) throw new Error('Store.write() is not reentrant');
    const db = this.db;
    // Installed at the first write, once open() has applied every migration.
    this.capture ??= JournalCapture.install(db);
    const capture = this.capture;
    const tx: WriteTx = {
      run: (statement, params) => db.run(statement, params),
      all: (statement, params) => db.all(statement, params),
      get: (statement, params) => db.get(statement, params),
      value: (statement, params) => db.value(statement, params),
      lastInsertId: () => db.value<number>('SELECT last_insert_rowid()') ?? 0,
      journalSeq: () => this.seq + 1,
    };
    let committed: { seq: number; hash: string; tables: string[] } | null = null;
    const result = db.transaction(() => {
      capture.clear();
      const schema = db.value<number>('PRAGMA main.schema_version');
      const value = fn(tx);
      // The journal records rows, not statements: a schema change would be lost on replay.
      if (db.value<number>('PRAGMA main.schema_version') !== schema) throw new Error('Store.write() may not change the schema (that is what migrations are for)');
      const changes = capture.take();
      if (!changes) return value;
      const head: EntryHead = { seq: this.seq + 1, at: this.options.now(), user: meta.user, action: meta.action, summary: meta.summary ?? {} };
      const sealed = sealEntry(head, changes, this.lastHash);
      this.insertJournalRow(head, changes.tables, sealed.body, sealed.hash, this.lastHash);
      this.journal?.append(sealed.line);
      committed = { seq: head.seq, hash: sealed.hash, tables: changes.tables };
      return value;
    });
    const entry = committed as { seq: number; hash: string; tables: string[] } | null;
    if (entry) {
      this.seq = entry.seq;
      this.lastHash = entry.hash;
      this.dirty = true;
      this.afterWrite();
      for (const listener of this.listeners) listener(entry.tables);
    }
    return result;
  }

  private afterWrite(): void {
    if (!this.journal) return;
    if (this.journal.bytes > this.options.maxJournalBytes) {
      this.backgroundSnapshot();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.backgroundSnapshot();
    }, this.options.snapshotDelayMs);
    this.timer.unref();
  }

  /** A snapshot after a write: a failed one leaves every change in the journal, retried on the next write or on close. */
  private backgroundSnapshot(): void {
    try {
      this.snapshot();
    } catch {
      // The acknowledged changes are in the fsync'd journal; the files on disk are unchanged.
    }
  }

  /**
   * Folds the journal into a new snapshot; the previous snapshot is kept as `.prev`, with its
   * digest in `.prev.sha256`. The new file is read back and its SHA-256 compared with the bytes in
   * memory before anything is rotated: `.prev` is only ever replaced by a snapshot known whole.
   */
  snapshot(): void {
    if (!this.path || !this.journal || !this.dirty || this.closed) return;
    const file = this.path;
    const tmp = `${file}.tmp`;
    const bytes = this.db.export();
    const digest = sha256(bytes);
    writeDurably(tmp, bytes);
    if (sha256(fs.readFileSync(tmp)) !== digest) {
      fs.rmSync(tmp, { force: true });
      throw new DbError(
        'DB_WRITE',
        `L’instantané écrit dans « ${tmp} » ne correspond pas à la base en mémoire (empreinte SHA-256 relue différente) : il a été écarté ; « ${file} », sa sauvegarde « ${file}.prev » et le journal sont inchangés.`,
      );
    }
    writeDurably(`${file}.sha256.tmp`, digest);
    if (fs.existsSync(file)) {
      // The `.tmp` digest covers a crash between the rotation of `.prev` and of its digest.
      if (this.diskDigest) writeDurably(`${file}.prev.sha256.tmp`, this.diskDigest);
      fs.rmSync(`${file}.prev`, { force: true });
      try {
        fs.linkSync(file, `${file}.prev`);
      } catch {
        fs.copyFileSync(file, `${file}.prev`);
      }
      if (this.diskDigest) fs.renameSync(`${file}.prev.sha256.tmp`, `${file}.prev.sha256`);
      else fs.rmSync(`${file}.prev.sha256`, { force: true });
    }
    fs.renameSync(tmp, file);
    fs.renameSync(`${file}.sha256.tmp`, `${file}.sha256`);
    fsyncDir(path.dirname(file));
    this.diskDigest = digest;
    this.journal.truncate(0);
    this.dirty = false;
  }

  close(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      this.snapshot();
    } finally {
      this.closed = true;
      this.journal?.close();
      this.db.close();
      this.lock?.release();
    }
  }
}
