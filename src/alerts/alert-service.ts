// The alerting service graph: rules, alerts, webhooks, the delivery worker and the scheduler, started and closed together.
import type { FastifyBaseLogger } from 'fastify';
import { notFound } from '../errors.js';
import type { LiveFeed } from '../live/live-feed.js';
import type { MetaStore } from '../store/index.js';
import type { EventReader, Page } from '../store/types.js';
import { AlertRecorder } from './alert-recorder.js';
import { AlertScheduler } from './alert-scheduler.js';
import { openAlertTables, type AlertTables } from './alert-tables.js';
import type { StoredAlert } from './alert-types.js';
import { RuleService } from './rule-service.js';
import { DeliveryWorker } from './webhook-delivery.js';
import { WebhookService } from './webhook-service.js';

export interface AlertServiceDeps {
  meta: MetaStore;
  events: EventReader;
  live: LiveFeed;
  log: FastifyBaseLogger;
  now: () => number;
  /** The server secret (LANTERN_SECRET): webhook signing secrets are sealed with a key derived from it. */
  serverSecret: string;
}

export interface AlertFilter { status?: 'open' | 'closed'; kind?: string; limit: number; cursor: string | null }

/** Everything alerting; `start()` begins the background work (scheduler, deliveries), `close()` ends it. */
export class AlertService {
  readonly tables: AlertTables;
  readonly rules: RuleService;
  readonly webhooks: WebhookService;
  readonly deliveries: DeliveryWorker;
  readonly scheduler: AlertScheduler;
  private started = false;

  constructor(deps: AlertServiceDeps) {
    this.tables = openAlertTables(deps.meta.sql);
    const log = typeof deps.log.child === 'function' ? deps.log.child({ module: 'alerts' }) : deps.log;
    this.rules = new RuleService(this.tables, deps.meta, deps.now);
    this.deliveries = new DeliveryWorker(this.tables, deps.serverSecret, deps.now, log);
    this.webhooks = new WebhookService(this.tables, this.deliveries, deps.serverSecret, deps.now, async (id) => {
      const ws = await deps.meta.getWorkspace(id);
      return { id, slug: ws?.slug ?? id };
    });
    const recorder = new AlertRecorder(this.tables, this.webhooks, deps.live, deps.meta, log);
    this.scheduler = new AlertScheduler({ meta: deps.meta, events: deps.events, rules: this.rules, recorder, log, now: deps.now });
  }

  /** Starts the delivery worker and the minute scheduler (idempotent). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.deliveries.start();
    this.scheduler.start();
  }

  /** Alerts newest first, optionally only open or closed ones, or one kind. */
  listAlerts(workspaceId: string, filter: AlertFilter): Promise<Page<StoredAlert>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push(' AND status = ?');
      params.push(filter.status);
    }
    if (filter.kind) {
      where.push(' AND kind = ?');
      params.push(filter.kind);
    }
    return this.tables.alerts.list(workspaceId, filter.limit, filter.cursor, where.join(''), params);
  }

  /** @throws AppError not_found (also for another workspace's alert). */
  async getAlert(workspaceId: string, id: string): Promise<StoredAlert> {
    return (await this.tables.alerts.get(workspaceId, id)) ?? notFound('alert', id);
  }

  /** Stops the scheduler and the worker, waiting for a run or sends in progress. */
  async close(): Promise<void> {
    await this.scheduler.close();
    await this.deliveries.close();
  }
}
