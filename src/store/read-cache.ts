// Values read from the metadata store, kept for a short while by key: links by slug, sites by id.
import { AppError } from '../errors.js';

/**
 * A TTL cache in front of a loader. Absent values (null) are cached too. A load that started before `forget` does not
 * store what it read (it may predate the change). When the store does not answer (`unavailable`), an expired entry is
 * served rather than failing the request: a click or a beacon outlives a database outage.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private generation = 0;

  constructor(private readonly ttlMs: number, private readonly maxEntries: number) {}

  /** The fresh cached value, or undefined (not cached, or expired): no I/O. */
  peek(key: string, now: number): V | undefined {
    const hit = this.entries.get(key);
    return hit && now - hit.at < this.ttlMs ? hit.value : undefined;
  }

  /** The cached value, else `load()`'s, cached; `now` in ms. */
  async get(key: string, now: number, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const generation = this.generation;
    let value: V;
    try {
      value = await load();
    } catch (err) {
      if (hit && err instanceof AppError && err.code === 'unavailable') return hit.value;
      throw err;
    }
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, at: now });
    }
    return value;
  }

  /** Drops a key after a change (`null`: every key). */
  forget(key: string | null): void {
    this.generation++;
    if (key === null) this.entries.clear();
    else this.entries.delete(key);
  }
}
