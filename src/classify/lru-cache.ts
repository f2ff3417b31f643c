// A small bounded least-recently-used cache on a Map (insertion order = recency order).

/** A bounded LRU map from string keys to values. */
export interface LruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
  readonly size: number;
}

/**
 * Creates an LRU cache holding at most `capacity` entries; the least recently read or written one is evicted first.
 * @throws RangeError when capacity is not a positive integer.
 */
export function createLruCache<V>(capacity: number): LruCache<V> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  }
  const map = new Map<string, V>();
  return {
    get(key) {
      const value = map.get(key);
      if (value !== undefined) {
        // Re-insert so this key becomes the most recent; Map keeps insertion order.
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key, value) {
      if (map.has(key)) map.delete(key);
      else if (map.size >= capacity) map.delete(map.keys().next().value as string);
      map.set(key, value);
    },
    clear() {
      map.clear();
    },
    get size() {
      return map.size;
    },
  };
}
