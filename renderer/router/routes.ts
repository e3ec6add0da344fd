/** Hash routes (`#/dossiers/123`): they work unchanged from file://, a custom protocol or the local server. */

export type Route =
  | { name: 'dossiers' }
  | { name: 'dossier'; id: number }
  | { name: 'import' }
  /** `#/carte?departement=13&mesure=postes-accordes&niveau=region&vue=tableau`: every parameter optional. */
  | { name: 'map'; department?: string | null; measure?: string | null; level?: 'region' | null; view?: 'table' | null }
  /** `#/comparaison?ids=1,2,3`: the dossiers shown side by side (none: the page explains how to pick them). */
  | { name: 'comparison'; ids: number[] }
  /** `#/classement?departement=13`: null lets the page pick the profile's first department. */
  | { name: 'ranking'; department: string | null }
  | { name: 'committees' }
  /** `#/comites/12`: one committee session, by its id. */
  | { name: 'session'; id: number }
  | { name: 'exports' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export type RouteName = Route['name'];

/** Routes reached by a single path segment, with the French segment shown in the address bar. */
const STATIC_PATHS = {
  dossiers: 'dossiers',
  import: 'import',
  map: 'carte',
  comparison: 'comparaison',
  ranking: 'classement',
  committees: 'comites',
  exports: 'exports',
  settings: 'parametres',
} as const satisfies Partial<Record<RouteName, string>>;

type StaticRouteName = keyof typeof STATIC_PATHS;

const BY_SEGMENT = new Map<string, StaticRouteName>(
  Object.entries(STATIC_PATHS).map(([name, segment]) => [segment, name as StaticRouteName]),
);

/** `1,2,x,2,3` → [1, 2, 3]: positive integers, first occurrence kept, order preserved. */
export function parseIds(text: string | null): number[] {
  if (!text) return [];
  const ids: number[] = [];
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    if (!/^\d+$/.test(trimmed)) continue;
    const id = Number(trimmed);
    if (id > 0 && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function withParams(name: StaticRouteName, params: URLSearchParams): Route {
  switch (name) {
    case 'comparison':
      return { name, ids: parseIds(params.get('ids')) };
    case 'ranking':
      return { name, department: params.get('departement')?.trim() || null };
    case 'map': {
      // Only the parameters present: `#/carte` stays `{ name: 'map' }`.
      const department = params.get('departement')?.trim();
      const measure = params.get('mesure')?.trim();
      return {
        name,
        ...(department ? { department } : {}),
        ...(measure ? { measure } : {}),
        ...(params.get('niveau') === 'region' ? { level: 'region' as const } : {}),
        ...(params.get('vue') === 'tableau' ? { view: 'table' as const } : {}),
      };
    }
    default:
      return { name };
  }
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const queryStart = raw.indexOf('?');
  const path = (queryStart < 0 ? raw : raw.slice(0, queryStart)).replace(/\/+$/, '');
  const params = new URLSearchParams(queryStart < 0 ? '' : raw.slice(queryStart + 1));
  if (path === '') return { name: 'dossiers' };
  const [first, second, ...rest] = path.split('/');
  if (first === STATIC_PATHS.dossiers && second !== undefined && rest.length === 0 && /^\d+$/.test(second)) {
    return { name: 'dossier', id: Number(second) };
  }
  if (first === STATIC_PATHS.committees && second !== undefined && rest.length === 0 && /^\d+$/.test(second)) {
    return { name: 'session', id: Number(second) };
  }
  const name = first !== undefined && second === undefined ? BY_SEGMENT.get(first) : undefined;
  return name ? withParams(name, params) : { name: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'dossier':
      return `#/${STATIC_PATHS.dossiers}/${route.id}`;
    case 'session':
      return `#/${STATIC_PATHS.committees}/${route.id}`;
    case 'not-found':
      return `#/${route.path}`;
    case 'comparison':
      // Commas stay readable in the address bar: ids are digits only.
      return route.ids.length > 0 ? `#/${STATIC_PATHS.comparison}?ids=${route.ids.join(',')}` : `#/${STATIC_PATHS.comparison}`;
    case 'ranking':
      return route.department
        ? `#/${STATIC_PATHS.ranking}?departement=${encodeURIComponent(route.department)}`
        : `#/${STATIC_PATHS.ranking}`;
    case 'map': {
      const params = new URLSearchParams();
      if (route.department) params.set('departement', route.department);
      if (route.measure) params.set('mesure', route.measure);
      if (route.level) params.set('niveau', route.level);
      if (route.view) params.set('vue', 'tableau');
      const query = params.toString();
      return query ? `#/${STATIC_PATHS.map}?${query}` : `#/${STATIC_PATHS.map}`;
    }
    default:
      return `#/${STATIC_PATHS[route.name]}`;
  }
}

/** The navbar entry a route belongs to. */
export function sectionOf(route: Route): RouteName {
  if (route.name === 'session') return 'committees';
  return route.name === 'dossier' || route.name === 'import' ? 'dossiers' : route.name;
}
