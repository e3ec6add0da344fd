import { createHash } from 'node:crypto';
import type { SqliteDb } from './sqlite';
import { MIGRATIONS, type Migration } from './migrations/index';
import { DbError } from './db-error';

function hashOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Checks that the database is ours and not from a newer app, without modifying it.
 * Throws a DbError that names the file.
 */
export function checkSchema(db: SqliteDb, label: string): void {
  const hasTable = db.value<number>(
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
  );
  if (!hasTable) {
    const tables = db.value<number>("SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0;
    if (tables > 0) {
      throw new DbError('DB_FOREIGN', `Le fichier « ${label} » est une base SQLite qui n’a pas été créée par CNFS Revue : il n’a pas été ouvert ni modifié.`);
    }
    return;
  }
  const applied = db.all<{ id: number; hash: string }>('SELECT id, hash FROM schema_migrations ORDER BY id');
  for (const row of applied) {
    const known = MIGRATIONS.find((m) => m.id === row.id);
    if (!known) {
      throw new DbError('DB_TOO_NEW', `La base « ${label} » a été créée par une version plus récente de CNFS Revue (schéma ${row.id}, cette version connaît ${SCHEMA_VERSION}). Mettez l’application à jour ; le fichier n’a pas été modifié.`);
    }
    if (hashOf(known) !== row.hash) {
      throw new DbError('DB_TOO_NEW', `La base « ${label} » a un schéma n° ${row.id} différent de celui de cette version de CNFS Revue ; le fichier n’a pas été modifié.`);
    }
  }
}

/** Applies pending migrations, each in its own transaction. Returns the ids applied. */
export function migrate(db: SqliteDb, now: string): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(db.all<{ id: number }>('SELECT id FROM schema_migrations').map((r) => r.id));
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.run('INSERT INTO schema_migrations (id, name, hash, applied_at) VALUES (?, ?, ?, ?)', [
        migration.id,
        migration.name,
        hashOf(migration),
        now,
      ]);
    });
    applied.push(migration.id);
  }
  return applied;
}
