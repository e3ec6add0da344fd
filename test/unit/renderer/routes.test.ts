import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, sectionOf } from '../../../renderer/router/routes';
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
    expect(parseRoute('#/comparaison')).toEqual({ name: 'comparison' });
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

describe('routeHref', () => {
  it('round-trips through parseRoute', () => {
    const routes: Route[] = [
      { name: 'dossiers' },
      { name: 'dossier', id: 7 },
      { name: 'import' },
      { name: 'map' },
      { name: 'comparison' },
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
