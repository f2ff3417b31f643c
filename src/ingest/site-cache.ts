// The collector's site lookups, cached: sites rarely change, and the API forgets a site here whenever it changes one.
import type { Site } from '../store/types.js';

/** Backstop for changes this process does not see (a CLI command on the same data dir), ms. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** Sites by id, unknown ids included (a probe for a missing site costs no query either). */
export class SiteCache {
  private readonly entries = new Map<string, { site: Site | null; at: number }>();
  /** Bumped by `forget`: a lookup that started before a change must not cache what it read. */
  private generation = 0;

  constructor(private readonly load: (id: string) => Promise<Site | null>) {}

  /** The site with this id, or null when there is none; `now` in ms. */
  async get(id: string, now: number): Promise<Site | null> {
    const hit = this.entries.get(id);
    if (hit && now - hit.at < TTL_MS) return hit.site;
    const generation = this.generation;
    const site = await this.load(id);
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(id, { site, at: now });
    }
    return site;
  }

  /** Drops the cached copy after the site was created, updated or deleted; `null` drops every site. */
  forget(id: string | null): void {
    this.generation++;
    if (id === null) this.entries.clear();
    else this.entries.delete(id);
  }
}
