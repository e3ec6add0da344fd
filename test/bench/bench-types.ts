/** What a size's child process sends back to the runner (plain JSON through the IPC channel). */
import type { MemoryPoint } from './memory-sampler';
import type { DecisionBenchResult } from './decision-bench';
import type { ReviewResult } from './review-bench';
import type { Summary } from './stats';

export interface ImportResultSummary {
  rows: number;
  csvMb: number;
  runs: number;
  preview: Summary;
  commit: Summary;
  total: Summary;
  /** Final snapshot on close (the app runs it in the background ~2 s after the import). */
  closeSnapshot: Summary;
  /** Journal size right after the commit (0: the entry was over the limit and folded at once). */
  journalMbAfterCommit: number;
  created: number;
  memory: { preview: MemoryPoint; commit: MemoryPoint; close: MemoryPoint; baselineRssMb: number };
}

export interface EngineComparison {
  label: string;
  sqljs: Summary;
  native: Summary;
}

export interface QueryResult {
  label: string;
  /** Full `backend.call('dossiers:list')`: validation, page query, count query, row mapping. */
  call: Summary;
  total: number;
  /** The same two SQL statements, raw, on sql.js and on better-sqlite3. */
  engines: EngineComparison;
}

export interface NativeInsert {
  statements: number;
  /** Same statements replayed in one transaction on a fresh sql.js database (no journal). */
  sqljsMs: number;
  /** better-sqlite3 file database, default settings: statements, then the durable COMMIT. */
  nativeMs: number;
  nativeCommitMs: number;
}

export interface PersistResult {
  write: Summary;
  /** Native reference: the same UPDATE committed by better-sqlite3 (WAL, synchronous=FULL). */
  native: Summary;
  /** Raw cost of appending ~300 bytes + fsync in the same directory: the disk's floor. */
  fsyncFloor: Summary;
  journalBytesPerEntry: number;
}

export interface SnapshotResult {
  snapshot: Summary;
  exportOnly: Summary;
  fileMb: number;
}

export interface OpenResult {
  clean: Summary;
  /** `PRAGMA quick_check` alone (reads every page): what open costs more when the snapshot has no valid digest. */
  quickCheck: Summary;
  /** A snapshot digest sidecar was present, so open could skip quick_check. */
  digest: boolean;
  nativeOpen: Summary;
  withJournal: Summary | null;
  journalEntries: number;
  journalKb: number;
  /** Crash right after the import: the import's own journal entry replayed (null: already folded). */
  afterImportCrash: { ms: number; journalMb: number } | null;
}

export interface SizeResult {
  size: number;
  import: ImportResultSummary;
  insert: NativeInsert;
  review: ReviewResult;
  decisions: DecisionBenchResult;
  queries: QueryResult[];
  persist: PersistResult;
  snapshot: SnapshotResult;
  open: OpenResult;
}
