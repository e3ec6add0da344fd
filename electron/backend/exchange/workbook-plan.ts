/**
 * What each valid row of a department workbook does to its dossier's opinion, judged against the
 * version the row was made from (its base, carried in hidden columns) and the current version:
 * - the row says what the current opinion says, or still says what its base said (untouched since
 *   the export), or this very row was already applied or merged by a conflict resolution: nothing;
 * - its base is still the current version (or there was no opinion then and there is none now):
 *   applied, as a new version;
 * - otherwise the opinion changed here since the export and the row was changed too: a conflict,
 *   both sides kept for a person (exchange_conflicts), never an overwrite.
 * A row without a base (a 2021 workbook, or a dossier without opinion at the export) is read as
 * made from « no opinion »: it applies only to a dossier that still has none.
 */
import type { OpinionSummary, WorkbookChange } from '../../../shared/domain/exchange';
import { getDepartment } from '../../../shared/domain/geography';
import type { DbReader } from '../review/db-reader';
import { currentOpinion } from '../review/opinions';
import { localOpinions, type LocalOpinion } from './local-versions';
import type { WorkbookRow } from './workbook-import';

export interface PlannedRow {
  row: WorkbookRow;
  change: WorkbookChange;
  /** Conflicts: this database's current version. */
  local: LocalOpinion | null;
}

/**
 * The author of the versions a workbook brings: the department's prefecture, whose word the
 * workbook carries (the agent who filled it in is unknown; who imported it is kept beside).
 */
export function workbookAuthorName(departmentCode: string): string {
  const name = getDepartment(departmentCode)?.name;
  return `Préfecture ${departmentCode}${name ? ` – ${name}` : ''} (classeur)`;
}

interface Content {
  opinion: string;
  postsSupported: number;
  comment: string;
  duplicateOf: string | null;
}

/** What a workbook row can say: the transfer of posts has no column, so it is not compared. */
const sameContent = (row: WorkbookRow, version: Content) =>
  row.opinion === version.opinion && row.postsSupported === version.postsSupported && row.comment === version.comment && row.duplicateOf === version.duplicateOf;

export class WorkbookPlanner {
  private readonly versions = new Map<string, Map<number, LocalOpinion[]>>();

  constructor(private readonly db: DbReader) {}

  private history(row: WorkbookRow): LocalOpinion[] {
    let byDossier = this.versions.get(row.departmentCode);
    if (!byDossier) {
      byDossier = localOpinions(this.db, row.departmentCode);
      this.versions.set(row.departmentCode, byDossier);
    }
    return byDossier.get(row.dossierId) ?? [];
  }

  /** Applied from this row before, merged by a resolution, or waiting in an open conflict. */
  private seen(row: WorkbookRow): boolean {
    const db = this.db;
    return (
      db.value<number>('SELECT 1 FROM opinions WHERE dossier_id = ? AND workbook_row = ?', [row.dossierId, row.uid]) !== undefined ||
      db.value<number>('SELECT 1 FROM exchange_merged WHERE dossier_id = ? AND uid = ?', [row.dossierId, row.uid]) !== undefined ||
      db.value<number>("SELECT 1 FROM exchange_conflicts WHERE dossier_id = ? AND incoming_uid = ? AND status = 'OPEN'", [row.dossierId, row.uid]) !== undefined
    );
  }

  /** The rows that change something (a new version or a conflict); the others are unchanged. */
  plan(rows: readonly WorkbookRow[]): PlannedRow[] {
    return rows.flatMap((row) => {
      const history = this.history(row);
      const current = history.at(-1) ?? null;
      if (current && sameContent(row, current)) return [];
      const base = row.baseUid === null ? null : history.find((v) => v.uid === row.baseUid);
      if (base && sameContent(row, base)) return [];
      if (this.seen(row)) return [];
      const stored = current ? currentOpinion(this.db, row.dossierId)! : null;
      const before: OpinionSummary | null = stored ? { opinion: stored.opinion, postsSupported: stored.postsSupported, comment: stored.comment, authorName: stored.authorName, createdAt: stored.createdAt } : null;
      const baseIsCurrent = row.baseUid === null ? current === null : current?.uid === row.baseUid;
      const change: WorkbookChange = {
        sheet: row.sheet,
        row: row.row,
        externalId: row.externalId,
        name: row.name,
        dossierId: row.dossierId,
        action: baseIsCurrent ? (current ? 'updated' : 'new') : 'conflict',
        before,
        after: { opinion: row.opinion, postsSupported: row.postsSupported, comment: row.comment, duplicateOf: row.duplicateOf },
        baseVersion: row.baseVersion,
        reason: baseIsCurrent ? null : conflictReason(row, base === undefined, stored?.version ?? 0),
      };
      return [{ row, change, local: baseIsCurrent ? null : current }];
    });
  }
}

function conflictReason(row: WorkbookRow, unknownBase: boolean, currentVersion: number): string {
  const from = row.baseUid === null ? 'sans avis' : unknownBase ? 'd’une version inconnue de cette base' : `de la version ${row.baseVersion ?? '?'}`;
  return `La ligne part ${row.baseUid === null ? 'd’un dossier ' : ''}${from}, mais l’avis en vigueur est la version ${currentVersion} : les deux versions sont gardées, à arbitrer dans « Conflits à résoudre ».`;
}
