// The collector's site lookups, cached: sites rarely change, and any node's change to a site drops it here.
import { ReadCache } from '../store/read-cache.js';
import type { Site } from '../store/types.js';

/** Backstop for changes this process does not hear of (a CLI command on the same data dir), ms. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** Sites by id, unknown ids included (a probe for a missing site costs no query either). */
export class SiteCache {
  private readonly cache = new ReadCache<Site | null>(TTL_MS, MAX_ENTRIES);

  constructor(private readonly load: (id: string) => Promise<Site | null>) {}

  /** The site with this id, or null when there is none; `now` in ms. */
  get(id: string, now: number): Promise<Site | null> {
    return this.cache.get(id, now, () => this.load(id));
  }

  /** The cached site (null: cached as unknown), or undefined when it must be loaded: no I/O, no await. */
  peek(id: string, now: number): Site | null | undefined {
    return this.cache.peek(id, now);
  }

  /** Drops the cached copy after the site was created, updated or deleted; `null` drops every site. */
  forget(id: string | null): void {
    this.cache.forget(id);
  }
}
