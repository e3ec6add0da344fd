import { describe, expect, it } from 'vitest';
import type { TargetVersion } from '../../../../shared/api/contract';
import { describeVersion, targetSource } from '../../../../renderer/components/TerritoryMap/target-source';

const base = { key: null, floor: null, setBy: 'Marc Durand', setAt: '2026-11-26T10:00:00.000Z', departmentCode: null };
// Newest first, as targets:history gives them.
const HISTORY: TargetVersion[] = [
  { ...base, id: 9, kind: 'department', departmentCode: '13', total: 120 },
  { ...base, id: 2, kind: 'agreement', total: 46, departmentCodes: ['06', '2B'], fileName: 'accords.csv' },
  { ...base, id: 1, kind: 'distribution', total: 4000, key: 'population', floor: 5 },
];

describe('targetSource', () => {
  it('finds the newest version covering the department', () => {
    expect(targetSource(HISTORY, '13')?.id).toBe(9);
    expect(targetSource(HISTORY, '2B')?.id).toBe(2);
    expect(targetSource(HISTORY, '75')?.id).toBe(1);
    expect(targetSource(HISTORY.slice(0, 2), '75')).toBeNull();
  });

  it('says what each version was, in French', () => {
    expect(HISTORY.map(describeVersion)).toEqual([
      'Objectif du 13 saisi : 120 postes',
      'Accords préalables importés de « accords.csv » : 2 départements, 46 postes',
      'Répartition nationale de 4\u202f000 postes selon la population (plancher de 5 par département)',
    ]);
    expect(describeVersion({ ...base, id: 3, kind: 'department', departmentCode: '971', total: null })).toBe('Objectif du 971 retiré');
  });
});
