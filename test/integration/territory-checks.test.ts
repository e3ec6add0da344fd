import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { useProfile } from './review-fixtures';
import { openTerritoryBase } from './territory-fixtures';

let backend: Backend;
let ids: Record<string, number>;

beforeAll(async () => {
  ({ backend, ids } = await openTerritoryBase());
});
afterAll(() => backend.close());

const summary = (checks: { code: string; severity: string; departmentCode: string | null; dossierIds?: number[] }[]) =>
  checks.map((c) => [c.severity, c.code, c.departmentCode, ...(c.dossierIds ? [c.dossierIds] : [])]);

describe('territory:checks', () => {
  it('finds exactly the hand-computed checks, errors first, with French messages', async () => {
    const checks = await backend.call('territory:checks', {});
    expect(summary(checks)).toEqual([
      // P-1: a SARL in Paris on a CUI; G-1 (a company in 971) and the associations on a CUI are fine.
      ['error', 'CUI_OUTSIDE_OVERSEAS', '75', [ids['P-1']]],
      ['warning', 'DEMAND_WITHOUT_SUPPORT', '13'],
      ['warning', 'DEMAND_WITHOUT_SUPPORT', '75'],
      // 2B: 4 granted and 4 supported for a target of 2 (> 2.2).
      ['warning', 'GRANTED_OVER_TARGET', '2B'],
      ['warning', 'NETWORK_NARROW', null, [ids['B-1'], ids['G-3']]],
      ['warning', 'SIRET_SEVERAL_DEPARTMENTS', null, [ids['B-1'], ids['M-1']]],
      ['warning', 'SUPPORTED_OVER_TARGET', '2B'],
      // 2A: 2 granted and 3 supported for a target of 5 (< 4.5). 971 has no target (cleared).
      ['info', 'GRANTED_UNDER_TARGET', '2A'],
      // « Réseau Inclusion » and « réseau  inclusion » are one network: 2A, 2B (Corse), 75, 13, 971.
      ['info', 'NETWORK_SPREAD', null, [ids['A-2'], ids['B-2'], ids['G-2'], ids['P-1'], ids['M-1']]],
      ['info', 'SUPPORTED_UNDER_TARGET', '2A'],
    ]);
    const message = (code: string, department: string | null) => checks.find((c) => c.code === code && c.departmentCode === department)!.message;
    expect(message('GRANTED_OVER_TARGET', '2B')).toBe('2B – Haute-Corse : 4 poste(s) accordé(s) par le comité pour un objectif de 2 (200 %), au-delà de la tolérance de 10 %.');
    expect(message('SUPPORTED_UNDER_TARGET', '2A')).toBe('2A – Corse-du-Sud : 3 poste(s) soutenu(s) par les avis préfectoraux pour un objectif de 5 (60 %), en deçà de la tolérance de 10 %.');
    expect(message('DEMAND_WITHOUT_SUPPORT', '75')).toBe('75 – Paris : 2 poste(s) demandé(s) dans 1 dossier(s), aucun soutenu ni accordé.');
    expect(message('SIRET_SEVERAL_DEPARTMENTS', null)).toBe('SIRET 73282932000074 : 2 dossiers dans 2 départements (13, 2B).');
    expect(message('NETWORK_SPREAD', null)).toBe('Réseau « Réseau Inclusion » : 5 dossier(s) dans 5 département(s) et 4 région(s).');
    expect(message('NETWORK_NARROW', null)).toBe(
      'Réseau « Réseau des îles » : 2 dossier(s) dans 2 département(s) et 2 région(s), en deçà d’un réseau national (au moins 4 régions et 5 départements).',
    );
    expect(message('CUI_OUTSIDE_OVERSEAS', '75')).toMatch(/^75 – Paris : dossier P-1 \(« Emmaüs Connect Paris », SARL\) en CUI/);
  });

  it('applies the tolerance asked', async () => {
    // 100 %: 4 is not above 2 × 2, 3 and 2 are not under 0.
    const codes = (await backend.call('territory:checks', { tolerancePercent: 100 })).map((c) => c.code);
    expect(codes.filter((c) => c.endsWith('_TARGET'))).toEqual([]);
    // 50 %: 2B is still over (4 > 3), 2A supported 3 is within [2.5, 7.5], granted 2 is under.
    expect(summary((await backend.call('territory:checks', { tolerancePercent: 50 })).filter((c) => c.code.endsWith('_TARGET')))).toEqual([
      ['warning', 'GRANTED_OVER_TARGET', '2B'],
      ['warning', 'SUPPORTED_OVER_TARGET', '2B'],
      ['info', 'GRANTED_UNDER_TARGET', '2A'],
    ]);
    await expect(backend.call('territory:checks', { tolerancePercent: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('shows a prefecture profile only the checks on its departments, with only its dossiers', async () => {
    await useProfile(backend, 'Agent Haute-Corse', 'PREFECTURE', ['2B']);
    try {
      expect(summary(await backend.call('territory:checks', {}))).toEqual([
        ['warning', 'GRANTED_OVER_TARGET', '2B'],
        ['warning', 'NETWORK_NARROW', null, [ids['B-1']]],
        ['warning', 'SIRET_SEVERAL_DEPARTMENTS', null, [ids['B-1']]],
        ['warning', 'SUPPORTED_OVER_TARGET', '2B'],
        ['info', 'NETWORK_SPREAD', null, [ids['B-2']]],
      ]);
    } finally {
      await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    }
  });
});
