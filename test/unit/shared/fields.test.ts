import { describe, expect, it } from 'vitest';
import type { DossierFields } from '../../../shared/domain/dossier';
import { FIELD_DEFS, FIELD_GROUPS, IGNORED_HEADERS, REQUIRED_FIELDS, getFieldDef, isFieldKey } from '../../../shared/domain/fields';
import { normalizeHeader } from '../../../shared/import/headers';

// Every key of DossierFields, written out so that adding a field without a definition fails here.
const ALL_KEYS: Record<keyof DossierFields, true> = {
  externalId: true, siret: true, name: true, legalName: true, structureType: true, phase: true, status: true,
  postalCode: true, communeCode: true, communeName: true, communeInsee: true, departmentCode: true, regionCode: true,
  address: true, phone: true, email: true, adminEmails: true, accountCreated: true, passwordChosen: true,
  matchingCount: true, postsRequested: true, coselecValidated: true, postsGranted: true, coselecNumber: true,
  coselecDate: true, zrr: true, qpv: true, qpvCount: true, franceServices: true, legalForm: true, nationalNetwork: true,
  networkName: true, networkRegions: true, networkDepartments: true, networkBeneficiaries: true, contractType: true,
  contractMonths: true, branchAgreement: true, declaredAid: true, consolidation: true, motivation: true, submittedAt: true,
};

describe('FIELD_DEFS', () => {
  it('defines every dossier field exactly once', () => {
    const keys = FIELD_DEFS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(ALL_KEYS).sort());
  });

  it('requires exactly the identifier, the department and the number of posts', () => {
    expect([...REQUIRED_FIELDS].sort()).toEqual(['departmentCode', 'externalId', 'postsRequested']);
  });

  it('gives each field a distinct French label, a known group and its own key as an alias', () => {
    const labels = FIELD_DEFS.map((d) => normalizeHeader(d.label));
    expect(new Set(labels).size).toBe(labels.length);
    for (const def of FIELD_DEFS) {
      expect(FIELD_GROUPS).toContain(def.group);
      expect(def.aliases).toContain(def.key);
      expect(def.label.trim()).toBe(def.label);
    }
  });

  it('never lets one header name designate two fields, nor an ignored header', () => {
    const owner = new Map<string, string>();
    for (const def of FIELD_DEFS) {
      for (const name of [def.label, ...def.aliases]) {
        const key = normalizeHeader(name);
        expect(owner.get(key) ?? def.key, `« ${name} »`).toBe(def.key);
        owner.set(key, def.key);
      }
    }
    for (const header of IGNORED_HEADERS) expect(owner.has(normalizeHeader(header)), header).toBe(false);
  });

  it('looks definitions up by key', () => {
    expect(getFieldDef('postsRequested')).toMatchObject({ kind: 'int', group: 'demande', required: true });
    expect(getFieldDef('siret').kind).toBe('siret');
    expect(isFieldKey('siret')).toBe(true);
    expect(isFieldKey('toString')).toBe(false);
    expect(isFieldKey(42)).toBe(false);
  });
});
