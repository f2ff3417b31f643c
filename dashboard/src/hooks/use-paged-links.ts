// The link list, page by page: the first page loads with the workspace, "Load more" follows nextCursor.
import { useEffect, useState } from 'react';
import type { Link } from '../api/types';
import { useSession } from '../session/session-context';
import { useResource } from './use-resource';

export interface PagedLinks {
  links: Link[] | undefined;
  error: unknown;
  loading: boolean;
  hasMore: boolean;
  loadMore(): Promise<void>;
  moreError: unknown;
  reload(): void;
}

export function usePagedLinks(): PagedLinks {
  const { api, workspace } = useSession();
  const first = useResource('links', (client, signal) => client.listLinks({}, signal));
  const [more, setMore] = useState<{ items: Link[]; cursor: string | null | undefined; error: unknown; busy: boolean }>({
    items: [],
    cursor: undefined,
    error: null,
    busy: false,
  });

  useEffect(() => {
    setMore({ items: [], cursor: undefined, error: null, busy: false });
  }, [first.data, workspace?.id]);

  const cursor = more.cursor === undefined ? first.data?.nextCursor ?? null : more.cursor;

  async function loadMore() {
    if (!cursor || more.busy) return;
    setMore((m) => ({ ...m, busy: true, error: null }));
    try {
      const page = await api.listLinks({ cursor });
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor ?? null, error: null, busy: false }));
    } catch (error) {
      setMore((m) => ({ ...m, error, busy: false }));
    }
  }

  return {
    links: first.data ? [...first.data.items, ...more.items] : undefined,
    error: first.error,
    loading: first.loading || more.busy,
    hasMore: Boolean(cursor),
    loadMore,
    moreError: more.error,
    reload: first.reload,
  };
}
