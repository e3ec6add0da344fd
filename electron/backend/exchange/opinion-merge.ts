/**
 * What an incoming opinion history does to a dossier's local one. Versions are identified by
 * their uid; a side "knows" the versions in its history and those it merged through a conflict
 * resolution. The incoming current version is:
 * - already known here: unchanged;
 * - newer than everything here (the local current version is known to the sender, or there is
 *   none): its missing versions are appended, the last one becomes current;
 * - otherwise both sides changed since they last exchanged: a conflict, kept for a person.
 */
import type { PackageOpinion } from '../../../shared/domain/exchange';

export interface LocalHistory {
  /** Uids oldest first; the last one is current. */
  uids: readonly string[];
  merged: readonly string[];
}

export interface OpenConflict {
  id: number;
  incomingUid: string;
}

export type MergeOutcome =
  | { action: null }
  | { action: 'unchanged'; reason: string | null }
  | { action: 'new' | 'updated'; append: PackageOpinion[]; merge: string[]; supersede: number[] }
  | { action: 'conflict'; localUid: string; incoming: PackageOpinion; known: string[]; supersede: number[] };

export function mergeOpinions(local: LocalHistory, incoming: readonly PackageOpinion[], incomingMerged: readonly string[], open: readonly OpenConflict[]): MergeOutcome {
  const current = incoming.at(-1);
  if (!current) return { action: null };
  const knownHere = new Set([...local.uids, ...local.merged]);
  if (knownHere.has(current.uid)) return { action: 'unchanged', reason: null };
  const knownThere = new Set([...incoming.map((v) => v.uid), ...incomingMerged]);
  const localCurrent = local.uids.at(-1);
  const supersede = open.map((c) => c.id);
  if (localCurrent === undefined || knownThere.has(localCurrent)) {
    const append = incoming.filter((v) => !knownHere.has(v.uid));
    const appended = new Set(append.map((v) => v.uid));
    const merge = incomingMerged.filter((uid) => !knownHere.has(uid) && !appended.has(uid));
    return { action: localCurrent === undefined ? 'new' : 'updated', append, merge: [...new Set(merge)], supersede };
  }
  if (open.some((c) => c.incomingUid === current.uid)) return { action: 'unchanged', reason: 'Conflit déjà signalé, en attente de résolution.' };
  return { action: 'conflict', localUid: localCurrent, incoming: current, known: [...knownThere], supersede };
}
