/**
 * A database's opinions, scores, grids and decisions in the portable form of a package: dossiers
 * named by their external id, authors by name and role, each version with a content uid (the same
 * version has the same uid in every database) and the journal entry it was recorded in.
 */
import type { JournalRef, PackageAuthor, PackageDecision, PackageGrid, PackageOpinion, PackageScore } from '../../../shared/domain/exchange';
import type { GridCriterion, OpinionKind, Role } from '../../../shared/domain/review';
import type { DbReader } from '../review/db-reader';
import { listGrids } from '../review/grids';
import { canonicalJson, sha256Hex } from './package-format';

interface OpinionContent {
  opinion: OpinionKind;
  postsSupported: number;
  comment: string;
  duplicateOf: string | null;
  transferFrom: string | null;
  transferPosts: number | null;
  author: PackageAuthor;
  createdAt: string;
}

/** Content, author (by name) and time: a resolution or a re-entered opinion is a new version. */
export function opinionUid(externalId: string, o: OpinionContent): string {
  return sha256Hex(
    canonicalJson({
      d: externalId,
      o: o.opinion,
      p: o.postsSupported,
      c: o.comment,
      dup: o.duplicateOf,
      tr: o.transferFrom,
      tp: o.transferPosts,
      a: o.author.name,
      t: o.createdAt,
    }),
  );
}

function gridHash(grid: { scaleMin: number; scaleMax: number; criteria: GridCriterion[] }): string {
  return sha256Hex(canonicalJson({ min: grid.scaleMin, max: grid.scaleMax, criteria: grid.criteria }));
}

function scoreUid(externalId: string, s: { reviewer: PackageAuthor; grid: string; values: Record<string, number | null>; comment: string | null; createdAt: string }): string {
  return sha256Hex(canonicalJson({ d: externalId, r: s.reviewer.name, g: s.grid, v: s.values, c: s.comment, t: s.createdAt }));
}

function decisionUid(externalId: string, d: Omit<PackageDecision, 'uid'>): string {
  return sha256Hex(canonicalJson({ ...d, d: externalId }));
}

interface JournalRow {
  seq: number;
  at: string;
  user_name: string;
  action: string;
  hash: string;
}

const toRef = (r: JournalRow): JournalRef => ({ seq: r.seq, at: r.at, user: r.user_name, action: r.action, hash: r.hash });

/**
 * Which journal entry recorded a version. Versions written by the exchange know it exactly
 * (exchange_origins); for the others it is the first entry of the writing actions committed at or
 * after the version's time (the time is taken just before the write, and writes are serialised).
 */
export class JournalIndex {
  private readonly byAction = new Map<string, JournalRow[]>();

  constructor(private readonly db: DbReader) {}

  private rows(actions: readonly string[]): JournalRow[] {
    const key = actions.join(',');
    let rows = this.byAction.get(key);
    if (!rows) {
      rows = this.db.all<JournalRow>(`SELECT seq, at, user_name, action, hash FROM journal WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY seq`, [...actions]);
      this.byAction.set(key, rows);
    }
    return rows;
  }

  bySeq(seq: number): JournalRef | null {
    const row = this.db.get<JournalRow>('SELECT seq, at, user_name, action, hash FROM journal WHERE seq = ?', [seq]);
    return row ? toRef(row) : null;
  }

  /**
   * The entry that wrote a version: its recorded seq, or, for versions written before the seq was
   * recorded (databases older than the exchange), the first entry of those actions at or after its time.
   */
  written(seq: number | null, actions: readonly string[], at: string): JournalRef | null {
    return seq !== null ? this.bySeq(seq) : this.firstAtOrAfter(actions, at);
  }

  private firstAtOrAfter(actions: readonly string[], at: string): JournalRef | null {
    const rows = this.rows(actions);
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    return rows[lo] ? toRef(rows[lo]!) : null;
  }

  /** The latest entry of an action whose summary names this department. */
  lastForDepartment(action: string, departmentCode: string): JournalRef | null {
    const rows = this.rows([action]);
    for (let i = rows.length - 1; i >= 0; i--) {
      const summary = this.db.value<string>('SELECT summary FROM journal WHERE seq = ?', [rows[i]!.seq]);
      if (summary && (JSON.parse(summary) as { departmentCode?: string }).departmentCode === departmentCode) return toRef(rows[i]!);
    }
    return null;
  }

  /** An origin row's journal reference: the sender's entry (relayed) or one of this database. */
  origin(journal: string | null, localSeq: number | null, fallback: () => JournalRef | null): { journal: JournalRef | null; relayed: boolean } {
    if (journal !== null) return { journal: JSON.parse(journal) as JournalRef | null, relayed: true };
    if (localSeq !== null) return { journal: this.bySeq(localSeq), relayed: false };
    return { journal: fallback(), relayed: false };
  }
}

/** Journal actions that write opinion versions outside the exchange (see opinions.ts). */
const OPINION_ACTIONS = ['opinions:record', 'opinions:recordBulk'] as const;
const SCORE_ACTIONS = ['scores:record'] as const;

interface OpinionRow {
  id: number;
  dossier_id: number;
  external_id: string;
  opinion: OpinionKind;
  posts_supported: number;
  comment: string;
  duplicate_of: string | null;
  transfer_from: string | null;
  transfer_posts: number | null;
  author_name: string;
  author_role: Role | null;
  created_at: string;
  origin_journal: string | null;
  local_seq: number | null;
  has_origin: number;
  journal_seq: number | null;
}

export interface LocalOpinion extends PackageOpinion {
  id: number;
}

/** Every opinion version of the department's dossiers, oldest first, by dossier id. */
export function localOpinions(db: DbReader, departmentCode: string, journal: JournalIndex = new JournalIndex(db)): Map<number, LocalOpinion[]> {
  const rows = db.all<OpinionRow>(
    `SELECT o.id, o.dossier_id, d.external_id, o.opinion, o.posts_supported, o.comment, dup.external_id AS duplicate_of, tr.external_id AS transfer_from,
            o.transfer_posts, o.author_name, p.role AS author_role, o.created_at, o.journal_seq, eo.journal AS origin_journal, eo.local_seq, eo.row_id IS NOT NULL AS has_origin
     FROM opinions o
     JOIN dossiers d ON d.id = o.dossier_id
     LEFT JOIN dossiers dup ON dup.id = o.duplicate_of_id
     LEFT JOIN dossiers tr ON tr.id = o.transfer_from_id
     LEFT JOIN profiles p ON p.id = o.author_id
     LEFT JOIN exchange_origins eo ON eo.kind = 'opinion' AND eo.row_id = o.id
     WHERE d.department_code = ?
     ORDER BY o.dossier_id, o.version`,
    [departmentCode],
  );
  const byDossier = new Map<number, LocalOpinion[]>();
  for (const r of rows) {
    const content: OpinionContent = {
      opinion: r.opinion,
      postsSupported: r.posts_supported,
      comment: r.comment,
      duplicateOf: r.duplicate_of,
      transferFrom: r.transfer_from,
      transferPosts: r.transfer_posts,
      author: { name: r.author_name, role: r.author_role ?? 'PREFECTURE' },
      createdAt: r.created_at,
    };
    const origin = r.has_origin
      ? journal.origin(r.origin_journal, r.local_seq, () => null)
      : { journal: journal.written(r.journal_seq, OPINION_ACTIONS, r.created_at), relayed: false };
    const list = byDossier.get(r.dossier_id) ?? [];
    list.push({ id: r.id, uid: opinionUid(r.external_id, content), ...content, ...origin });
    byDossier.set(r.dossier_id, list);
  }
  return byDossier;
}

/** Versions of other databases merged here by a conflict resolution, by dossier id. */
export function mergedUids(db: DbReader, departmentCode: string): Map<number, string[]> {
  const rows = db.all<{ dossier_id: number; uid: string }>(
    'SELECT m.dossier_id, m.uid FROM exchange_merged m JOIN dossiers d ON d.id = m.dossier_id WHERE d.department_code = ? ORDER BY m.dossier_id, m.uid',
    [departmentCode],
  );
  const byDossier = new Map<number, string[]>();
  for (const r of rows) byDossier.set(r.dossier_id, [...(byDossier.get(r.dossier_id) ?? []), r.uid]);
  return byDossier;
}

/** Every grid version by local id, with its content hash. */
export function portableGrids(db: DbReader): Map<number, PackageGrid> {
  return new Map(listGrids(db).map((g) => [g.id, { hash: gridHash(g), version: g.version, name: g.name, scaleMin: g.scaleMin, scaleMax: g.scaleMax, criteria: g.criteria }]));
}

interface ScoreRow {
  id: number;
  dossier_id: number;
  external_id: string;
  reviewer_name: string;
  reviewer_role: Role | null;
  grid_id: number;
  criteria_values: string;
  comment: string | null;
  created_at: string;
  origin_journal: string | null;
  local_seq: number | null;
  has_origin: number;
  journal_seq: number | null;
}

/** Every score sheet (not only the current ones) of the department's dossiers, by dossier id. */
export function localScores(db: DbReader, departmentCode: string, grids: ReadonlyMap<number, PackageGrid>, journal: JournalIndex = new JournalIndex(db)): Map<number, PackageScore[]> {
  const rows = db.all<ScoreRow>(
    `SELECT s.id, s.dossier_id, d.external_id, s.reviewer_name, p.role AS reviewer_role, s.grid_id, s.criteria_values, s.comment, s.created_at, s.journal_seq,
            eo.journal AS origin_journal, eo.local_seq, eo.row_id IS NOT NULL AS has_origin
     FROM scores s
     JOIN dossiers d ON d.id = s.dossier_id
     LEFT JOIN profiles p ON p.id = s.reviewer_id
     LEFT JOIN exchange_origins eo ON eo.kind = 'score' AND eo.row_id = s.id
     WHERE d.department_code = ?
     ORDER BY s.dossier_id, s.id`,
    [departmentCode],
  );
  const byDossier = new Map<number, PackageScore[]>();
  for (const r of rows) {
    const grid = grids.get(r.grid_id);
    if (!grid) continue;
    const body = {
      reviewer: { name: r.reviewer_name, role: r.reviewer_role ?? 'PREFECTURE' },
      grid: grid.hash,
      values: JSON.parse(r.criteria_values) as Record<string, number | null>,
      comment: r.comment,
      createdAt: r.created_at,
    };
    const origin = r.has_origin
      ? journal.origin(r.origin_journal, r.local_seq, () => null)
      : { journal: journal.written(r.journal_seq, SCORE_ACTIONS, r.created_at), relayed: false };
    const list = byDossier.get(r.dossier_id) ?? [];
    list.push({ uid: scoreUid(r.external_id, body), ...body, ...origin });
    byDossier.set(r.dossier_id, list);
  }
  return byDossier;
}

interface DecisionRow {
  dossier_id: number;
  external_id: string;
  session_number: string | null;
  session_date: string | null;
  decision: PackageDecision['decision'];
  posts_granted: number | null;
  priority: number;
  comment: string | null;
  source: PackageDecision['source'];
  recorded_by: string;
  recorded_at: string;
  grounds: string | null;
  justification: string | null;
}

/** Every decision entry of the department's dossiers (platform and committee), oldest first. */
export function localDecisions(db: DbReader, departmentCode: string): Map<number, PackageDecision[]> {
  const rows = db.all<DecisionRow>(
    `SELECT x.dossier_id, d.external_id, x.session_number, x.session_date, x.decision, x.posts_granted, x.priority, x.comment, x.source, x.recorded_by, x.recorded_at, x.grounds, x.justification
     FROM decisions x JOIN dossiers d ON d.id = x.dossier_id WHERE d.department_code = ? ORDER BY x.dossier_id, x.id`,
    [departmentCode],
  );
  const byDossier = new Map<number, PackageDecision[]>();
  for (const r of rows) {
    const body: Omit<PackageDecision, 'uid'> = {
      sessionNumber: r.session_number,
      sessionDate: r.session_date,
      decision: r.decision,
      postsGranted: r.posts_granted,
      priority: r.priority === 1,
      comment: r.comment,
      source: r.source,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
      grounds: r.grounds ? (JSON.parse(r.grounds) as string[]) : [],
      justification: r.justification,
    };
    const list = byDossier.get(r.dossier_id) ?? [];
    list.push({ uid: decisionUid(r.external_id, body), ...body });
    byDossier.set(r.dossier_id, list);
  }
  return byDossier;
}
