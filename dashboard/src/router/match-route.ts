// Matches an app path against the dashboard's routes: `/links/:id` style patterns.

export type RouteParams = Record<string, string>;

/** Returns the pattern's params when `path` matches it, else null. `matchRoute('/links/:id', '/links/a1')` → `{id: 'a1'}`. */
export function matchRoute(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}
