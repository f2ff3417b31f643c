// A tiny History API router: the current location as a React value, and navigate() to change it.
import { useSyncExternalStore } from 'react';

export const BASE = '/app';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** Goes to an in-app URL (`/app/links?from=…`); `replace` rewrites the current history entry instead. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

export interface AppLocation {
  /** Path inside the app, without `/app`: `/`, `/links/abc`. */
  path: string;
  search: URLSearchParams;
  /** The raw `?…` string, handy as a dependency key. */
  searchString: string;
}

/** The current location; re-renders on navigate() and on the back and forward buttons. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  const queryAt = href.indexOf('?');
  const pathname = queryAt === -1 ? href : href.slice(0, queryAt);
  const searchString = queryAt === -1 ? '' : href.slice(queryAt);
  let path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, search: new URLSearchParams(searchString), searchString };
}

/** The full URL of an in-app path: appPath('/links') → `/app/links`. */
export function appPath(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}
