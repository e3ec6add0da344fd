/**
 * The exchange's import cycle: read and check a file, preview what its import would do (kept
 * under a token), then import it in one transaction. A commit under another profile, or after
 * the database changed, plans again so that nothing is written that the preview did not show.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/contract';
import type { ExchangeFile } from '../../../shared/api/exchange-contract';
import type { PackageImportResult, PackageOpinion, PackagePreview, WorkbookChange, WorkbookCounts, WorkbookImportResult, WorkbookPreview } from '../../../shared/domain/exchange';
import { compareDepartmentCodes, getDepartment } from '../../../shared/domain/geography';
import type { UserProfile } from '../../../shared/domain/review';
import type { Store } from '../db/store';
import { NATIONAL } from '../access/policy-kit';
import { appendOpinion } from '../review/opinions';
import type { Scope } from '../access/scope';
import { applyPackage } from './package-apply';
import { parsePackage } from './package-format';
import { planIsEmpty, planPackage, type PackagePlan } from './package-plan';
import { AuthorResolver } from './authors';
import { readWorkbook, type ReadWorkbook } from './workbook-import';
import { WorkbookPlanner, workbookAuthorName } from './workbook-plan';

const MAX_PREVIEWS = 8;

interface Prepared<T> {
  value: T;
  scopeKey: string;
}

class PreviewCache<T> {
  private readonly entries = new Map<string, Prepared<T>>();

  put(value: T, scope: Scope): string {
    const token = randomUUID();
    this.entries.set(token, { value, scopeKey: scopeKey(scope) });
    while (this.entries.size > MAX_PREVIEWS) this.entries.delete(this.entries.keys().next().value as string);
    return token;
  }

  take(token: string, scope: Scope): T {
    const prepared = this.entries.get(token);
    this.entries.delete(token);
    if (!prepared) throw new ApiError('IMPORT_EXPIRED', 'Cet aperçu n’est plus disponible : relancez l’aperçu du fichier.');
    if (prepared.scopeKey !== scopeKey(scope)) throw new ApiError('IMPORT_EXPIRED', 'Le profil a changé depuis l’aperçu : relancez l’aperçu du fichier.');
    return prepared.value;
  }
}

const scopeKey = (scope: Scope) => `${scope.profile?.id ?? 0}:${scope.describe()}`;

/** Who may import which package, and from whom (see README « Échanges »). */
function checkPackageRights(scope: Scope, content: PackagePlan['content'], fileName: string): UserProfile {
  const { kind, departmentCode, sender } = content;
  const department = `${departmentCode} – ${getDepartment(departmentCode)?.name ?? ''}`;
  if (sender.role === 'PREFECTURE' && !sender.departments.includes(departmentCode)) {
    throw new ApiError('OUT_OF_SCOPE', `Le paquet « ${fileName} » concerne le département ${department}, dont son expéditeur (${sender.name}, agent de préfecture du ${sender.departments.join(', ')}) n’a pas la charge : il est refusé. Rien n’a été importé.`);
  }
  if (kind === 'reviews') {
    return scope.requireRole(NATIONAL, 'importer les avis des préfectures (un agent de préfecture reçoit des paquets de dossiers)');
  }
  if (sender.role === 'PREFECTURE') {
    throw new ApiError('FORBIDDEN', `Le paquet de dossiers « ${fileName} » vient d’un agent de préfecture : seuls le comité national et l’ANCT envoient des paquets de dossiers. Rien n’a été importé.`);
  }
  const profile = scope.requireRole(['PREFECTURE'], 'importer un paquet de dossiers du niveau national (le niveau national reçoit des paquets d’avis)');
  scope.checkDepartment(departmentCode);
  return profile;
}

function workbookCounts(read: ReadWorkbook, changes: WorkbookChange[]): WorkbookCounts {
  const count = (action: WorkbookChange['action']) => changes.filter((c) => c.action === action).length;
  return { rows: read.total, new: count('new'), updated: count('updated'), conflicts: count('conflict'), unchanged: read.rows.length - changes.length, empty: read.empty, rejected: read.rejected };
}

export class ExchangeService {
  private readonly packages = new PreviewCache<{ plan: PackagePlan; data: Uint8Array; version: number }>();
  private readonly workbooks = new PreviewCache<{ read: ReadWorkbook; fileName: string; fileHash: string }>();

  constructor(private readonly store: Store) {}

  private alreadyImported(checksum: string): boolean {
    return (this.store.db.value<number>('SELECT count(*) FROM exchange_log WHERE checksum = ?', [checksum]) ?? 0) > 0;
  }

  previewPackage(request: ExchangeFile, scope: Scope): PackagePreview {
    const parsed = parsePackage(request.fileName, request.data);
    checkPackageRights(scope, parsed.content, request.fileName);
    const plan = planPackage(this.store.db, parsed, request.fileName, scope);
    const { content } = plan;
    return {
      token: this.packages.put({ plan, data: request.data, version: this.store.version }, scope),
      fileName: request.fileName,
      kind: content.kind,
      departmentCode: content.departmentCode,
      departmentName: getDepartment(content.departmentCode)?.name ?? '',
      sender: content.sender,
      createdAt: content.createdAt,
      appVersion: content.app.version,
      schemaVersion: content.app.schemaVersion,
      formatVersion: plan.formatVersion,
      checksum: plan.checksum,
      alreadyImported: this.alreadyImported(plan.checksum),
      counts: plan.counts,
      lines: plan.lines,
      ranking: plan.rankingState,
      notes: plan.notes,
      upToDate: planIsEmpty(plan),
    };
  }

  importPackage(token: string, scope: Scope): PackageImportResult {
    const prepared = this.packages.take(token, scope);
    const importer = checkPackageRights(scope, prepared.plan.content, prepared.plan.fileName);
    // The database moved since the preview: plan again so the counts and conflicts are exact.
    const plan = prepared.version === this.store.version ? prepared.plan : planPackage(this.store.db, parsePackage(prepared.plan.fileName, prepared.data), prepared.plan.fileName, scope);
    const { content } = plan;
    const logId = planIsEmpty(plan) ? null : applyPackage(this.store, plan, importer);
    return { logId, fileName: plan.fileName, kind: content.kind, departmentCode: content.departmentCode, counts: plan.counts };
  }

  async previewWorkbook(request: ExchangeFile, scope: Scope): Promise<WorkbookPreview> {
    scope.requireProfile();
    const read = await readWorkbook(this.store.db, scope, request.fileName, request.data);
    const fileHash = createHash('sha256').update(request.data).digest('hex');
    const changes = new WorkbookPlanner(this.store.db).plan(read.rows).map((c) => c.change);
    return {
      token: this.workbooks.put({ read, fileName: request.fileName, fileHash }, scope),
      fileName: request.fileName,
      fileHash,
      sheets: read.sheets,
      alreadyImported: this.alreadyImported(fileHash),
      counts: workbookCounts(read, changes),
      errors: read.errors,
      changes,
    };
  }

  importWorkbook(token: string, scope: Scope): WorkbookImportResult {
    const { read, fileName, fileHash } = this.workbooks.take(token, scope);
    const importer = scope.requireProfile();
    // Compared again with the opinions as they are now: a change since the preview is not overwritten unseen.
    const planned = new WorkbookPlanner(this.store.db).plan(read.rows.filter((row) => scope.allows(row.departmentCode)));
    const counts = workbookCounts(read, planned.map((c) => c.change));
    if (planned.length === 0) return { logId: null, fileName, counts, errors: read.errors };
    const codes = [...new Set(planned.map((c) => c.row.departmentCode))].sort(compareDepartmentCodes);
    const departments = codes.join(', ');
    const senders = codes.map(workbookAuthorName).join(', ');
    const now = new Date().toISOString();
    const summary = { fileName, fileHash, departments, counts, signed: false };
    const logId = this.store.write({ action: 'exchange:importWorkbook', user: importer.name, summary }, (tx) => {
      const seq = tx.journalSeq();
      const id = (tx.value<number>('SELECT max(id) FROM exchange_log') ?? 0) + 1;
      tx.run(
        "INSERT INTO exchange_log (id, kind, file_name, checksum, department_code, sender_name, sender_role, created_at, app_version, schema_version, imported_at, imported_by, counts) VALUES (?, 'workbook', ?, ?, ?, ?, 'PREFECTURE', NULL, NULL, NULL, ?, ?, ?)",
        [id, fileName, fileHash, departments, senders, now, importer.name, JSON.stringify(counts)],
      );
      const authors = new Map(codes.map((code) => [code, new AuthorResolver(tx, code, now)]));
      for (const { row, change, local } of planned) {
        const author = { name: workbookAuthorName(row.departmentCode), role: 'PREFECTURE' as const };
        if (change.action === 'conflict') {
          const incoming: PackageOpinion = { uid: row.uid, opinion: row.opinion, postsSupported: row.postsSupported, comment: row.comment, duplicateOf: row.duplicateOf, transferFrom: null, transferPosts: null, author, createdAt: now, journal: null, relayed: false };
          const workbook = { baseVersion: row.baseVersion, exportId: row.exportId, importedBy: importer.name, sheet: row.sheet, row: row.row };
          tx.run("INSERT INTO exchange_conflicts (dossier_id, log_id, local_opinion_id, local_uid, incoming_uid, incoming, status, detected_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)", [
            row.dossierId,
            id,
            local!.id,
            local!.uid,
            row.uid,
            JSON.stringify({ version: incoming, known: row.baseUid ? [row.baseUid] : [], workbook }),
            now,
          ]);
          continue;
        }
        const input = { dossierId: row.dossierId, opinion: row.opinion, postsSupported: row.postsSupported, comment: row.comment, duplicateOfId: row.duplicateOfId, transferFromId: null, transferPosts: null };
        const opinionId = appendOpinion(tx, input, { id: authors.get(row.departmentCode)!.resolve(author), name: author.name }, now, 'import');
        tx.run('UPDATE opinions SET imported_by = ?, workbook_row = ? WHERE id = ?', [importer.name, row.uid, opinionId]);
        tx.run("INSERT INTO exchange_origins (kind, row_id, log_id, journal, local_seq) VALUES ('opinion', ?, ?, NULL, ?)", [opinionId, id, seq]);
      }
      return id;
    });
    return { logId, fileName, counts, errors: read.errors };
  }
}
