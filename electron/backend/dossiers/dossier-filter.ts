/** Translates a DossierFilter into one SQL WHERE clause with its parameters. */
import type { DossierFilter } from '../../../shared/api/contract';
import type { SqlParam } from '../db/sqlite';

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

const placeholders = (n: number) => Array(n).fill('?').join(', ');

export function whereClause(filter: DossierFilter): { sql: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    clauses.push(`${column} IN (${placeholders(values.length)})`);
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
      parts.push(`${column} IN (${placeholders(present.length)})`);
      params.push(...present);
    }
    if (values.includes(none)) parts.push(`${column} IS NULL`);
    clauses.push(`(${parts.join(' OR ')})`);
  };
  inListOrNone('d.contract_type', filter.contractTypes, 'NONE');
  inListOrNone('d.legal_form', filter.legalForms, '');
  if (filter.warning === 'any') clauses.push('d.warning_count > 0');
  else if (filter.warning === 'none') clauses.push('d.warning_count = 0');
  else if (filter.warning) {
    clauses.push('d.id IN (SELECT dossier_id FROM dossier_warnings WHERE code = ?)');
    params.push(filter.warning);
  }
  const match = filter.search ? ftsQuery(filter.search) : null;
  if (match) {
    clauses.push('d.id IN (SELECT docid FROM dossiers_fts WHERE dossiers_fts MATCH ?)');
    params.push(match);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
