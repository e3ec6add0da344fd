import { describe, expect, it } from 'vitest';
import {
  ALSACE_MOSELLE,
  DEPARTMENTS,
  REGIONS,
  departmentsForPostalCode,
  departmentsOfRegion,
  getDepartment,
  getRegion,
  isDepartmentCode,
  isOverseas,
} from '../../../shared/domain/geography';

describe('departments and regions', () => {
  it('exposes the 101 departments and 18 regions', () => {
    expect(DEPARTMENTS).toHaveLength(101);
    expect(REGIONS).toHaveLength(18);
  });

  it('finds a department by its string code', () => {
    expect(getDepartment('2A')).toMatchObject({ code: '2A', name: 'Corse-du-Sud', regionCode: '94' });
    expect(getDepartment('01')?.name).toBe('Ain');
    expect(getDepartment('976')?.name).toBe('Mayotte');
  });

  it('does not accept codes that are not current departments', () => {
    for (const code of ['1', '20', '00', '975', '978', '988', '2a', '', '99']) {
      expect(getDepartment(code), code).toBeUndefined();
      expect(isDepartmentCode(code), code).toBe(false);
    }
    expect(isDepartmentCode('2B')).toBe(true);
    expect(isDepartmentCode('974')).toBe(true);
  });

  it('finds a region and its departments', () => {
    expect(getRegion('94')?.name).toBe('Corse');
    expect(getRegion('975')).toBeUndefined();
    expect(departmentsOfRegion('94').map((d) => d.code)).toEqual(['2A', '2B']);
    expect(departmentsOfRegion('11').map((d) => d.code)).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
    expect(departmentsOfRegion('04').map((d) => d.code)).toEqual(['974']);
    expect(departmentsOfRegion('99')).toEqual([]);
  });

  it('puts every department in exactly one region', () => {
    const total = REGIONS.reduce((sum, r) => sum + departmentsOfRegion(r.code).length, 0);
    expect(total).toBe(DEPARTMENTS.length);
  });
});

describe('departmentsForPostalCode', () => {
  it('resolves Corsican postal codes to 2A or 2B', () => {
    expect(departmentsForPostalCode('20000')).toEqual(['2A']);
    expect(departmentsForPostalCode('20200')).toEqual(['2B']);
  });

  it('resolves metropolitan and overseas postal codes', () => {
    expect(departmentsForPostalCode('06420')).toEqual(['06']);
    expect(departmentsForPostalCode('97400')).toEqual(['974']);
    expect(departmentsForPostalCode('75116')).toEqual(['75']);
  });

  it('returns every department sharing a postal code', () => {
    expect(departmentsForPostalCode('01200')).toEqual(['01', '74']);
  });

  it('returns an empty list for unknown or malformed codes', () => {
    for (const code of ['99999', '6420', '', ' 06420', 'constructor', '__proto__', '97133']) {
      expect(departmentsForPostalCode(code), code).toEqual([]);
    }
  });

  it('returns a copy that callers may modify', () => {
    departmentsForPostalCode('20000').push('2B');
    expect(departmentsForPostalCode('20000')).toEqual(['2A']);
  });
});

describe('isOverseas and ALSACE_MOSELLE', () => {
  it('recognises the five overseas departments only', () => {
    expect(['971', '972', '973', '974', '976'].every(isOverseas)).toBe(true);
    for (const code of ['975', '977', '978', '988', '2A', '75', '97']) expect(isOverseas(code), code).toBe(false);
    expect(DEPARTMENTS.filter((d) => isOverseas(d.code))).toHaveLength(5);
  });

  it('lists the departments under local associations law', () => {
    expect(ALSACE_MOSELLE).toEqual(['57', '67', '68']);
    expect(ALSACE_MOSELLE.map((code) => getDepartment(code)?.name)).toEqual(['Moselle', 'Bas-Rhin', 'Haut-Rhin']);
  });
});
