import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, sectionOf } from '../../../renderer/router/routes';

describe('committee session route', () => {
  it('reads #/comites/ID as one session and writes it back', () => {
    expect(parseRoute('#/comites/12')).toEqual({ name: 'session', id: 12 });
    expect(routeHref({ name: 'session', id: 12 })).toBe('#/comites/12');
    expect(parseRoute(routeHref({ name: 'session', id: 7 }))).toEqual({ name: 'session', id: 7 });
  });

  it('keeps the list at #/comites and refuses anything else below it', () => {
    expect(parseRoute('#/comites')).toEqual({ name: 'committees' });
    expect(parseRoute('#/comites/')).toEqual({ name: 'committees' });
    expect(parseRoute('#/comites/abc')).toEqual({ name: 'not-found', path: 'comites/abc' });
    expect(parseRoute('#/comites/12/pv')).toEqual({ name: 'not-found', path: 'comites/12/pv' });
  });

  it('highlights « Comités » in the navigation for a session', () => {
    expect(sectionOf({ name: 'session', id: 3 })).toBe('committees');
  });
});
