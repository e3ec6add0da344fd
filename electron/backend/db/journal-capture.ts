/**
 * Records what a write changed, as data: TEMP triggers on every data table copy each written row
 * (before and after) into a TEMP table, as JSON built by SQLite itself. TEMP objects live on the
 * connection only, so the snapshot never holds them; the write reads the rows back as one string.
 */
import type { SqliteDb } from './sqlite';
import { quoteName, readSchemaTables, type DataTable } from './data-tables';

export interface CapturedChanges {
  /** Data tables written, sorted: the `db:changed` event and the journal row's `tables`. */
  tables: string[];
  /** `{"table":[columns…]}` for those tables: the order of the values in `changes`. */
  columnsJson: string;
  /** The JSON objects of the row changes, comma-separated, in the order they happened. */
  changesJson: string;
}

const CHANGES = 'temp.cnfs_changes';
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function triggers(table: DataTable): string {
  const name = quoteName(table.name);
  const row = (r: string) => `json_array(${table.columns.map((c) => `${r}.${quoteName(c)}`).join(', ')})`;
  const key = (r: string) => (table.keyColumns ? `json_array(${table.keyColumns.map((i) => `${r}.${quoteName(table.columns[i]!)}`).join(', ')})` : `${r}.rowid`);
  const capture = (op: string, r: string, before: string, after: string) =>
    `CREATE TEMP TRIGGER ${quoteName(`cnfs_capture_${table.name}_${op}`)} AFTER ${op.toUpperCase()} ON main.${name} BEGIN ` +
    `INSERT INTO ${CHANGES} (tbl, change) VALUES (${literal(table.name)}, json_object('table', ${literal(table.name)}, 'op', '${op}', 'key', ${key(r)}, 'before', ${before}, 'after', ${after})); END;`;
  return [capture('insert', 'NEW', 'NULL', row('NEW')), capture('update', 'OLD', row('OLD'), row('NEW')), capture('delete', 'OLD', row('OLD'), 'NULL')].join('\n');
}

export class JournalCapture {
  private constructor(
    private readonly db: SqliteDb,
    private readonly columnsJson: Map<string, string>,
  ) {}

  /** Call once the schema is final (after the migrations): the triggers name every column. */
  static install(db: SqliteDb): JournalCapture {
    const { data } = readSchemaTables(db);
    // The TEMP table in SQLite's page cache rather than a file of sql.js's in-memory file system
    // (set before the TEMP schema exists). REPLACE deletes the row it replaces: with recursive
    // triggers that deletion is recorded too.
    const ddl = ['PRAGMA temp_store = MEMORY', 'PRAGMA recursive_triggers = ON', `CREATE TEMP TABLE IF NOT EXISTS cnfs_changes (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, change TEXT NOT NULL)`];
    for (const table of data.values()) ddl.push(triggers(table));
    db.exec(ddl.join(';\n'));
    return new JournalCapture(db, new Map([...data.values()].map((t) => [t.name, JSON.stringify(t.columns)])));
  }

  /** Drops whatever a write outside `Store.write` left (it is not this write's). */
  clear(): void {
    this.db.run(`DELETE FROM ${CHANGES}`);
  }

  /** The changes recorded since `clear()`, or null when nothing was written. */
  take(): CapturedChanges | null {
    const tables = this.db.all<{ tbl: string }>(`SELECT DISTINCT tbl FROM ${CHANGES} ORDER BY tbl`).map((r) => r.tbl);
    if (tables.length === 0) return null;
    // Read in rowid order, not `group_concat(… ORDER BY id)`: that one sorts (2× slower at 50,000 dossiers).
    const changesJson = this.db.value<string>(`SELECT group_concat(change, ',') FROM (SELECT change FROM ${CHANGES} ORDER BY id)`) ?? '';
    this.clear();
    const columnsJson = `{${tables.map((t) => `${JSON.stringify(t)}:${this.columnsJson.get(t)!}`).join(',')}}`;
    return { tables, columnsJson, changesJson };
  }
}
