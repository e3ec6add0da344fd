/**
 * Prefect opinions: append-only versions (the real platform overwrote them; we keep every one).
 * Each write also sets the dossier's review state in the same transaction.
 */
import { ApiError } from '../../../shared/api/contract';
import type { Opinion, OpinionInput, OpinionKind, UserProfile } from '../../../shared/domain/review';
import { validateOpinion } from '../../../shared/domain/review-rules';
import type { Store, WriteTx } from '../db/store';
import type { DbReader } from './db-reader';
import type { ScopedDossier } from '../access/scope';

interface OpinionRow {
  id: number;
  dossier_id: number;
  version: number;
  opinion: OpinionKind;
  posts_supported: number;
  comment: string;
  duplicate_of_id: number | null;
  transfer_from_id: number | null;
  transfer_posts: number | null;
  author_id: number;
  author_name: string;
  created_at: string;
  source: Opinion['source'];
  imported_by: string | null;
}

const toOpinion = (r: OpinionRow): Opinion => ({
  id: r.id,
  dossierId: r.dossier_id,
  version: r.version,
  opinion: r.opinion,
  postsSupported: r.posts_supported,
  comment: r.comment,
  duplicateOfId: r.duplicate_of_id,
  transferFromId: r.transfer_from_id,
  transferPosts: r.transfer_posts,
  authorId: r.author_id,
  authorName: r.author_name,
  createdAt: r.created_at,
  source: r.source,
  importedBy: r.imported_by ?? null,
});

/** Newest first. */
export function opinionHistory(db: DbReader, dossierId: number): Opinion[] {
  return db.all<OpinionRow>('SELECT * FROM opinions WHERE dossier_id = ? ORDER BY version DESC', [dossierId]).map(toOpinion);
}

export function currentOpinion(db: DbReader, dossierId: number): Opinion | null {
  const row = db.get<OpinionRow>('SELECT * FROM opinions WHERE dossier_id = ? ORDER BY version DESC LIMIT 1', [dossierId]);
  return row ? toOpinion(row) : null;
}

/** The input as stored: optional references made explicit, the comment trimmed. */
function normalise(input: OpinionInput): Required<OpinionInput> {
  return {
    dossierId: input.dossierId,
    opinion: input.opinion,
    postsSupported: input.postsSupported,
    comment: input.comment.trim(),
    duplicateOfId: input.duplicateOfId ?? null,
    transferFromId: input.transferFromId ?? null,
    transferPosts: input.transferPosts ?? null,
  };
}

/**
 * Appends a version and moves the dossier's review state, inside the caller's transaction. The
 * exchange imports versions through it with their original author and time (`source` 'import').
 */
export function appendOpinion(tx: WriteTx, input: Required<OpinionInput>, author: Pick<UserProfile, 'id' | 'name'>, now: string, source: Opinion['source'] = 'app'): number {
  const version = (tx.value<number>('SELECT max(version) FROM opinions WHERE dossier_id = ?', [input.dossierId]) ?? 0) + 1;
  tx.run(
    "INSERT INTO opinions (dossier_id, version, opinion, posts_supported, comment, duplicate_of_id, transfer_from_id, transfer_posts, author_id, author_name, created_at, source, journal_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [input.dossierId, version, input.opinion, input.postsSupported, input.comment, input.duplicateOfId, input.transferFromId, input.transferPosts, author.id, author.name, now, source, tx.journalSeq()],
  );
  tx.run('UPDATE dossiers SET review_opinion = ?, review_posts = ? WHERE id = ?', [input.opinion, input.postsSupported, input.dossierId]);
  return tx.lastInsertId();
}

/** `dossier`: the checked dossier (its posts requested bound the posts supported). */
export function recordOpinion(store: Store, author: UserProfile, dossier: ScopedDossier, request: OpinionInput): Opinion {
  const input = normalise(request);
  const errors = validateOpinion(input, dossier.postsRequested);
  if (errors.length > 0) throw new ApiError('VALIDATION', `Avis non enregistré pour le dossier ${dossier.externalId} : ${errors.join(' ')}`, { errors });
  const now = new Date().toISOString();
  const id = store.write({ action: 'opinions:record', user: author.name, summary: { dossierId: input.dossierId, opinion: input.opinion, postsSupported: input.postsSupported } }, (tx) =>
    appendOpinion(tx, input, author, now),
  );
  return toOpinion(store.db.get<OpinionRow>('SELECT * FROM opinions WHERE id = ?', [id])!);
}

export interface BulkOpinionRequest {
  dossierIds: number[];
  opinion: OpinionKind;
  postsSupported: 'requested' | 'none';
  comment: string;
}

const MAX_ERRORS_SHOWN = 5;

/** Every dossier validated first, then all written in one transaction: all recorded or none. */
export function recordOpinionsBulk(store: Store, author: UserProfile, dossiers: readonly ScopedDossier[], request: BulkOpinionRequest): { recorded: number } {
  const inputs = dossiers.map((d) => normalise({ dossierId: d.id, opinion: request.opinion, postsSupported: request.postsSupported === 'requested' ? d.postsRequested : 0, comment: request.comment }));
  const failures: string[] = [];
  inputs.forEach((input, i) => {
    const errors = validateOpinion(input, dossiers[i]!.postsRequested);
    if (errors.length > 0) failures.push(`dossier ${dossiers[i]!.externalId} : ${errors.join(' ')}`);
  });
  if (failures.length > 0) {
    const more = failures.length > MAX_ERRORS_SHOWN ? ` (et ${failures.length - MAX_ERRORS_SHOWN} autre(s) dossier(s))` : '';
    throw new ApiError('VALIDATION', `Aucun avis n’a été enregistré. ${failures.slice(0, MAX_ERRORS_SHOWN).join(' ; ')}${more}`, { errors: failures });
  }
  const now = new Date().toISOString();
  store.write({ action: 'opinions:recordBulk', user: author.name, summary: { dossiers: inputs.length, opinion: request.opinion, postsSupported: request.postsSupported } }, (tx) => {
    for (const input of inputs) appendOpinion(tx, input, author, now);
  });
  return { recorded: inputs.length };
}
