/** Demo data goes through the same validation and import path as a real file. */
import type { ImportResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/contract';
import type { DossierFieldKey } from '../../../shared/domain/dossier';
import { validateRecord } from '../../../shared/import/validate-record';
import type { Store } from '../db/store';
import { FIELD_KEYS } from '../dossiers/dossier-columns';
import { planRows, type ValidRow } from '../import/import-plan';
import type { ImportService } from '../import/import-service';
import { generateDemoDossiers } from './generate-demo';

export const DEMO_SEED = 2021;

export function demoRows(count: number, seed = DEMO_SEED): ValidRow[] {
  const mapping = Object.fromEntries(FIELD_KEYS.map((k) => [k, k])) as Record<string, DossierFieldKey>;
  return generateDemoDossiers(count, seed).map((fields, i) => {
    const record = { row: i + 1, line: null, cells: { ...fields } as Record<string, unknown> };
    const result = validateRecord(record, mapping);
    if (!result.ok) throw new Error(`Demo generator produced an invalid dossier: ${result.rejection.reason}`);
    return { row: i + 1, fields: result.fields, warnings: result.warnings };
  });
}

/** Refused once real data is present, so demo dossiers never mix with a real import. */
export function generateDemoIntoStore(store: Store, imports: ImportService, count: number): { created: number } {
  const real = store.db.value<number>("SELECT count(*) FROM dossiers WHERE source <> 'demo'") ?? 0;
  if (real > 0) {
    throw new ApiError('DEMO_REFUSED', 'La base contient déjà des dossiers importés : les données de démonstration ne sont générées que dans une base vide ou de démonstration.');
  }
  const rows = demoRows(count);
  const planned = planRows(store.db, rows, new Set(FIELD_KEYS));
  const result: ImportResult = imports.apply({ fileName: `Données de démonstration (${count} dossiers)`, fileHash: `demo-${DEMO_SEED}-${count}`, format: 'json', source: 'demo' }, planned, []);
  return { created: result.counts.new };
}
