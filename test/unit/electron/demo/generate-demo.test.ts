import { beforeAll, describe, expect, it } from 'vitest';
import type { DossierFields } from '../../../../shared/domain/dossier';
import { DEPARTMENTS, getDepartment, isOverseas } from '../../../../shared/domain/geography';
import { isValidSiret } from '../../../../shared/domain/siret';
import { generateDemoDossiers } from '../../../../electron/backend/demo/generate-demo';

const ratio = (items: readonly DossierFields[], predicate: (d: DossierFields) => boolean): number =>
  items.filter(predicate).length / items.length;

describe('generateDemoDossiers', () => {
  let dossiers: DossierFields[];
  beforeAll(() => {
    dossiers = generateDemoDossiers(5000);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    expect(generateDemoDossiers(300, 42)).toEqual(generateDemoDossiers(300, 42));
    expect(generateDemoDossiers(300)).toEqual(generateDemoDossiers(300, 1));
    const first = generateDemoDossiers(300, 42).map((d) => d.siret);
    const second = generateDemoDossiers(300, 43).map((d) => d.siret);
    expect(second.filter((siret, i) => siret === first[i]).length).toBeLessThan(10);
  });

  it('numbers dossiers sequentially from 1000', () => {
    expect(dossiers).toHaveLength(5000);
    expect(dossiers[0]?.externalId).toBe('1000');
    expect(dossiers[4999]?.externalId).toBe('5999');
    expect(new Set(dossiers.map((d) => d.externalId)).size).toBe(5000);
  });

  it('returns nothing for zero and rejects invalid counts', () => {
    expect(generateDemoDossiers(0)).toEqual([]);
    expect(() => generateDemoDossiers(-1)).toThrow(RangeError);
    expect(() => generateDemoDossiers(2.5)).toThrow(RangeError);
  });

  it('covers all 101 departments, weighted by population', () => {
    const codes = new Set(dossiers.map((d) => d.departmentCode));
    expect([...codes].sort()).toEqual(DEPARTMENTS.map((d) => d.code).sort());
    const inNord = dossiers.filter((d) => d.departmentCode === '59').length;
    const inLozere = dossiers.filter((d) => d.departmentCode === '48').length;
    expect(inNord).toBeGreaterThan(10 * inLozere);
  });

  it('gives every department at least one dossier from 1,000 dossiers on', () => {
    const codes = new Set(generateDemoDossiers(1000, 9).map((d) => d.departmentCode));
    expect(codes.size).toBe(101);
  });

  it('places each dossier in a commune and region of its department', () => {
    for (const d of dossiers) {
      const department = getDepartment(d.departmentCode ?? '');
      expect(department, d.externalId).toBeDefined();
      expect(d.regionCode).toBe(department?.regionCode);
      expect(d.communeCode?.startsWith(d.departmentCode ?? '?'), d.externalId).toBe(true);
      expect(d.postalCode).toMatch(/^\d{5}$/);
      if (d.address !== null) expect(d.address.split('\n').at(-1)).toBe(`${d.postalCode} ${d.communeName}`);
    }
  });

  it('gives about 97 % checksum-valid SIRET', () => {
    const valid = ratio(dossiers, (d) => d.siret !== null && isValidSiret(d.siret));
    expect(valid).toBeGreaterThan(0.9);
    expect(valid).toBeLessThan(0.99);
  });

  it('never grants more posts than requested and keeps decisions consistent', () => {
    for (const d of dossiers) {
      expect(d.postsRequested).not.toBeNull();
      if (d.postsGranted !== null) expect(d.postsGranted).toBeLessThanOrEqual(d.postsRequested ?? 0);
      expect(d.coselecValidated).toBe(d.status === 'VALIDATION_COSELEC');
      if (d.status === 'VALIDATION_COSELEC') {
        expect(d.postsGranted).toBeGreaterThanOrEqual(1);
        expect(d.coselecNumber).toMatch(/^\d+(BIS)?$/);
      }
      if (d.coselecDate !== null) {
        expect(d.coselecDate >= '2021-03-24' && d.coselecDate <= '2023-12-22').toBe(true);
        expect((d.submittedAt ?? '') < d.coselecDate).toBe(true);
      }
      expect(d.submittedAt).toMatch(/^2021-\d{2}-\d{2}$/);
    }
    const validated = ratio(dossiers, (d) => d.status === 'VALIDATION_COSELEC');
    expect(validated).toBeGreaterThan(0.15);
    expect(validated).toBeLessThan(0.25);
    expect(new Set(dossiers.map((d) => d.status)).size).toBe(7);
  });

  it('skews requests to one or two posts', () => {
    const small = ratio(dossiers, (d) => d.postsRequested === 1 || d.postsRequested === 2);
    expect(small).toBeGreaterThan(0.5);
    expect(dossiers.every((d) => (d.postsRequested ?? -1) >= 0 && (d.postsRequested ?? 11) <= 10)).toBe(true);
  });

  it('declares national networks that mostly, but not always, meet the thresholds', () => {
    const networks = dossiers.filter((d) => d.nationalNetwork === true);
    expect(networks.length).toBeGreaterThan(250);
    expect(networks.every((d) => d.networkName !== null)).toBe(true);
    const meeting = ratio(
      networks,
      (d) => (d.networkRegions ?? 0) >= 4 && (d.networkDepartments ?? 0) >= 5 && (d.networkBeneficiaries ?? 0) >= 1000,
    );
    expect(meeting).toBeGreaterThan(0.8);
    expect(meeting).toBeLessThan(1);
    expect(dossiers.filter((d) => d.nationalNetwork === false).every((d) => d.networkName === null)).toBe(true);
  });

  it('uses the local-law association form in Alsace-Moselle', () => {
    const alsaceMoselle = dossiers.filter((d) => ['57', '67', '68'].includes(d.departmentCode ?? ''));
    expect(alsaceMoselle.some((d) => d.legalForm?.startsWith('Association de droit local'))).toBe(true);
    expect(alsaceMoselle.some((d) => d.legalForm === 'Association déclarée')).toBe(false);
  });

  it('produces contracts that exercise the eligibility checks', () => {
    const cdd = dossiers.filter((d) => d.contractType === 'CDD');
    expect(cdd.some((d) => d.contractMonths === 24)).toBe(true);
    expect(ratio(cdd, (d) => (d.contractMonths ?? 0) <= 18)).toBeGreaterThan(0.9);
    const projects = dossiers.filter((d) => d.contractType === 'CONTRAT_PROJET');
    expect(ratio(projects, (d) => d.branchAgreement === true)).toBeGreaterThan(0.7);
    expect(projects.some((d) => d.branchAgreement === false)).toBe(true);
    const cui = dossiers.filter((d) => d.contractType === 'CUI');
    expect(ratio(cui, (d) => isOverseas(d.departmentCode ?? ''))).toBeGreaterThan(0.5);
  });

  it('writes names that are CSV-safe apart from the platform’s double quotes', () => {
    expect(dossiers.some((d) => d.name?.includes('"'))).toBe(true);
    for (const d of dossiers) {
      expect(d.name).not.toMatch(/[;\r\n]/);
      expect(d.name?.startsWith('"')).toBe(false);
    }
  });

  it('leaves some contacts missing and writes French motivations', () => {
    expect(dossiers.some((d) => d.phone === null)).toBe(true);
    expect(dossiers.some((d) => d.email === null)).toBe(true);
    expect(dossiers.some((d) => d.adminEmails?.includes(','))).toBe(true);
    const motivations = dossiers.flatMap((d) => (d.motivation === null ? [] : [d.motivation]));
    expect(motivations.length).toBeGreaterThan(4500);
    const text = motivations.join(' ');
    for (const char of ['’', 'œ', '€', 'é', 'à', 'ç']) expect(text).toContain(char);
  });
});
