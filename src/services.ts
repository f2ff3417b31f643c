// Builds the service graph once from configuration and stores; HTTP routes and CLI commands share it.
import type { FastifyBaseLogger } from 'fastify';
import { AlertService } from './alerts/alert-service.js';
import type { Config } from './config.js';
import { IngestService, type IngestOptions } from './ingest/ingest-service.js';
import { SiteCache } from './ingest/site-cache.js';
import { VisitorHasher } from './ingest/visitor-hash.js';
import { LinkService } from './links/link-service.js';
import { PreviewCards } from './links/preview-cards.js';
import { LiveFeed, liveEventView } from './live/live-feed.js';
import { LiveRelay } from './live/live-relay.js';
import type { Stores } from './store/index.js';

export interface Services {
  config: Readonly<Config>;
  stores: Stores;
  links: LinkService;
  cards: PreviewCards;
  hasher: VisitorHasher;
  ingest: IngestService;
  /** Sites for the collector, cached; a change on any node drops the entry. */
  sites: SiteCache;
  live: LiveFeed;
  alerts: AlertService;
  meta: Stores['meta'];
  now: () => number;
  close(): Promise<void>;
}

export interface ServiceOptions { now?: () => number; ingest?: IngestOptions }

/** Creates the services and loads today's visitor salt. */
export async function createServices(config: Readonly<Config>, stores: Stores, log: FastifyBaseLogger, options: ServiceOptions = {}): Promise<Services> {
  const now = options.now ?? Date.now;
  const hasher = new VisitorHasher((day) => stores.meta.getDailySalt(day));
  await hasher.rotate(now());
  const saltTimer = setInterval(() => void hasher.rotate(now()).catch((err) => log.error({ err }, 'salt rotation failed')), 60_000);
  saltTimer.unref();
  const ingest = new IngestService(stores.logDir, stores.events, log, options.ingest);
  const live = new LiveFeed();
  const relay = stores.changes.shared ? new LiveRelay(live, stores.changes) : null;
  ingest.onEvent((e) => {
    if (e.type !== 'bot') live.publish(e.workspaceId, 'event', () => liveEventView(e));
  });
  const sites = new SiteCache((id) => stores.meta.getSiteById(id));
  // A site changed on this node or another (NOTIFY through PostgreSQL): drop its cached copy.
  stores.changes.on('site', (id) => sites.forget(id));
  const alerts = new AlertService({ meta: stores.meta, events: stores.events, live, log, now, serverSecret: config.secret });
  return {
    config, stores, hasher, ingest, live, alerts, now, meta: stores.meta,
    sites,
    links: new LinkService(stores.meta, config.baseUrl),
    cards: new PreviewCards(stores.meta, config.previewAllowPrivate),
    async close() {
      clearInterval(saltTimer);
      relay?.close();
      await alerts.close();
      await ingest.close();
    },
  };
}
