import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../../electron/backend/request-validation';
import { Scope } from '../../../../electron/backend/access/scope';
import type { UserProfile } from '../../../../shared/domain/review';

const profile = (patch: Partial<UserProfile>): UserProfile => ({ id: 1, name: 'Claire', role: 'PREFECTURE', departments: ['06', '83'], createdAt: '2021-03-01T00:00:00.000Z', ...patch });

describe('Scope', () => {
  it('limits a prefecture profile to its departments, intersecting the filter', () => {
    const scope = new Scope(profile({}));
    expect(scope.restrict({})).toEqual({ departments: ['06', '83'] });
    expect(scope.restrict({ departments: ['83', '13'], search: 'x' })).toEqual({ departments: ['83'], search: 'x' });
    // Nothing asked is allowed: still a filter, one that matches no department.
    expect(scope.restrict({ departments: ['13'] }).departments).toHaveLength(1);
    expect(scope.restrict({ departments: ['13'] }).departments).not.toContain('13');
    expect(scope.allows('83')).toBe(true);
    expect(scope.allows('13')).toBe(false);
    expect(scope.describe()).toBe('06, 83');
    expect(() => scope.checkDepartment('13')).toThrow('Le département 13 est hors de votre périmètre (06, 83).');
    expect(() => scope.checkDepartment('99')).toThrow('Département inconnu');
  });

  it('lets the committee, ANCT and a base without profile see everything, but writes need a profile and a role', () => {
    for (const scope of [new Scope(profile({ role: 'COMMITTEE', departments: [] })), new Scope(null)]) {
      expect(scope.restrict({ departments: ['13'] })).toEqual({ departments: ['13'] });
      expect(scope.restricted).toBe(false);
    }
    expect(() => new Scope(null).requireProfile()).toThrow('Indiquez d’abord qui vous êtes (Paramètres).');
    expect(() => new Scope(profile({})).requireRole(['COMMITTEE', 'ADMIN'], 'modifier la grille de notation')).toThrow(
      'Seuls les membres du comité national et les administrateurs ANCT peuvent modifier la grille de notation.',
    );
  });
});

describe('review request shapes', () => {
  const refused = (method: Parameters<typeof validateRequest>[0], request: unknown) => expect(() => validateRequest(method, request)).toThrow(/^Requête invalide/);

  it('refuses malformed requests before any rule runs', () => {
    refused('opinions:record', { dossierId: 0, opinion: 'FAVORABLE', postsSupported: 1, comment: 'x' });
    refused('opinions:record', { dossierId: 1, opinion: 'FAVORABLE', postsSupported: '1', comment: 'x' });
    refused('opinions:recordBulk', { dossierIds: [], opinion: 'FAVORABLE', postsSupported: 'requested', comment: 'x' });
    refused('opinions:recordBulk', { dossierIds: [1], opinion: 'FAVORABLE', postsSupported: 2, comment: 'x' });
    refused('scores:record', { dossierId: 1, gridId: 1, values: { a: '3' } });
    refused('compare:get', { ids: [1, 1] });
    refused('ranking:save', { departmentCode: '06', order: [1, 'x'] });
    refused('dossiers:list', { reviewed: 'maybe' });
    refused('profile:save', { name: 'Claire', role: 'PREFECTURE' });
  });

  it('lets values the domain rules judge through, for their French message', () => {
    expect(() => validateRequest('opinions:record', { dossierId: 1, opinion: 'FAVORABLE', postsSupported: 99, comment: 'court' })).not.toThrow();
    expect(() => validateRequest('grids:save', { name: 'G', scaleMin: 0, scaleMax: 5, criteria: [{ key: 'a', label: 'A', description: '', weight: -1 }] })).not.toThrow();
    expect(() => validateRequest('targets:set', { departmentCode: '06', target: -3 })).not.toThrow();
  });
});
