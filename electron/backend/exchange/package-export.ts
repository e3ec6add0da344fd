/**
 * Making a package: a prefecture's review package (opinions, scores, ranking of one department)
 * or the national level's dossier package (the department's dossiers, decisions and opinions).
 */
import type { PackageContent, PackageDossier, PackageGrid, PackageKind } from '../../../shared/domain/exchange';
import type { UserProfile } from '../../../shared/domain/review';
import { SCHEMA_VERSION } from '../db/migrate';
import { FIELD_COLUMNS, rowToFields } from '../dossiers/dossier-columns';
import { APP_VERSION } from '../paths';
import type { DbReader } from '../review/db-reader';
import { buildPackageFile } from './package-format';
import { JournalIndex, localDecisions, localOpinions, localScores, mergedUids, portableGrids } from './local-versions';

const APP_NAME = 'CNFS Revue';

interface DossierRow {
  id: number;
  external_id: string;
  name: string | null;
  department_code: string;
}

function packageFileName(kind: PackageKind, departmentCode: string, now: string): string {
  return `${kind === 'reviews' ? 'avis' : 'dossiers'}-${departmentCode}-${now.slice(0, 10)}.cnfs.json`;
}

/** The package's content; `now` and the sender make it reproducible in tests. */
function packageContent(db: DbReader, kind: PackageKind, departmentCode: string, sender: UserProfile, now: string): PackageContent {
  const journal = new JournalIndex(db);
  const grids = portableGrids(db);
  const opinions = localOpinions(db, departmentCode, journal);
  const merged = mergedUids(db, departmentCode);
  const scores = kind === 'reviews' ? localScores(db, departmentCode, grids, journal) : new Map();
  const decisions = kind === 'dossiers' ? localDecisions(db, departmentCode) : new Map();
  const rows = db.all<DossierRow>('SELECT id, external_id, name, department_code FROM dossiers WHERE department_code = ? ORDER BY external_id', [departmentCode]);
  const usedGrids = new Map<string, PackageGrid>();
  const gridByHash = new Map([...grids.values()].map((g) => [g.hash, g]));
  const dossiers: PackageDossier[] = [];
  for (const row of rows) {
    const entry: PackageDossier = {
      externalId: row.external_id,
      name: row.name,
      departmentCode: row.department_code,
      opinions: (opinions.get(row.id) ?? []).map(({ id: _id, ...version }) => version),
      mergedOpinions: merged.get(row.id) ?? [],
      scores: scores.get(row.id) ?? [],
    };
    // A review package carries only what the prefecture did; a dossier package every dossier.
    if (kind === 'reviews' && entry.opinions.length === 0 && entry.scores.length === 0) continue;
    if (kind === 'dossiers') {
      entry.fields = rowToFields(db.get<Record<string, unknown>>(`SELECT ${FIELD_COLUMNS.join(', ')} FROM dossiers WHERE id = ?`, [row.id]) ?? {});
      entry.decisions = decisions.get(row.id) ?? [];
    }
    for (const score of entry.scores) usedGrids.set(score.grid, gridByHash.get(score.grid)!);
    dossiers.push(entry);
  }
  const head = db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
  const ranked = kind === 'reviews'
    ? db.all<{ external_id: string }>('SELECT d.external_id FROM rankings r JOIN dossiers d ON d.id = r.dossier_id WHERE r.department_code = ? ORDER BY r.position', [departmentCode]).map((r) => r.external_id)
    : [];
  return {
    kind,
    departmentCode,
    createdAt: now,
    sender: { name: sender.name, role: sender.role, departments: sender.departments },
    app: { name: APP_NAME, version: APP_VERSION, schemaVersion: SCHEMA_VERSION },
    journalHead: head ? { seq: head.seq, hash: head.hash } : null,
    grids: [...usedGrids.values()].sort((a, b) => a.version - b.version),
    dossiers,
    ranking: ranked.length > 0 ? { order: ranked, journal: journal.lastForDepartment('ranking:save', departmentCode) } : null,
  };
}

export function exportPackage(db: DbReader, kind: PackageKind, departmentCode: string, sender: UserProfile, now = new Date().toISOString()): { fileName: string; data: Uint8Array } {
  return { fileName: packageFileName(kind, departmentCode, now), data: buildPackageFile(packageContent(db, kind, departmentCode, sender, now)) };
}
