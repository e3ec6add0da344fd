/**
 * Re-verifies the journal chain from what the base itself stores: every entry's hash recomputed
 * from its kept body, the sequence without gaps, each entry linked to the one before, and the
 * row's audit columns equal to what its body says. Read-only; one finding per problem.
 */
import type { SqliteDb } from './sqlite';
import { GENESIS_HASH, entryDigest, unpackBody } from './journal';

export interface JournalFinding {
  kind: string;
  where: string;
  message: string;
}

interface JournalRow {
  seq: number;
  at: string;
  user_name: string;
  action: string;
  summary: string;
  tables: string;
  hash: string;
  prev_hash: string;
  body: string | Uint8Array | null;
}

const where = (seq: number) => `journal, entrée n° ${seq}`;

/** The audit columns a body implies, or null when it is not an entry of this version. */
function columnsOf(body: string): Pick<JournalRow, 'seq' | 'at' | 'user_name' | 'action' | 'summary' | 'tables'> | null {
  try {
    const entry = JSON.parse(body) as { seq: number; at: string; user: string; action: string; summary: unknown; changes: { table: string }[] };
    const tables = [...new Set(entry.changes.map((c) => c.table))].sort();
    return { seq: entry.seq, at: entry.at, user_name: entry.user, action: entry.action, summary: JSON.stringify(entry.summary), tables: JSON.stringify(tables) };
  } catch {
    return null;
  }
}

function checkBody(row: JournalRow, stored: string | Uint8Array): JournalFinding | null {
  let body: string;
  try {
    body = unpackBody(stored);
  } catch {
    return { kind: 'journal-body', where: where(row.seq), message: `Le contenu conservé de l’entrée n° ${row.seq} du journal est illisible : elle ne peut plus être vérifiée.` };
  }
  if (entryDigest(row.prev_hash, body) !== row.hash) {
    return { kind: 'journal-hash', where: where(row.seq), message: `Le contenu de l’entrée n° ${row.seq} du journal a été modifié : son empreinte SHA-256 ne correspond plus.` };
  }
  const implied = columnsOf(body);
  const fields = implied ? (Object.keys(implied) as (keyof typeof implied)[]).filter((k) => implied[k] !== row[k]) : ['contenu'];
  if (fields.length > 0) {
    return { kind: 'journal-row', where: where(row.seq), message: `L’entrée n° ${row.seq} du journal ne dit plus ce que dit son contenu scellé (${fields.join(', ')}) : qui, quand ou quoi a été modifié.` };
  }
  return null;
}

export function verifyJournalChain(db: Pick<SqliteDb, 'all'>): JournalFinding[] {
  const findings: JournalFinding[] = [];
  const rows = db.all<JournalRow>('SELECT seq, at, user_name, action, summary, tables, hash, prev_hash, body FROM journal ORDER BY seq');
  let previous: JournalRow | null = null;
  let bodiesStarted = false;
  for (const row of rows) {
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (row.seq !== expectedSeq) {
      findings.push({ kind: 'journal-seq', where: where(row.seq), message: `Le journal passe de l’entrée n° ${expectedSeq - 1} à l’entrée n° ${row.seq} : ${row.seq > expectedSeq ? 'des entrées ont disparu' : 'la numérotation est incohérente'}.` });
    }
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (row.prev_hash !== expectedPrev) {
      findings.push({ kind: 'journal-link', where: where(row.seq), message: `L’entrée n° ${row.seq} du journal n’est pas chaînée à celle qui la précède (empreinte précédente différente) : la chaîne d’intégrité est rompue.` });
    }
    if (row.body !== null) {
      bodiesStarted = true;
      const finding = checkBody(row, row.body);
      if (finding) findings.push(finding);
    } else if (bodiesStarted) {
      // Entries older than migration 009 have no body; once one has, every later one must.
      findings.push({ kind: 'journal-body', where: where(row.seq), message: `Le contenu de l’entrée n° ${row.seq} du journal a été retiré : elle ne peut plus être vérifiée.` });
    }
    previous = row;
  }
  return findings;
}
