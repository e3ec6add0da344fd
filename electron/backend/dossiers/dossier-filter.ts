/** Translates a DossierFilter into one SQL WHERE clause with its parameters. */
import type { DossierFilter } from '../../../shared/api/contract';
import type { SqlParam } from '../db/sqlite';
import { placeholders } from '../db/all-in';

/** FTS4 query: every word must match as a prefix ("emmau conn" finds "Emmaüs Connect"). */
export function ftsQuery(search: string): string | null {
  const words = search
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  // Lower case: the index ignores case, and "OR", "AND", "NOT", "NEAR" would otherwise be operators.
  return words.map((w) => `${w.toLowerCase()}*`).join(' ');
}

/**
 * SQLite has no statistics here, so it takes every filter for selective. Terms written `+d.column`
 * cannot drive the query through an index: the caller, who knows the sizes, says which.
 */
export interface WhereOptions {
  /**
   * false: no term may drive. SQLite then walks the index of the sort order and stops after one
   * page, instead of collecting every match through the filter's index to sort them all.
   */
  indexable?: boolean;
  /** false: the reviewer's dossiers are many; probing that set beats fetching each of them. */
  reviewerIndexable?: boolean;
}

export function whereClause(filter: DossierFilter, options: WhereOptions = {}): { sql: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  const c = options.indexable === false ? (column: string) => `+${column}` : (column: string) => column;
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    clauses.push(`${c(column)} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  inList('d.department_code', filter.departments);
  inList('d.region_code', filter.regions);
  inList('d.status', filter.statuses);
  // Lists where one value stands for "not provided" (NULL in the table).
  const inListOrNone = (column: string, values: readonly string[] | undefined, none: string) => {
    if (!values || values.length === 0) return;
    const present = values.filter((v) => v !== none);
    const parts: string[] = [];
    if (present.length > 0) {
      parts.push(`${c(column)} IN (${placeholders(present.length)})`);
      params.push(...present);
    }
    if (values.includes(none)) parts.push(`${c(column)} IS NULL`);
    clauses.push(`(${parts.join(' OR ')})`);
  };
  inListOrNone('d.contract_type', filter.contractTypes, 'NONE');
  inListOrNone('d.legal_form', filter.legalForms, '');
  if (filter.warning === 'any') clauses.push(`${c('d.warning_count')} > 0`);
  else if (filter.warning === 'none') clauses.push(`${c('d.warning_count')} = 0`);
  else if (filter.warning) {
    clauses.push(`${c('d.id')} IN (SELECT dossier_id FROM dossier_warnings WHERE code = ?)`);
    params.push(filter.warning);
  }
  inListOrNone('d.review_opinion', filter.opinions, 'NONE');
  if (filter.reviewed === 'yes') clauses.push(`${c('d.review_opinion')} IS NOT NULL`);
  else if (filter.reviewed === 'no') clauses.push(`${c('d.review_opinion')} IS NULL`);
  if (filter.minScore !== undefined) {
    clauses.push(`${c('d.review_score')} >= ?`);
    params.push(filter.minScore);
  }
  if (filter.reviewerId !== undefined) {
    const id = options.reviewerIndexable === false ? '+d.id' : c('d.id');
    // UNION ALL: IN tests membership, so duplicates are harmless and no sort removes them.
    clauses.push(`${id} IN (SELECT dossier_id FROM scores WHERE reviewer_id = ? AND current = 1 UNION ALL SELECT dossier_id FROM opinions WHERE author_id = ?)`);
    params.push(filter.reviewerId, filter.reviewerId);
  }
  const match = filter.search ? ftsQuery(filter.search) : null;
  if (match) {
    clauses.push(`${c('d.id')} IN (SELECT docid FROM dossiers_fts WHERE dossiers_fts MATCH ?)`);
    params.push(match);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
