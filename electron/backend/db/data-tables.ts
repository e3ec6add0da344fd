/**
 * What the journal may record and replay: the schema's data tables, read from the database itself
 * (never the bookkeeping tables, SQLite's own, virtual tables or their shadow tables), and the
 * external-content full-text indexes that replay keeps in step with their content table.
 */
import type { SqliteDb } from './sqlite';

export interface DataTable {
  name: string;
  columns: string[];
  /** Per column: declared TEXT, so bound as `CAST(? AS TEXT)` (see SqliteDb). */
  text: boolean[];
  /** WITHOUT ROWID tables: positions of the primary-key columns, which are the row's key. */
  keyColumns: number[] | null;
  /** Position of the INTEGER PRIMARY KEY column (the rowid itself), or -1. */
  rowidColumn: number;
}

export interface TextIndex {
  name: string;
  content: string;
  columns: string[];
}

export interface SchemaTables {
  data: Map<string, DataTable>;
  textIndexes: TextIndex[];
}

/** Written by the store and the migrations themselves, never as journaled data. */
const BOOKKEEPING = new Set(['journal', 'schema_migrations']);

export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

function dataTable(db: SqliteDb, name: string, withoutRowid: boolean): DataTable {
  const info = db.all<{ name: string; type: string; pk: number }>('SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid', [name]);
  const pk = info.map((c, i) => ({ i, pk: c.pk })).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.i);
  const rowidColumn = !withoutRowid && pk.length === 1 && info[pk[0]!]!.type.toUpperCase() === 'INTEGER' ? pk[0]! : -1;
  return {
    name,
    columns: info.map((c) => c.name),
    text: info.map((c) => c.type.toUpperCase() === 'TEXT'),
    keyColumns: withoutRowid ? pk : null,
    rowidColumn,
  };
}

export function readSchemaTables(db: SqliteDb): SchemaTables {
  const listed = db.all<{ name: string; type: string; wr: number }>("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main' ORDER BY name");
  const data = new Map<string, DataTable>();
  for (const t of listed) {
    if (t.type !== 'table' || t.name.startsWith('sqlite_') || BOOKKEEPING.has(t.name)) continue;
    data.set(t.name, dataTable(db, t.name, t.wr === 1));
  }
  const textIndexes: TextIndex[] = [];
  for (const t of listed.filter((l) => l.type === 'virtual')) {
    const sql = db.value<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [t.name]) ?? '';
    const content = /\bUSING\s+fts[34]\b[\s\S]*\bcontent\s*=\s*["']?(\w+)["']?/i.exec(sql)?.[1];
    if (!content || !data.has(content)) continue;
    const columns = db.all<{ name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid', [t.name]).map((c) => c.name);
    textIndexes.push({ name: t.name, content, columns });
  }
  return { data, textIndexes };
}
