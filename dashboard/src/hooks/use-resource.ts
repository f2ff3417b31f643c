// Loads data for a component: refetches when its key or the workspace changes, cancels stale requests.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LanternApi } from '../api/lantern-api';
import { useSession } from '../session/session-context';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** True while a request for the current key is in flight (stale data stays visible meanwhile). */
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` whenever `key` (or the selected workspace) changes; `key` null skips loading.
 * `load` may change identity every render: only `key` decides when to fetch again.
 */
export function useResource<T>(key: string | null, load: (api: LanternApi, signal: AbortSignal) => Promise<T>): Resource<T> {
  const { api, workspace } = useSession();
  const [state, setState] = useState<{ data?: T; error: unknown; loading: boolean }>({ error: null, loading: key !== null });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const fullKey = key === null ? null : `${workspace?.id ?? ''}|${key}`;

  useEffect(() => {
    if (fullKey === null) return;
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    loadRef
      .current(api, controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ data: undefined, error, loading: false });
      });
    return () => controller.abort();
  }, [api, fullKey, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
