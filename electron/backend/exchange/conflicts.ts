/**
 * Conflicts: a dossier's opinion changed on both sides since the last exchange. Both versions are
 * kept; a person keeps one, which becomes the current opinion as a new version, and the
 * resolution (who, when, which, why) is recorded on the conflict and in the journal.
 */
import { ApiError } from '../../../shared/api/contract';
import type { ConflictChoice, ConflictStatus, ExchangeConflict, OpinionSummary, PackageOpinion } from '../../../shared/domain/exchange';
import { COMMENT_MAX, type OpinionKind, type UserProfile } from '../../../shared/domain/review';
import { validateOpinion } from '../../../shared/domain/review-rules';
import { frenchNumber } from '../../../shared/domain/french-format';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { appendOpinion, currentOpinion } from '../review/opinions';
import type { Scope } from '../access/scope';
import { localOpinions } from './local-versions';

interface ConflictRow {
  id: number;
  dossier_id: number;
  status: ConflictStatus;
  detected_at: string;
  incoming: string;
  resolved_by: string | null;
  resolved_at: string | null;
  choice: ConflictChoice | null;
  resolution_comment: string | null;
  external_id: string;
  name: string | null;
  department_code: string;
  posts_requested: number;
  file_name: string;
  log_kind: string;
  sender_name: string | null;
  opinion: OpinionKind;
  posts_supported: number;
  comment: string;
  author_name: string;
  created_at: string;
  r_opinion: OpinionKind | null;
  r_posts: number | null;
  r_comment: string | null;
  r_author: string | null;
  r_at: string | null;
}

interface StoredIncoming {
  version: PackageOpinion;
  known: string[];
  /** A conflict raised by a workbook row (workbook-plan.ts). */
  workbook?: { baseVersion: number | null; exportId: string | null; importedBy: string; sheet: string; row: number };
}

const SELECT = `SELECT c.id, c.dossier_id, c.status, c.detected_at, c.incoming, c.resolved_by, c.resolved_at, c.choice, c.resolution_comment,
    d.external_id, d.name, d.department_code, d.posts_requested, l.file_name, l.kind AS log_kind, l.sender_name,
    o.opinion, o.posts_supported, o.comment, o.author_name, o.created_at,
    r.opinion AS r_opinion, r.posts_supported AS r_posts, r.comment AS r_comment, r.author_name AS r_author, r.created_at AS r_at
  FROM exchange_conflicts c
  JOIN dossiers d ON d.id = c.dossier_id
  JOIN exchange_log l ON l.id = c.log_id
  JOIN opinions o ON o.id = c.local_opinion_id
  LEFT JOIN opinions r ON r.id = c.result_opinion_id`;

function toConflict(r: ConflictRow): ExchangeConflict {
  const stored = JSON.parse(r.incoming) as StoredIncoming;
  const incoming = stored.version;
  const local: OpinionSummary = { opinion: r.opinion, postsSupported: r.posts_supported, comment: r.comment, authorName: r.author_name, createdAt: r.created_at };
  return {
    id: r.id,
    dossierId: r.dossier_id,
    externalId: r.external_id,
    dossierName: r.name,
    departmentCode: r.department_code,
    postsRequested: r.posts_requested,
    status: r.status,
    detectedAt: r.detected_at,
    fileName: r.file_name,
    senderName: r.sender_name,
    local,
    incoming: { opinion: incoming.opinion, postsSupported: incoming.postsSupported, comment: incoming.comment, authorName: incoming.author.name, createdAt: incoming.createdAt },
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    choice: r.choice,
    comment: r.resolution_comment,
    result: r.r_opinion ? { opinion: r.r_opinion, postsSupported: r.r_posts!, comment: r.r_comment!, authorName: r.r_author!, createdAt: r.r_at! } : null,
    origin: r.log_kind === 'workbook' ? 'workbook' : 'package',
    baseVersion: stored.workbook?.baseVersion ?? null,
    importedBy: stored.workbook?.importedBy ?? null,
  };
}

/** Open conflicts first, then the most recent; only the dossiers of the scope. */
export function listConflicts(db: DbReader, scope: Scope, status: ConflictStatus | 'ALL' = 'OPEN'): ExchangeConflict[] {
  const where = status === 'ALL' ? '' : ' WHERE c.status = ?';
  return db
    .all<ConflictRow>(`${SELECT}${where} ORDER BY c.status = 'OPEN' DESC, c.id DESC`, status === 'ALL' ? [] : [status])
    .filter((r) => scope.allows(r.department_code))
    .map(toConflict);
}

function conflictRow(db: DbReader, id: number): ConflictRow | undefined {
  return db.get<ConflictRow>(`${SELECT} WHERE c.id = ?`, [id]);
}

export function resolveConflict(store: Store, scope: Scope, author: UserProfile, request: { id: number; keep: ConflictChoice; comment?: string }): ExchangeConflict {
  const db = store.db;
  const row = conflictRow(db, request.id);
  if (!row) throw new ApiError('NOT_FOUND', `Le conflit n° ${request.id} n’existe pas dans cette base.`);
  scope.checkDossier(db, row.dossier_id);
  if (row.status !== 'OPEN') {
    const how = row.status === 'RESOLVED' ? `a déjà été résolu par ${row.resolved_by ?? '?'}` : 'a été remplacé par un échange plus récent';
    throw new ApiError('CONFLICT_CLOSED', `Le conflit n° ${row.id} (dossier ${row.external_id}) ${how} : rien n’a été modifié.`);
  }
  const comment = request.comment?.trim() || null;
  if (comment && [...comment].length > COMMENT_MAX) throw new ApiError('VALIDATION', `Le commentaire de résolution ne doit pas dépasser ${frenchNumber(COMMENT_MAX)} caractères.`);
  const stored = JSON.parse(row.incoming) as StoredIncoming;
  const idOf = (externalId: string | null): number | null => {
    if (externalId === null) return null;
    const id = db.value<number>('SELECT id FROM dossiers WHERE external_id = ?', [externalId]);
    if (id === undefined) throw new ApiError('VALIDATION', `La version reçue renvoie au dossier « ${externalId} », inconnu de cette base : gardez la version de cette base.`);
    return id;
  };
  const local = currentOpinion(db, row.dossier_id)!;
  const chosen =
    request.keep === 'local'
      ? { opinion: local.opinion, postsSupported: local.postsSupported, comment: local.comment, duplicateOfId: local.duplicateOfId, transferFromId: local.transferFromId, transferPosts: local.transferPosts }
      : { opinion: stored.version.opinion, postsSupported: stored.version.postsSupported, comment: stored.version.comment, duplicateOfId: idOf(stored.version.duplicateOf), transferFromId: idOf(stored.version.transferFrom), transferPosts: stored.version.transferPosts };
  const input = { dossierId: row.dossier_id, ...chosen };
  const errors = validateOpinion(input, row.posts_requested);
  if (errors.length > 0) throw new ApiError('VALIDATION', `Cette version ne peut pas devenir l’avis en cours : ${errors.join(' ')}`, { errors });
  const history = new Set((localOpinions(db, row.department_code).get(row.dossier_id) ?? []).map((v) => v.uid));
  const merged = [...new Set([...stored.known, stored.version.uid])].filter((uid) => !history.has(uid));
  const now = new Date().toISOString();
  const summary = { conflictId: row.id, dossierId: row.dossier_id, externalId: row.external_id, keep: request.keep };
  store.write({ action: 'exchange:resolveConflict', user: author.name, summary }, (tx) => {
    // This write's journal entry: the resolution's version is traced to it exactly.
    const seq = tx.journalSeq();
    const opinionId = appendOpinion(tx, input, author, now);
    tx.run("INSERT INTO exchange_origins (kind, row_id, log_id, journal, local_seq) VALUES ('opinion', ?, NULL, NULL, ?)", [opinionId, seq]);
    for (const uid of merged) tx.run('INSERT OR IGNORE INTO exchange_merged (dossier_id, uid) VALUES (?, ?)', [row.dossier_id, uid]);
    tx.run("UPDATE exchange_conflicts SET status = 'RESOLVED', resolved_by = ?, resolved_at = ?, choice = ?, resolution_comment = ?, result_opinion_id = ? WHERE id = ?", [
      author.name,
      now,
      request.keep,
      comment,
      opinionId,
      row.id,
    ]);
  });
  return toConflict(conflictRow(db, row.id)!);
}
