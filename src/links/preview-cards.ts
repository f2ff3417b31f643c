// The card a chat app shows for a link: the link's own title/description/image, else the destination's, fetched once.
import type { MetaStore } from '../store/index.js';
import type { Link, PreviewCard } from '../store/types.js';
import { fetchPreviewCard } from './fetch-preview-card.js';

const REFRESH_AFTER_MS = 24 * 3600_000;

/** Caches destination cards in the metadata store; concurrent requests for one URL share one fetch. */
export class PreviewCards {
  private readonly inflight = new Map<string, Promise<PreviewCard>>();

  constructor(private readonly meta: MetaStore, private readonly allowPrivate: boolean) {}

  /**
   * The destination's card, fetched if missing or a day old. Never throws: failures come back as `ok: false`, and a
   * metadata store that does not answer only costs the cache (a chat app's preview must not fail for it).
   */
  async destinationCard(url: string, now: number): Promise<PreviewCard> {
    const cached = await this.meta.getPreviewCard(url).catch(() => null);
    if (cached && now - cached.fetchedAt < REFRESH_AFTER_MS) return cached;
    let pending = this.inflight.get(url);
    if (!pending) {
      pending = fetchPreviewCard(url, now, { allowPrivate: this.allowPrivate })
        .then(async (card) => {
          // A failed refresh keeps the last good card.
          const kept = !card.ok && cached?.ok ? { ...cached, fetchedAt: now } : card;
          await this.meta.putPreviewCard(kept).catch(() => undefined);
          return kept;
        })
        .finally(() => this.inflight.delete(url));
      this.inflight.set(url, pending);
    }
    return pending;
  }

  /** Title, description and image to show for a link: its own fields win, the destination's fill the gaps. */
  async cardFor(link: Link, now: number): Promise<{ title: string; description: string | null; image: string | null; siteName: string | null }> {
    const needsDestination = !link.title || !link.description || !link.image;
    const dest = needsDestination ? await this.destinationCard(link.url, now) : null;
    return {
      title: link.title ?? dest?.title ?? new URL(link.url).hostname,
      description: link.description ?? dest?.description ?? null,
      image: link.image ?? dest?.image ?? null,
      siteName: dest?.siteName ?? null,
    };
  }
}
