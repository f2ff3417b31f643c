// A small bounded cache with least-recently-used eviction, approximated with two generations of Maps.

/** A bounded map from string keys to values that keeps recently used entries. */
export interface LruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
  readonly size: number;
}

/**
 * Creates a cache holding at most `capacity` entries. Entries live in a young and an old generation of at most
 * capacity/2 each: new entries go to the young one; when it is full it becomes the old one and the previous old
 * generation is dropped; a hit in the old generation moves the entry back to the young one. So anything used within
 * the last capacity/2 insertions survives, and a hit costs one Map lookup (a delete and re-insert on every hit, the
 * textbook Map LRU, costs several times more on the hot path).
 * @throws RangeError when capacity is not an integer ≥ 2.
 */
export function createLruCache<V>(capacity: number): LruCache<V> {
  if (!Number.isInteger(capacity) || capacity < 2) {
    throw new RangeError(`LRU capacity must be an integer >= 2, got ${capacity}`);
  }
  const half = Math.floor(capacity / 2);
  let young = new Map<string, V>();
  let old = new Map<string, V>();

  function put(key: string, value: V): void {
    if (young.size >= half) {
      old = young;
      young = new Map();
    }
    young.set(key, value);
  }

  return {
    get(key) {
      const hit = young.get(key);
      if (hit !== undefined) return hit;
      const aged = old.get(key);
      if (aged !== undefined) {
        old.delete(key);
        put(key, aged);
      }
      return aged;
    },
    set(key, value) {
      if (young.has(key)) young.set(key, value);
      else {
        old.delete(key);
        put(key, value);
      }
    },
    clear() {
      young = new Map();
      old = new Map();
    },
    get size() {
      return young.size + old.size;
    },
  };
}
