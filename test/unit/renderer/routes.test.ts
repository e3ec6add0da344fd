import { describe, expect, it } from 'vitest';
import { parseIds, parseRoute, routeHref, sectionOf } from '../../../renderer/router/routes';
import type { Route } from '../../../renderer/router/routes';

describe('parseRoute', () => {
  it('opens the dossier list by default', () => {
    expect(parseRoute('')).toEqual({ name: 'dossiers' });
    expect(parseRoute('#/')).toEqual({ name: 'dossiers' });
    expect(parseRoute('#/dossiers')).toEqual({ name: 'dossiers' });
    expect(parseRoute('#/dossiers/')).toEqual({ name: 'dossiers' });
  });

  it('reads a dossier id', () => {
    expect(parseRoute('#/dossiers/123')).toEqual({ name: 'dossier', id: 123 });
  });

  it('maps the French paths', () => {
    expect(parseRoute('#/carte')).toEqual({ name: 'map' });
    expect(parseRoute('#/comparaison')).toEqual({ name: 'comparison', ids: [] });
    expect(parseRoute('#/classement')).toEqual({ name: 'ranking', department: null });
    expect(parseRoute('#/comites')).toEqual({ name: 'committees' });
    expect(parseRoute('#/exports')).toEqual({ name: 'exports' });
    expect(parseRoute('#/parametres')).toEqual({ name: 'settings' });
    expect(parseRoute('#/import')).toEqual({ name: 'import' });
  });

  it('reports anything else as not found', () => {
    expect(parseRoute('#/dossiers/abc')).toEqual({ name: 'not-found', path: 'dossiers/abc' });
    expect(parseRoute('#/carte/1')).toEqual({ name: 'not-found', path: 'carte/1' });
    expect(parseRoute('#/constructor')).toEqual({ name: 'not-found', path: 'constructor' });
  });
});

describe('query parameters', () => {
  it('reads the compared ids in order, dropping repeats and anything not an id', () => {
    expect(parseRoute('#/comparaison?ids=5,2,9')).toEqual({ name: 'comparison', ids: [5, 2, 9] });
    expect(parseRoute('#/comparaison?ids=5,,x,5,0,-3,7')).toEqual({ name: 'comparison', ids: [5, 7] });
    expect(parseIds(' 4 , 8 ')).toEqual([4, 8]);
    expect(parseIds(null)).toEqual([]);
  });

  it('reads the ranked department, and writes readable addresses', () => {
    expect(parseRoute('#/classement?departement=971')).toEqual({ name: 'ranking', department: '971' });
    expect(routeHref({ name: 'comparison', ids: [1, 2, 3] })).toBe('#/comparaison?ids=1,2,3');
    expect(routeHref({ name: 'comparison', ids: [] })).toBe('#/comparaison');
    expect(routeHref({ name: 'ranking', department: '2B' })).toBe('#/classement?departement=2B');
  });

  it('reads and writes the map’s department, measure, level and view', () => {
    expect(parseRoute('#/carte?departement=13&mesure=ecart-objectif&niveau=region&vue=tableau')).toEqual({
      name: 'map',
      department: '13',
      measure: 'ecart-objectif',
      level: 'region',
      view: 'table',
    });
    expect(parseRoute('#/carte?niveau=pays&vue=liste')).toEqual({ name: 'map' });
    expect(routeHref({ name: 'map', department: '2A', measure: 'dossiers' })).toBe('#/carte?departement=2A&mesure=dossiers');
  });

  it('still reports unknown paths with a query as not found', () => {
    expect(parseRoute('#/inconnu?ids=1')).toEqual({ name: 'not-found', path: 'inconnu' });
  });
});

describe('routeHref', () => {
  it('round-trips through parseRoute', () => {
    const routes: Route[] = [
      { name: 'dossiers' },
      { name: 'dossier', id: 7 },
      { name: 'import' },
      { name: 'map' },
      { name: 'map', department: '971', measure: 'part-avis', level: 'region', view: 'table' },
      { name: 'comparison', ids: [] },
      { name: 'comparison', ids: [12, 3, 40] },
      { name: 'ranking', department: null },
      { name: 'ranking', department: '2A' },
      { name: 'committees' },
      { name: 'exports' },
      { name: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref({ name: 'dossier', id: 7 })).toBe('#/dossiers/7');
    expect(routeHref({ name: 'settings' })).toBe('#/parametres');
  });
});

describe('sectionOf', () => {
  it('keeps « Dossiers » highlighted on a dossier and on the import page', () => {
    expect(sectionOf({ name: 'dossier', id: 1 })).toBe('dossiers');
    expect(sectionOf({ name: 'import' })).toBe('dossiers');
    expect(sectionOf({ name: 'map' })).toBe('map');
  });
});
