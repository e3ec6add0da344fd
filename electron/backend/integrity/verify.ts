/**
 * `verify` (issue 11, point 7): every integrity check of a base, each returning located findings.
 * A check is one line of INTEGRITY_CHECKS: the journal chain re-verified from each entry's stored
 * content, the snapshot digests, and every sealed session against the live decisions.
 */
import type { IntegrityFinding, IntegrityReport } from '../../../shared/api/integrity-contract';
import type { DbReader } from '../review/db-reader';
import { sealedContentFindings, sealedHashFindings } from './sealed-minutes';
import { snapshotDigestFindings } from './snapshot-digest';
import { verifyJournalChain } from '../db/journal-verify';

export interface VerifyContext {
  /** Read-only: no write happens during a verification (it runs in one turn of the backend's queue). */
  db: DbReader;
  /** The snapshot file; null for a base in memory. */
  path: string | null;
}

export type IntegrityCheck = (ctx: VerifyContext) => IntegrityFinding[];

export const INTEGRITY_CHECKS: readonly IntegrityCheck[] = [
  ({ db }) => verifyJournalChain(db),
  ({ path }) => snapshotDigestFindings(path),
  ({ db }) => sealedHashFindings(db).findings,
  ({ db }) => sealedContentFindings(db),
];

export function verifyIntegrity(db: DbReader, path: string | null, checks: readonly IntegrityCheck[] = INTEGRITY_CHECKS): IntegrityReport {
  const ctx: VerifyContext = { db, path };
  const findings = checks.flatMap((check) => check(ctx));
  return { ok: findings.length === 0, findings };
}
