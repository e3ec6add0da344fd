import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * The .sql files sit next to this module in the source tree, and in `migrations/` next to the
 * bundle in a build (the build copies them there).
 */
function migrationsDir(): string {
  const candidates = [new URL('.', import.meta.url), new URL('./migrations/', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.sql')));
  if (!found) throw new Error(`Migrations not found in ${candidates.join(' or ')}`);
  return found;
}

function loadMigrations(): Migration[] {
  const dir = migrationsDir();
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((file, i) => {
      const id = Number(file.slice(0, 3));
      if (id !== i + 1) throw new Error(`Migration numbering gap at ${file}`);
      return { id, name: file.slice(4, -4), sql: fs.readFileSync(`${dir}/${file}`, 'utf8') };
    });
}

/** Numbered migrations, applied in order; never edit one that has shipped, add the next. */
export const MIGRATIONS: readonly Migration[] = loadMigrations();
