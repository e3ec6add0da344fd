/**
 * Dossier import: read → match headers → validate rows → plan against the database (preview),
 * then apply the plan in one journaled transaction (commit).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ImportCounts, ImportFileRequest, ImportPreview, ImportRejection, ImportResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/contract';
import type { DossierFieldKey, DossierSource } from '../../../shared/domain/dossier';
import { FIELD_DEFS } from '../../../shared/domain/fields';
import { matchHeaders } from '../../../shared/import/headers';
import { validateRecord } from '../../../shared/import/validate-record';
import type { Store } from '../db/store';
import type { Scope } from '../access/scope';
import { FTS_BULK_THRESHOLD, appendPlatformDecision, ftsRebuild, insertDossiers, nextDossierId, recordProvenance, updateDossier, type ProvenanceRow } from '../dossiers/dossier-writes';
import { recordDivergences, toImportDivergence } from './import-divergences';
import { planRows, type PlannedRow, type ValidRow } from './import-plan';
import { readImportFile, type RawTable } from './read-file';

interface PreparedImport {
  preview: ImportPreview;
  rows: ValidRow[];
  mappedFields: Set<DossierFieldKey>;
  source: DossierSource;
  planned: PlannedRow[];
  version: number;
  /** The scope the rows were filtered with: a commit under another profile must preview again. */
  scopeKey: string;
}

const MAX_PREVIEWS = 4;
const MAX_UPDATES_SHOWN = 50;

function fieldLabel(key: DossierFieldKey): string {
  return FIELD_DEFS.find((f) => f.key === key)?.label ?? key;
}

function countsOf(planned: PlannedRow[], rejected: number): ImportCounts {
  const counts: ImportCounts = { total: planned.length + rejected, new: 0, updated: 0, unchanged: 0, rejected, withWarnings: 0 };
  for (const row of planned) {
    if (row.action === 'created') counts.new++;
    else if (row.action === 'updated') counts.updated++;
    else counts.unchanged++;
    if (row.warnings.length > 0) counts.withWarnings++;
  }
  return counts;
}

function samplesOf(table: RawTable, header: string): string[] {
  const samples: string[] = [];
  for (const record of table.records) {
    const value = record.cells[header];
    if (value === null || value === undefined || value === '') continue;
    samples.push(value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 80));
    if (samples.length === 3) break;
  }
  return samples;
}

/**
 * Why a row falls outside a PREFECTURE profile's departments, or null. A row updating a dossier
 * that another department holds is refused too: it would move that dossier into the scope.
 */
function outOfScope(scope: Scope, departmentCode: string | null, storedDepartment: string | undefined): string | null {
  for (const code of [departmentCode, storedDepartment]) {
    if (code && !scope.allows(code)) return `Département ${code} hors de votre périmètre (${scope.describe()}) : ligne non importée.`;
  }
  return null;
}

const divergencesOf = (planned: readonly PlannedRow[]) => planned.flatMap((row) => toImportDivergence(row) ?? []);

export interface ImportSource {
  fileName: string;
  fileHash: string;
  format: ImportPreview['format'];
  source: DossierSource;
}

export class ImportService {
  private readonly prepared = new Map<string, PreparedImport>();

  constructor(
    private readonly store: Store,
    private readonly userName: () => string,
    private readonly scope: () => Scope,
  ) {}

  async preview(request: ImportFileRequest): Promise<ImportPreview> {
    const fileHash = createHash('sha256').update(request.data).digest('hex');
    const table = await readImportFile(request.fileName, request.data, request.sheet ? { sheet: request.sheet } : undefined);
    const match = matchHeaders(table.headers, request.mapping);
    const rejected: ImportRejection[] = table.malformed.map((m) => ({ row: m.row, line: m.line, column: null, reason: m.reason, externalId: null }));
    const rows: ValidRow[] = [];
    const mappedFields = new Set(Object.values(match.mapping).filter((f): f is DossierFieldKey => f !== null));
    // The department can be deduced row by row from the postal or INSEE code (2021 workbooks have none).
    const deducible = mappedFields.has('postalCode') || mappedFields.has('communeInsee');
    const missing = match.missingRequired.filter((f) => !(f === 'departmentCode' && deducible));
    const plural = missing.length > 1;
    const blocking =
      missing.length > 0
        ? `Colonne${plural ? 's' : ''} obligatoire${plural ? 's' : ''} absente${plural ? 's' : ''} : ${missing.map(fieldLabel).join(', ')}. Associez une colonne du fichier à ${plural ? 'chacun de ces champs' : 'ce champ'} dans l’aperçu.`
        : null;
    const scope = this.scope();
    if (!blocking) {
      const seen = new Map<string, number>();
      const stored = scope.restricted ? new Map(this.store.db.all<{ external_id: string; department_code: string }>('SELECT external_id, department_code FROM dossiers').map((r) => [r.external_id, r.department_code])) : null;
      for (const record of table.records) {
        const result = validateRecord(record, match.mapping);
        if (!result.ok) {
          rejected.push(result.rejection);
          continue;
        }
        const refusal = stored ? outOfScope(scope, result.fields.departmentCode, stored.get(result.fields.externalId)) : null;
        if (refusal) {
          rejected.push({ row: record.row, line: record.line, column: fieldLabel('departmentCode'), externalId: result.fields.externalId, reason: refusal });
          continue;
        }
        const firstRow = seen.get(result.fields.externalId);
        if (firstRow !== undefined) {
          rejected.push({ row: record.row, line: record.line, column: null, externalId: result.fields.externalId, reason: `Identifiant « ${result.fields.externalId} » en double dans le fichier (déjà présent ligne ${firstRow}) : seule la première ligne est importée.` });
          continue;
        }
        seen.set(result.fields.externalId, record.row);
        rows.push({ row: record.row, fields: result.fields, warnings: result.warnings });
      }
    }
    rejected.sort((a, b) => a.row - b.row);
    const planned = planRows(this.store.db, rows, mappedFields);
    const alreadyImported = (this.store.db.value<number>('SELECT count(*) FROM import_batches WHERE file_hash = ?', [fileHash]) ?? 0) > 0;
    const token = randomUUID();
    const preview: ImportPreview = {
      token,
      fileName: request.fileName,
      fileHash,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheets: table.sheets,
      sheet: table.sheet,
      columns: table.headers.map((header) => ({ header, field: match.mapping[header] ?? null, samples: samplesOf(table, header) })),
      unknownHeaders: match.unknown,
      missingRequired: missing,
      blockingError: blocking,
      alreadyImported,
      counts: countsOf(planned, rejected.length),
      rejected,
      updates: planned
        .filter((p) => p.action === 'updated')
        .slice(0, MAX_UPDATES_SHOWN)
        .map((p) => ({ externalId: p.fields.externalId, name: p.fields.name, changes: p.changes })),
      divergences: divergencesOf(planned),
    };
    this.remember({ preview, rows, mappedFields, planned, version: this.store.version, source: table.format === 'platform-csv' ? 'platform' : 'file', scopeKey: scope.describe() });
    return preview;
  }

  private remember(prepared: PreparedImport): void {
    this.prepared.set(prepared.preview.token, prepared);
    while (this.prepared.size > MAX_PREVIEWS) this.prepared.delete(this.prepared.keys().next().value as string);
  }

  commit(token: string): ImportResult {
    const prepared = this.prepared.get(token);
    if (!prepared) throw new ApiError('IMPORT_EXPIRED', 'Cet aperçu d’import n’est plus disponible : relancez l’import du fichier.');
    if (prepared.preview.blockingError) throw new ApiError('IMPORT_BLOCKED', prepared.preview.blockingError);
    if (prepared.scopeKey !== this.scope().describe()) {
      this.prepared.delete(token);
      throw new ApiError('IMPORT_EXPIRED', 'Le profil a changé depuis l’aperçu : relancez l’import du fichier.');
    }
    this.prepared.delete(token);
    // The database may have changed since the preview: plan again so the counts are exact.
    const planned = prepared.version === this.store.version ? prepared.planned : planRows(this.store.db, prepared.rows, prepared.mappedFields);
    const { preview } = prepared;
    return this.apply({ fileName: preview.fileName, fileHash: preview.fileHash, format: preview.format, source: prepared.source }, planned, preview.rejected);
  }

  /** Writes a plan in one transaction; writes nothing at all when nothing would change. */
  apply(origin: ImportSource, planned: PlannedRow[], rejected: ImportRejection[]): ImportResult {
    const counts = countsOf(planned, rejected.length);
    const divergences = divergencesOf(planned);
    const newDivergences = divergences.filter((d) => !d.alreadyReported).length;
    if (counts.new === 0 && counts.updated === 0 && newDivergences === 0) {
      return { batchId: null, fileName: origin.fileName, counts, rejected, divergences };
    }
    const user = this.userName();
    const now = new Date().toISOString();
    const by = origin.source === 'platform' ? `Plateforme nationale (import de « ${origin.fileName} » par ${user})` : user;
    const batchId = this.store.write({ action: 'import', user, summary: { fileName: origin.fileName, fileHash: origin.fileHash, counts, divergences: newDivergences } }, (tx) => {
      const batch = (tx.value<number>('SELECT max(id) FROM import_batches') ?? 0) + 1;
      tx.run(
        'INSERT INTO import_batches (id, file_name, file_hash, format, imported_at, imported_by, total, created, updated, unchanged, rejected, rejections) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [batch, origin.fileName, origin.fileHash, origin.format, now, user, counts.total, counts.new, counts.updated, counts.unchanged, counts.rejected, JSON.stringify(rejected)],
      );
      let nextId = nextDossierId(tx);
      const bulk = counts.new + counts.updated > FTS_BULK_THRESHOLD;
      const provenance: ProvenanceRow[] = [];
      const ids = planned.map((row) => (row.action === 'created' ? nextId++ : row.dossierId));
      const created = planned.flatMap((row, i) => (row.action === 'created' ? [{ id: ids[i]!, dossier: row }] : []));
      insertDossiers(tx, created, origin.source, now, !bulk);
      for (const [i, row] of planned.entries()) {
        const id = ids[i] ?? null;
        if (row.action === 'updated' && id !== null) {
          updateDossier(tx, id, row, row.changes, user, `import « ${origin.fileName} »`, now, !bulk);
        }
        if (id === null) continue;
        provenance.push([id, batch, row.row, row.action]);
        if (row.action !== 'unchanged' && origin.source === 'platform' && !row.keepsCommitteeDecision) appendPlatformDecision(tx, id, row.fields, by, now, row.action === 'created');
      }
      recordProvenance(tx, provenance);
      recordDivergences(tx, batch, planned, user, now);
      if (bulk) ftsRebuild(tx);
      return batch;
    });
    return { batchId, fileName: origin.fileName, counts, rejected, divergences };
  }
}
