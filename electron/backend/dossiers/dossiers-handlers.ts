/** The dossiers methods of the contract: thin, each calls a tested function (policies already ran). */
import type { AppInfo } from '../../../shared/api/contract';
import type { DossiersMethod } from '../../../shared/api/dossiers-contract';
import { warningLabel } from '../../../shared/import/validate-record';
import { SCHEMA_VERSION } from '../db/migrate';
import type { Store } from '../db/store';
import { generateDemoIntoStore } from '../demo/demo-import';
import type { ImportService } from '../import/import-service';
import { APP_VERSION } from '../paths';
import type { Profiles } from '../review/profiles';
import type { ScopedHandlers } from '../access/guard';
import { dossierFacets, getDossierDetail, listDossiers } from './dossier-queries';

export interface AppHost {
  mode: AppInfo['mode'];
  electronUnavailableReason?: string | null;
}

export function dossiersHandlers(store: Store, profiles: Profiles, imports: ImportService, host: AppHost): Pick<ScopedHandlers, DossiersMethod> {
  const db = store.db;
  return {
    'app:info': async () => ({
      version: APP_VERSION,
      schemaVersion: SCHEMA_VERSION,
      mode: host.mode,
      dbPath: store.path ?? ':memory:',
      userName: profiles.userName(),
      dossierCount: db.value<number>('SELECT count(*) FROM dossiers') ?? 0,
      electronUnavailableReason: host.electronUnavailableReason ?? null,
    }),
    'dossiers:list': async (req) => listDossiers(db, req),
    'dossiers:facets': async (req) => dossierFacets(db, req, warningLabel),
    'dossiers:get': async (req) => getDossierDetail(db, req.id),
    'demo:generate': async (req) => generateDemoIntoStore(store, imports, req.count),
  };
}
