/**
 * Planning a package's import against this database: per dossier, what happens to its fields
 * (dossier packages), its opinion (new / updated / unchanged / conflict / rejected), its score
 * sheets and decisions, and the department's ranking. Nothing is written here: the plan is the
 * preview, then applied in one transaction (package-apply.ts).
 */
import type { DossierFieldKey } from '../../../shared/domain/dossier';
import type { OpinionSummary, PackageContent, PackageCounts, PackageDecision, PackageDossier, PackageLine, PackageOpinion, PackageScore } from '../../../shared/domain/exchange';
import { validateOpinion } from '../../../shared/domain/review-rules';
import { validateRecord } from '../../../shared/import/validate-record';
import { allIn } from '../db/all-in';
import type { SqliteDb } from '../db/sqlite';
import { FIELD_KEYS } from '../dossiers/dossier-columns';
import { planRows, type PlannedRow, type ValidRow } from '../import/import-plan';
import type { Scope } from '../access/scope';
import { JournalIndex, localDecisions, localOpinions, localScores, mergedUids, portableGrids, type LocalOpinion } from './local-versions';
import { mergeOpinions, type OpenConflict } from './opinion-merge';

interface PlannedOpinion {
  externalId: string;
  append: PackageOpinion[];
  merge: string[];
  supersede: number[];
  conflict: { localUid: string; incoming: PackageOpinion; known: string[] } | null;
}

interface PlannedScore {
  externalId: string;
  score: PackageScore;
  gridId: number;
}

export interface PackagePlan {
  fileName: string;
  checksum: string;
  formatVersion: number;
  content: PackageContent;
  lines: PackageLine[];
  opinions: PlannedOpinion[];
  scores: PlannedScore[];
  /** The department's new ranking (external ids), or null to leave it as it is. */
  ranking: string[] | null;
  rankingState: 'replaced' | 'unchanged' | 'none';
  dossiers: PlannedRow[];
  decisions: { externalId: string; decision: PackageDecision }[];
  notes: string[];
  counts: PackageCounts;
}

interface LocalDossier {
  id: number;
  external_id: string;
  name: string | null;
  department_code: string;
  posts_requested: number;
}

const IDENTITY_MAPPING: Record<string, DossierFieldKey> = Object.fromEntries(FIELD_KEYS.map((k) => [k, k]));
const ALL_FIELDS = new Set(FIELD_KEYS);

const summaryOf = (v: PackageOpinion | LocalOpinion | undefined): OpinionSummary | null =>
  v ? { opinion: v.opinion, postsSupported: v.postsSupported, comment: v.comment, authorName: v.author.name, createdAt: v.createdAt } : null;

function localDossiers(db: SqliteDb, externalIds: readonly string[]): Map<string, LocalDossier> {
  const found = new Map<string, LocalDossier>();
  const rows = allIn<LocalDossier>(db, 'SELECT id, external_id, name, department_code, posts_requested FROM dossiers WHERE external_id IN (?*)', externalIds);
  for (const row of rows) found.set(row.external_id, row);
  return found;
}

function emptyCounts(dossiers: number): PackageCounts {
  return { dossiers, new: 0, updated: 0, unchanged: 0, conflicts: 0, rejected: 0, versions: 0, scores: 0, dossiersNew: 0, dossiersUpdated: 0, decisions: 0 };
}

class Planner {
  readonly lines: PackageLine[] = [];
  readonly opinions: PlannedOpinion[] = [];
  readonly scores: PlannedScore[] = [];
  readonly decisions: { externalId: string; decision: PackageDecision }[] = [];
  readonly notes: string[] = [];
  readonly dossierRows: PlannedRow[] = [];
  readonly counts: PackageCounts;
  private readonly local: Map<string, LocalDossier>;
  /** Dossiers the package itself creates (dossier packages): valid targets of a reference. */
  private readonly incomingIds = new Set<string>();
  private readonly pseudoIds = new Map<string, number>();

  constructor(
    private readonly db: SqliteDb,
    private readonly content: PackageContent,
    private readonly scope: Scope,
  ) {
    this.counts = emptyCounts(content.dossiers.length);
    const referenced = content.dossiers.flatMap((d) => [d.externalId, ...d.opinions.flatMap((o) => [o.duplicateOf, o.transferFrom])]).filter((x): x is string => x !== null);
    this.local = localDossiers(db, [...new Set(referenced)]);
  }

  /** Positive stand-ins for dossiers the rules compare by id (a duplicate of itself, …). */
  private pseudoId(externalId: string): number {
    const local = this.local.get(externalId);
    if (local) return local.id;
    let id = this.pseudoIds.get(externalId);
    if (id === undefined) {
      id = 1_000_000_000 + this.pseudoIds.size;
      this.pseudoIds.set(externalId, id);
    }
    return id;
  }

  private resolvable(externalId: string | null): boolean {
    return externalId === null || this.local.has(externalId) || this.incomingIds.has(externalId);
  }

  private line(entry: PackageDossier, dossierId: number | null): PackageLine {
    const line: PackageLine = { externalId: entry.externalId, name: entry.name, dossierId, dossier: null, opinion: null, versions: 0, incoming: summaryOf(entry.opinions.at(-1)), local: null, reason: null };
    this.lines.push(line);
    return line;
  }

  /** A line is rejected once: either its dossier (nothing of it is imported) or its opinion. */
  private reject(line: PackageLine, reason: string, what: 'dossier' | 'opinion' = 'opinion'): void {
    line.reason = reason;
    if (what === 'dossier') line.dossier = 'rejected';
    else line.opinion = 'rejected';
    this.counts.rejected++;
  }

  /** Dossier packages: each dossier's fields, validated as an import row and planned like one. */
  planDossierFields(): Map<string, PackageLine> {
    const lines = new Map<string, PackageLine>();
    const rows: ValidRow[] = [];
    this.content.dossiers.forEach((entry, index) => {
      const line = this.line(entry, this.local.get(entry.externalId)?.id ?? null);
      lines.set(entry.externalId, line);
      const checked = validateRecord({ row: index + 1, line: null, cells: entry.fields as unknown as Record<string, unknown> }, IDENTITY_MAPPING);
      const stored = this.local.get(entry.externalId)?.department_code;
      let reason: string | null = null;
      if (!checked.ok) reason = checked.rejection.reason;
      else if (checked.fields.departmentCode !== this.content.departmentCode) reason = `Ce dossier relève du département ${checked.fields.departmentCode ?? '?'}, pas de celui du paquet (${this.content.departmentCode}).`;
      else if (stored && !this.scope.allows(stored)) reason = `Ce dossier relève ici du département ${stored}, hors de votre périmètre (${this.scope.describe()}).`;
      if (reason || !checked.ok) {
        this.reject(line, reason ?? '', 'dossier');
        return;
      }
      this.incomingIds.add(entry.externalId);
      rows.push({ row: index + 1, fields: checked.fields, warnings: checked.warnings });
    });
    for (const planned of planRows(this.db, rows, ALL_FIELDS)) {
      const line = lines.get(planned.fields.externalId)!;
      line.dossier = planned.action === 'created' ? 'new' : planned.action;
      if (planned.action === 'created') this.counts.dossiersNew++;
      if (planned.action === 'updated') this.counts.dossiersUpdated++;
      this.dossierRows.push(planned);
    }
    return lines;
  }

  planOpinions(fieldLines: Map<string, PackageLine> | null): void {
    const department = this.content.departmentCode;
    const journal = new JournalIndex(this.db);
    const histories = localOpinions(this.db, department, journal);
    const merged = mergedUids(this.db, department);
    const open = new Map<number, OpenConflict[]>();
    for (const c of this.db.all<{ id: number; dossier_id: number; incoming_uid: string }>("SELECT id, dossier_id, incoming_uid FROM exchange_conflicts WHERE status = 'OPEN'")) {
      open.set(c.dossier_id, [...(open.get(c.dossier_id) ?? []), { id: c.id, incomingUid: c.incoming_uid }]);
    }
    const grids = portableGrids(this.db);
    const gridIds = new Map([...grids].map(([id, g]) => [g.hash, id]));
    const scores = localScores(this.db, department, grids, journal);
    const decisions = fieldLines ? localDecisions(this.db, department) : null;
    let unknownGrid = 0;

    for (const entry of this.content.dossiers) {
      const local = this.local.get(entry.externalId);
      const existing = fieldLines?.get(entry.externalId);
      if (existing?.dossier === 'rejected') continue;
      if (!existing && entry.opinions.length === 0 && entry.scores.length === 0) continue;
      const line = existing ?? this.line(entry, local?.id ?? null);
      if (!fieldLines) {
        if (entry.departmentCode !== department) {
          this.reject(line, `Ce dossier relève du département ${entry.departmentCode}, pas de celui du paquet (${department}).`);
          continue;
        }
        if (!local) {
          this.reject(line, 'Dossier inconnu de cette base : importez d’abord l’export de la plateforme qui le contient.');
          continue;
        }
        if (local.department_code !== department) {
          this.reject(line, `Ce dossier relève ici du département ${local.department_code}, pas du ${department}.`);
          continue;
        }
      }
      const history = local ? (histories.get(local.id) ?? []) : [];
      line.local = summaryOf(history.at(-1));
      this.planOpinion(entry, line, local, history, local ? (merged.get(local.id) ?? []) : [], local ? (open.get(local.id) ?? []) : []);
      if (decisions) {
        const known = new Set((local ? (decisions.get(local.id) ?? []) : []).map((d) => d.uid));
        for (const decision of entry.decisions ?? []) {
          if (known.has(decision.uid)) continue;
          this.decisions.push({ externalId: entry.externalId, decision });
          this.counts.decisions++;
        }
      }
      if (!local) continue;
      const knownScores = new Set((scores.get(local.id) ?? []).map((s) => s.uid));
      for (const score of entry.scores) {
        if (knownScores.has(score.uid)) continue;
        const gridId = gridIds.get(score.grid);
        if (gridId === undefined) {
          unknownGrid++;
          continue;
        }
        this.scores.push({ externalId: entry.externalId, score, gridId });
        this.counts.scores++;
      }
    }
    if (unknownGrid > 0) {
      this.notes.push(`${unknownGrid} fiche(s) de notation faite(s) sur une grille que cette base ne connaît pas : non importée(s). Enregistrez la même grille dans Paramètres puis importez de nouveau le paquet.`);
    }
  }

  private planOpinion(entry: PackageDossier, line: PackageLine, local: LocalDossier | undefined, history: LocalOpinion[], merged: string[], open: OpenConflict[]): void {
    const outcome = mergeOpinions({ uids: history.map((v) => v.uid), merged }, entry.opinions, entry.mergedOpinions, open);
    if (outcome.action === null) return;
    if (outcome.action === 'unchanged') {
      line.opinion = 'unchanged';
      line.reason = outcome.reason;
      this.counts.unchanged++;
      return;
    }
    const versions = outcome.action === 'conflict' ? [outcome.incoming] : outcome.append;
    const unresolved = versions.flatMap((v) => [v.duplicateOf, v.transferFrom]).filter((id) => !this.resolvable(id));
    if (unresolved.length > 0) {
      this.reject(line, `L’avis renvoie au dossier « ${unresolved[0]} », inconnu de cette base : avis non importé.`);
      return;
    }
    const current = entry.opinions.at(-1)!;
    const postsRequested = local?.posts_requested ?? entry.fields?.postsRequested ?? 0;
    const errors = validateOpinion(
      {
        dossierId: this.pseudoId(entry.externalId),
        opinion: current.opinion,
        postsSupported: current.postsSupported,
        comment: current.comment,
        duplicateOfId: current.duplicateOf === null ? null : this.pseudoId(current.duplicateOf),
        transferFromId: current.transferFrom === null ? null : this.pseudoId(current.transferFrom),
        transferPosts: current.transferPosts,
      },
      postsRequested,
    );
    if (errors.length > 0) {
      this.reject(line, `Avis non importé : ${errors.join(' ')}`);
      return;
    }
    line.opinion = outcome.action;
    if (outcome.action === 'conflict') {
      this.counts.conflicts++;
      line.reason = 'L’avis a changé des deux côtés depuis le dernier échange : les deux versions sont gardées, à départager.';
      this.opinions.push({ externalId: entry.externalId, append: [], merge: [], supersede: outcome.supersede, conflict: { localUid: outcome.localUid, incoming: outcome.incoming, known: outcome.known } });
      return;
    }
    this.counts[outcome.action]++;
    line.versions = outcome.append.length;
    this.counts.versions += outcome.append.length;
    this.opinions.push({ externalId: entry.externalId, append: outcome.append, merge: outcome.merge, supersede: outcome.supersede, conflict: null });
  }

  planRanking(): { ranking: string[] | null; state: PackagePlan['rankingState'] } {
    const incoming = this.content.ranking;
    if (!incoming) return { ranking: null, state: 'none' };
    const department = this.content.departmentCode;
    const inDepartment = new Set(this.db.all<{ external_id: string }>('SELECT external_id FROM dossiers WHERE department_code = ?', [department]).map((r) => r.external_id));
    const order = [...new Set(incoming.order)].filter((id) => inDepartment.has(id));
    if (order.length < incoming.order.length) this.notes.push(`${incoming.order.length - order.length} dossier(s) du classement inconnu(s) de cette base dans le département ${department} : laissé(s) de côté.`);
    const current = this.db.all<{ external_id: string }>('SELECT d.external_id FROM rankings r JOIN dossiers d ON d.id = r.dossier_id WHERE r.department_code = ? ORDER BY r.position', [department]).map((r) => r.external_id);
    if (current.length === order.length && current.every((id, i) => id === order[i])) return { ranking: null, state: 'unchanged' };
    return { ranking: order, state: 'replaced' };
  }
}

export function planPackage(db: SqliteDb, parsed: { content: PackageContent; checksum: string; formatVersion: number }, fileName: string, scope: Scope): PackagePlan {
  const planner = new Planner(db, parsed.content, scope);
  const fieldLines = parsed.content.kind === 'dossiers' ? planner.planDossierFields() : null;
  planner.planOpinions(fieldLines);
  const { ranking, state } = parsed.content.kind === 'reviews' ? planner.planRanking() : { ranking: null, state: 'none' as const };
  return {
    fileName,
    checksum: parsed.checksum,
    formatVersion: parsed.formatVersion,
    content: parsed.content,
    lines: planner.lines,
    opinions: planner.opinions,
    scores: planner.scores,
    ranking,
    rankingState: state,
    dossiers: planner.dossierRows,
    decisions: planner.decisions,
    notes: planner.notes,
    counts: planner.counts,
  };
}

/** Nothing would be written. */
export function planIsEmpty(plan: PackagePlan): boolean {
  const c = plan.counts;
  return c.versions === 0 && c.conflicts === 0 && c.scores === 0 && c.dossiersNew === 0 && c.dossiersUpdated === 0 && c.decisions === 0 && plan.ranking === null && plan.opinions.every((o) => o.merge.length === 0);
}
