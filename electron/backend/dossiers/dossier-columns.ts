/** How each dossier field is stored in the `dossiers` table. */
import { createHash } from 'node:crypto';
import type { DossierFieldKey, DossierFields } from '../../../shared/domain/dossier';
import type { SqlParam } from '../db/sqlite';

type ColumnKind = 'text' | 'int' | 'real' | 'bool';

const FIELD_KINDS: Record<DossierFieldKey, ColumnKind> = {
  externalId: 'text',
  siret: 'text',
  name: 'text',
  legalName: 'text',
  structureType: 'text',
  phase: 'text',
  status: 'text',
  postalCode: 'text',
  communeCode: 'text',
  communeName: 'text',
  communeInsee: 'text',
  departmentCode: 'text',
  regionCode: 'text',
  address: 'text',
  phone: 'text',
  email: 'text',
  adminEmails: 'text',
  accountCreated: 'bool',
  passwordChosen: 'bool',
  matchingCount: 'int',
  postsRequested: 'int',
  coselecValidated: 'bool',
  postsGranted: 'int',
  coselecNumber: 'text',
  coselecDate: 'text',
  zrr: 'bool',
  qpv: 'text',
  qpvCount: 'int',
  franceServices: 'bool',
  legalForm: 'text',
  nationalNetwork: 'bool',
  networkName: 'text',
  networkRegions: 'int',
  networkDepartments: 'int',
  networkBeneficiaries: 'int',
  contractType: 'text',
  contractMonths: 'int',
  branchAgreement: 'bool',
  declaredAid: 'real',
  consolidation: 'bool',
  motivation: 'text',
  submittedAt: 'text',
};

export const FIELD_KEYS = Object.keys(FIELD_KINDS) as DossierFieldKey[];

export function isTextField(key: DossierFieldKey): boolean {
  return FIELD_KINDS[key] === 'text';
}

export function columnOf(key: DossierFieldKey): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export const FIELD_COLUMNS = FIELD_KEYS.map(columnOf);

export function fieldsToParams(fields: DossierFields): SqlParam[] {
  return FIELD_KEYS.map((key) => {
    const value = fields[key];
    if (value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  });
}

export function rowToFields(row: Record<string, unknown>): DossierFields {
  const fields = {} as Record<DossierFieldKey, unknown>;
  for (const key of FIELD_KEYS) {
    const value = row[columnOf(key)];
    if (value === null || value === undefined) fields[key] = null;
    else if (FIELD_KINDS[key] === 'bool') fields[key] = value === 1;
    else fields[key] = value;
  }
  return fields as unknown as DossierFields;
}

/** Stable hash of a dossier's content, to tell "unchanged" from "updated" on re-import. */
export function contentHash(fields: DossierFields): string {
  return createHash('sha256')
    .update(JSON.stringify(FIELD_KEYS.map((key) => fields[key] ?? null)))
    .digest('hex');
}

/** Sort key for names: case- and accent-insensitive. */
export function sortKey(text: string | null): string {
  return (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
