/** The integrity methods of the contract (policies already ran). */
import type { IntegrityMethod, IntegrityStatus } from '../../../shared/api/integrity-contract';
import type { Store } from '../db/store';
import type { ScopedHandlers } from '../access/guard';
import { sealedHashFindings } from './sealed-minutes';
import { verifyIntegrity } from './verify';

export function openingStatus(store: Store): IntegrityStatus {
  const { sessions, sealed, findings } = sealedHashFindings(store.db);
  return { ok: findings.length === 0, findings, sealedSessions: sealed, sessions, checkedAt: new Date().toISOString() };
}

/** The status is computed once, on opening (see openBackend): a seal made since is consistent by construction. */
export function integrityHandlers(store: Store, status: IntegrityStatus): Pick<ScopedHandlers, IntegrityMethod> {
  return {
    'integrity:verify': async () => verifyIntegrity(store.db, store.path),
    'integrity:status': async () => status,
  };
}
