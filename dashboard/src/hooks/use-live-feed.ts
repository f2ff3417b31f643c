// Subscribes to GET /api/live (server-sent events) and keeps the newest entries first.
import { useEffect, useRef, useState } from 'react';
import { parseLiveMessage, toLiveEntry, type LiveEntry } from '../lib/live-message';
import { useSession } from '../session/session-context';

export type FeedStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

const MAX_ENTRIES = 200;

export function useLiveFeed(paused: boolean): { entries: LiveEntry[]; status: FeedStatus; held: number; clear(): void } {
  const { api, workspace } = useSession();
  const [entries, setEntries] = useState<LiveEntry[]>([]);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const held = useRef<LiveEntry[]>([]);
  const [heldCount, setHeldCount] = useState(0);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    if (!paused && held.current.length) {
      const release = held.current;
      held.current = [];
      setHeldCount(0);
      setEntries((list) => [...release, ...list].slice(0, MAX_ENTRIES));
    }
  }, [paused]);

  useEffect(() => {
    setEntries([]);
    setStatus('connecting');
    const source = new EventSource(api.liveUrl(workspace?.id ?? null), { withCredentials: true });
    source.onopen = () => setStatus('open');
    // EventSource reconnects by itself after an error; CLOSED means it gave up (e.g. a 401 or 403).
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    const receive = (event: MessageEvent<string>) => {
      const message = parseLiveMessage(event.data, event.type);
      if (!message) return;
      const entry = toLiveEntry(message, new Date());
      if (pausedRef.current) {
        held.current = [entry, ...held.current].slice(0, MAX_ENTRIES);
        setHeldCount(held.current.length);
      } else {
        setEntries((list) => [entry, ...list].slice(0, MAX_ENTRIES));
      }
    };
    source.onmessage = receive;
    // Servers may name their events; listen to the two kinds too.
    source.addEventListener('event', receive);
    source.addEventListener('alert', receive);
    return () => source.close();
  }, [api, workspace?.id]);

  return { entries, status, held: heldCount, clear: () => setEntries([]) };
}
