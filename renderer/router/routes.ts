/** Hash routes (`#/dossiers/123`): they work unchanged from file://, a custom protocol or the local server. */

export type Route =
  | { name: 'dossiers' }
  | { name: 'dossier'; id: number }
  | { name: 'import' }
  | { name: 'map' }
  | { name: 'comparison' }
  | { name: 'committees' }
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
  committees: 'comites',
  exports: 'exports',
  settings: 'parametres',
} as const satisfies Partial<Record<RouteName, string>>;

type StaticRouteName = keyof typeof STATIC_PATHS;

const BY_SEGMENT = new Map<string, StaticRouteName>(
  Object.entries(STATIC_PATHS).map(([name, segment]) => [segment, name as StaticRouteName]),
);

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (path === '') return { name: 'dossiers' };
  const [first, second, ...rest] = path.split('/');
  if (first === STATIC_PATHS.dossiers && second !== undefined && rest.length === 0 && /^\d+$/.test(second)) {
    return { name: 'dossier', id: Number(second) };
  }
  const name = first !== undefined && second === undefined ? BY_SEGMENT.get(first) : undefined;
  return name ? { name } : { name: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'dossier':
      return `#/${STATIC_PATHS.dossiers}/${route.id}`;
    case 'not-found':
      return `#/${route.path}`;
    default:
      return `#/${STATIC_PATHS[route.name]}`;
  }
}

/** The navbar entry a route belongs to. */
export function sectionOf(route: Route): RouteName {
  return route.name === 'dossier' || route.name === 'import' ? 'dossiers' : route.name;
}
