import { ImportFileError, quoted } from './import-file-error';
import type { RawGrid } from './read-file';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** V8 only gives an offset ("… in JSON at position 42"); users need the line and column. */
function syntaxErrorMessage(fileName: string, text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(detail)?.[1];
  const position = match === undefined ? null : Number(match);
  if (/unexpected end/i.test(detail) || (position !== null && position >= text.trimEnd().length)) {
    return `Le fichier ${quoted(fileName)} n’est pas un JSON valide : il s’arrête avant la fin (fichier tronqué ?).`;
  }
  if (position === null) return `Le fichier ${quoted(fileName)} n’est pas un JSON valide.`;
  const before = text.slice(0, position).split(/\r\n|\n|\r/);
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  return `Le fichier ${quoted(fileName)} n’est pas un JSON valide : erreur de syntaxe ligne ${line}, colonne ${column}.`;
}

function records(fileName: string, text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(syntaxErrorMessage(fileName, text, error), {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.dossiers) ? value.dossiers : null;
  if (list === null || (list.length > 0 && !list.some(isObject))) {
    throw new ImportFileError(
      `Le fichier ${quoted(fileName)} doit contenir une liste d’objets JSON ([{ … }, { … }]) ou un objet { "dossiers": [ … ] }.`,
    );
  }
  if (list.length === 0) throw new ImportFileError(`Le fichier ${quoted(fileName)} ne contient aucun dossier (liste vide).`);
  return list;
}

function nestedKey(item: JsonObject): string | undefined {
  return Object.keys(item).find((key) => typeof item[key] === 'object' && item[key] !== null);
}

/**
 * Reads a JSON array of flat objects (or { "dossiers": [...] }). Headers are the union of keys in
 * order of first appearance; `row` is the 1-based position in the array.
 */
export function readJson(fileName: string, text: string): RawGrid {
  const list = records(fileName, text);
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (!isObject(item)) continue;
    for (const key of Object.keys(item)) {
      if (!seen.has(key)) headers.push(key);
      seen.add(key);
    }
  }

  const grid: RawGrid = { headers, rows: [], malformed: [] };
  list.forEach((item, index) => {
    const row = index + 1;
    if (!isObject(item)) {
      grid.malformed.push({ row, line: null, reason: 'Cet élément de la liste n’est pas un objet JSON.' });
      return;
    }
    const nested = nestedKey(item);
    if (nested !== undefined) {
      grid.malformed.push({
        row,
        line: null,
        reason: `La valeur de ${quoted(nested)} est un objet ou une liste : seules les valeurs simples (texte, nombre, booléen, null) sont acceptées.`,
      });
      return;
    }
    grid.rows.push({ row, line: null, values: headers.map((header) => (Object.hasOwn(item, header) ? item[header] : null)) });
  });
  return grid;
}
