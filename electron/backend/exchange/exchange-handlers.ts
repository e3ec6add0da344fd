/** The exchange methods of the contract: thin, each calls a tested function (policies already ran). */
import type { ExchangeMethod } from '../../../shared/api/exchange-contract';
import type { ExchangeLogEntry } from '../../../shared/domain/exchange';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import type { Profiles } from '../review/profiles';
import type { Scope } from '../access/scope';
import type { ScopedHandlers } from '../access/guard';
import { listConflicts, resolveConflict } from './conflicts';
import { ExchangeService } from './exchange-service';
import { exportPackage } from './package-export';
import { buildWorkbook } from './workbook-export';

interface LogRow {
  id: number;
  kind: ExchangeLogEntry['kind'];
  file_name: string;
  checksum: string;
  department_code: string;
  sender_name: string | null;
  created_at: string | null;
  imported_at: string;
  imported_by: string;
  counts: string;
}

/** Newest first; an entry shows when one of its departments is in the scope. */
function exchangeLog(db: DbReader, scope: Scope): ExchangeLogEntry[] {
  return db
    .all<LogRow>('SELECT id, kind, file_name, checksum, department_code, sender_name, created_at, imported_at, imported_by, counts FROM exchange_log ORDER BY id DESC')
    .filter((r) => r.department_code.split(', ').some((code) => scope.allows(code)))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      checksum: r.checksum,
      departmentCode: r.department_code,
      senderName: r.sender_name,
      // A package carries its checksum and its sender's journal; a workbook is whatever was typed in it.
      signed: r.kind !== 'workbook',
      createdAt: r.created_at,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
      counts: JSON.parse(r.counts) as Record<string, number>,
    }));
}

export function exchangeHandlers(store: Store, _profiles: Profiles): Pick<ScopedHandlers, ExchangeMethod> {
  const db = store.db;
  const service = new ExchangeService(store);
  return {
    'exchange:exportPackage': async (req, scope) => exportPackage(db, 'reviews', req.departmentCode, scope.requireProfile()),
    'exchange:exportDossierPackage': async (req, scope) => exportPackage(db, 'dossiers', req.departmentCode, scope.requireProfile()),
    'exchange:previewPackage': async (req, scope) => service.previewPackage(req, scope),
    'exchange:importPackage': async (req, scope) => service.importPackage(req.token, scope),
    'exchange:conflicts': async (req, scope) => listConflicts(db, scope, req.status),
    'exchange:resolveConflict': async (req, scope) => resolveConflict(store, scope, scope.requireProfile(), req),
    'exchange:log': async (_req, scope) => exchangeLog(db, scope),
    'exchange:exportWorkbook': async (req, scope) => buildWorkbook(db, req.departmentCode, scope.requireProfile()),
    'exchange:previewWorkbook': async (req, scope) => service.previewWorkbook(req, scope),
    'exchange:importWorkbook': async (req, scope) => service.importWorkbook(req.token, scope),
  };
}
