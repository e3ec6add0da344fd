/**
 * The methods of the API contract that check the record (issue 11, point 7). Part of `Api`
 * (contract.ts). `integrity:verify` runs every check; `integrity:status` is the cheap one done on
 * opening (each sealed session's stored minutes against their SHA-256), which the app frame reads.
 */

/** One thing found: `kind` names the check, `where` locates it (session, dossier, journal entry or file), `message` is French. */
export interface IntegrityFinding {
  kind: string;
  where: string;
  message: string;
}

/** What `verify` prints with `--json`, exactly. */
export interface IntegrityReport {
  ok: boolean;
  findings: IntegrityFinding[];
}

export interface IntegrityStatus extends IntegrityReport {
  /** Sealed sessions checked. */
  sealedSessions: number;
  /** The sealed sessions whose stored minutes no longer match their SHA-256 (number "12", label "COSELEC 12"). */
  sessions: { id: number; number: string; label: string }[];
  checkedAt: string;
}

export interface IntegrityApi {
  /** Every check: snapshot digests, sealed minutes (stored hash and regenerated from the live rows)… National roles. */
  'integrity:verify': (req: Record<string, never>) => Promise<IntegrityReport>;
  /** The sealed sessions' hash comparison made when the base was opened. */
  'integrity:status': (req: Record<string, never>) => Promise<IntegrityStatus>;
}

export const INTEGRITY_METHODS = ['integrity:verify', 'integrity:status'] as const satisfies readonly (keyof IntegrityApi)[];

export type IntegrityMethod = (typeof INTEGRITY_METHODS)[number];
