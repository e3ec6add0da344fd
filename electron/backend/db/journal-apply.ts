/**
 * Replays a journal entry's row changes through one validated path: known data tables, their
 * exact columns, scalar values, before-images that match the base, and SQL generated here with
 * parameters. Nothing from the file is ever executed as SQL, so a forged line can at most be
 * refused; the schema's own triggers (sealed minutes…) still fire on every applied row.
 */
import type { SqlParam, SqliteDb } from './sqlite';
import { quoteName, type DataTable, type SchemaTables } from './data-tables';
import type { RowChange, ScalarValue } from './journal';

/** Why an entry is refused, completing « L’entrée n° N du journal … ». */
export class ChangeRefused extends Error {}

/** Above this many rows of its content table, an entry rebuilds a search index instead of row by row. */
const TEXT_INDEX_REBUILD_ROWS = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is ScalarValue => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const sameValues = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const keyText = (key: RowChange['key']) => (Array.isArray(key) ? key.map((k) => JSON.stringify(k)).join(', ') : String(key));

interface TableSql {
  insert: string;
  select: string;
  /** By the columns it sets: an UPDATE setting every column would rewrite every index of the row. */
  update: (columns: readonly number[]) => string;
  delete: string;
}

function tableSql(table: DataTable): TableSql {
  const name = quoteName(table.name);
  const slot = (i: number) => (table.text[i] ? 'CAST(? AS TEXT)' : '?');
  // A table whose rowid is not one of its columns gets it explicitly, so that keys are reproduced.
  const implicitRowid = !table.keyColumns && table.rowidColumn < 0;
  const where = table.keyColumns ? table.keyColumns.map((i) => `${quoteName(table.columns[i]!)} = ?`).join(' AND ') : 'rowid = ?';
  const columns = table.columns.map(quoteName);
  const updates = new Map<string, string>();
  const update = (set: readonly number[]) => {
    const id = set.join(',');
    let sql = updates.get(id);
    if (!sql) {
      sql = `UPDATE ${name} SET ${set.map((i) => `${columns[i]} = ${slot(i)}`).join(', ')} WHERE ${where}`;
      updates.set(id, sql);
    }
    return sql;
  };
  return {
    insert: `INSERT INTO ${name} (${[...(implicitRowid ? ['rowid'] : []), ...columns].join(', ')}) VALUES (${[...(implicitRowid ? ['?'] : []), ...columns.map((_, i) => slot(i))].join(', ')})`,
    select: `SELECT ${columns.join(', ')} FROM ${name} WHERE ${where}`,
    update,
    delete: `DELETE FROM ${name} WHERE ${where}`,
  };
}

function checkedColumns(value: unknown, schema: SchemaTables): Map<string, DataTable> {
  if (!isObject(value)) throw new ChangeRefused('n’a pas la forme d’une entrée de cette version (colonnes absentes)');
  const tables = new Map<string, DataTable>();
  for (const [name, columns] of Object.entries(value)) {
    const table = schema.data.get(name);
    if (!table) throw new ChangeRefused(`écrit dans « ${name} », qui n’est pas une table de données de la base`);
    if (!Array.isArray(columns) || !sameValues(columns, table.columns)) throw new ChangeRefused(`ne donne pas les colonnes de la table « ${name} » telles qu’elles sont dans la base`);
    tables.set(name, table);
  }
  return tables;
}

function checkedRow(row: unknown, table: DataTable, what: string, index: number): ScalarValue[] {
  if (!Array.isArray(row) || row.length !== table.columns.length) throw new ChangeRefused(`a une modification n° ${index + 1} (table « ${table.name} ») dont les valeurs ${what} ne correspondent pas aux colonnes de la table`);
  const bad = row.findIndex((v) => !isScalar(v));
  if (bad >= 0) throw new ChangeRefused(`a une modification n° ${index + 1} (table « ${table.name} », colonne « ${table.columns[bad]} ») dont la valeur n’est pas une valeur SQLite (texte, nombre ou vide)`);
  return row as ScalarValue[];
}

/** The change's shape, its values and its key, which must be the row's own. */
function checkedChange(raw: unknown, tables: Map<string, DataTable>, index: number): { change: RowChange; table: DataTable } {
  if (!isObject(raw)) throw new ChangeRefused(`a une modification n° ${index + 1} illisible`);
  const table = typeof raw.table === 'string' ? tables.get(raw.table) : undefined;
  if (!table) throw new ChangeRefused(`a une modification n° ${index + 1} d’une table sans colonnes déclarées (« ${String(raw.table)} »)`);
  const op = raw.op;
  if (op !== 'insert' && op !== 'update' && op !== 'delete') throw new ChangeRefused(`a une modification n° ${index + 1} d’un type inconnu (« ${String(op)} »)`);
  const before = op === 'insert' ? (raw.before === null ? null : checkedRow(raw.before, table, 'avant', index)) : checkedRow(raw.before, table, 'avant', index);
  const after = op === 'delete' ? (raw.after === null ? null : checkedRow(raw.after, table, 'après', index)) : checkedRow(raw.after, table, 'après', index);
  if ((op === 'insert' && before !== null) || (op === 'delete' && after !== null)) throw new ChangeRefused(`a une modification n° ${index + 1} (table « ${table.name} ») incohérente`);
  const own = (op === 'insert' ? after : before)!;
  const key = raw.key;
  const keyOk = table.keyColumns
    ? Array.isArray(key) && key.every(isScalar) && sameValues(key, table.keyColumns.map((i) => own[i]))
    : Number.isSafeInteger(key) && (table.rowidColumn < 0 || own[table.rowidColumn] === key);
  if (!keyOk) throw new ChangeRefused(`a une modification n° ${index + 1} (table « ${table.name} ») dont la clé ne correspond pas à la ligne`);
  return { change: { table: table.name, op, key: key as RowChange['key'], before, after }, table };
}

const keyParams = (change: RowChange): SqlParam[] => (Array.isArray(change.key) ? change.key : [change.key]);

export class ChangeApplier {
  private readonly sql = new Map<string, TableSql>();

  constructor(
    private readonly db: SqliteDb,
    private readonly schema: SchemaTables,
  ) {}

  private statements(table: DataTable): TableSql {
    let sql = this.sql.get(table.name);
    if (!sql) {
      sql = tableSql(table);
      this.sql.set(table.name, sql);
    }
    return sql;
  }

  /** Checks every change of an entry, then applies them in order; returns the tables written. Call inside a transaction. */
  apply(columns: unknown, rawChanges: unknown): string[] {
    const tables = checkedColumns(columns, this.schema);
    if (!Array.isArray(rawChanges) || rawChanges.length === 0) throw new ChangeRefused('ne contient aucune modification lisible');
    const checked = rawChanges.map((raw, i) => checkedChange(raw, tables, i));
    const refresh = this.textIndexRefresh(checked.map((c) => c.change));
    checked.forEach(({ change, table }, i) => this.applyOne(change, table, i));
    refresh();
    return [...new Set(checked.map((c) => c.table.name))].sort();
  }

  private applyOne(change: RowChange, table: DataTable, index: number): void {
    const sql = this.statements(table);
    const where = `la modification n° ${index + 1} (table « ${table.name} », clé ${keyText(change.key)})`;
    if (change.op !== 'insert') {
      const current = this.db.row(sql.select, keyParams(change));
      if (!current || !sameValues(current, change.before!)) throw new ChangeRefused(`ne correspond pas à la base : ${where} part d’une ligne qui n’est pas celle de la base`);
    }
    try {
      if (change.op === 'insert') this.db.run(sql.insert, [...(!table.keyColumns && table.rowidColumn < 0 ? [change.key as number] : []), ...change.after!]);
      else if (change.op === 'update') {
        const changed = change.after!.map((_, i) => i).filter((i) => change.after![i] !== change.before![i]);
        // An update that changed nothing still ran, and its triggers (sealed minutes…) still apply.
        const set = changed.length > 0 ? changed : [0];
        this.db.run(sql.update(set), [...set.map((i) => change.after![i]!), ...keyParams(change)]);
      }
      else this.db.run(sql.delete, keyParams(change));
    } catch (error) {
      const message = (error as Error).message;
      if (change.op === 'insert' && /UNIQUE constraint failed|PRIMARY KEY/i.test(message)) throw new ChangeRefused(`ne correspond pas à la base : ${where} ajoute une ligne qui existe déjà`);
      throw new ChangeRefused(`est refusée par la base : ${where} (${message})`);
    }
  }

  /**
   * External-content search indexes are not journaled: they are refreshed for the rows an entry
   * touched (removed while the old row is still there, added back after), or rebuilt after a bulk one.
   */
  private textIndexRefresh(changes: readonly RowChange[]): () => void {
    const steps = this.schema.textIndexes.map((index) => {
      const content = this.schema.data.get(index.content)!;
      const indexed = index.columns.map((c) => content.columns.indexOf(c));
      // An update that leaves every indexed column as it was (a decision, an opinion's summary) leaves the index too.
      const touches = (c: RowChange) => c.table === index.content && (c.op !== 'update' || indexed.some((i) => i < 0 || c.before![i] !== c.after![i]));
      const ids = [...new Set(changes.filter(touches).map((c) => c.key as number))];
      if (ids.length === 0) return () => {};
      const name = quoteName(index.name);
      if (ids.length > TEXT_INDEX_REBUILD_ROWS) return () => this.db.run(`INSERT INTO ${name} (${name}) VALUES ('rebuild')`);
      const columns = index.columns.map(quoteName).join(', ');
      const exists = `SELECT 1 FROM ${quoteName(index.content)} WHERE rowid = ?`;
      const present = (id: number) => this.db.value(exists, [id]) !== undefined;
      for (const id of ids.filter(present)) this.db.run(`DELETE FROM ${name} WHERE docid = ?`, [id]);
      return () => {
        for (const id of ids.filter(present)) this.db.run(`INSERT INTO ${name} (docid, ${columns}) SELECT rowid, ${columns} FROM ${quoteName(index.content)} WHERE rowid = ?`, [id]);
      };
    });
    return () => steps.forEach((step) => step());
  }
}
