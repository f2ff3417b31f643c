// Durable event recording: append to the log (acknowledge after the write), load into the store in the background.
import type { FastifyBaseLogger } from 'fastify';
import { performance } from 'node:perf_hooks';
import type { StoredEvent } from '../store/types.js';
import type { SqliteEventStore } from '../store/sqlite/event-store.js';
import { EventLog, type Ack } from './event-log.js';
import { EventLoader } from './event-loader.js';

export type DropReason = 'bot' | 'invalid' | 'origin_not_allowed' | 'unknown_site' | 'privacy_signal' | 'spam_referrer';

export interface IngestOptions {
  /** How often the background loader looks for new lines, in ms. */
  loadIntervalMs?: number;
  /** Longest the loader may hold the event loop in one go, in ms. */
  sliceMs?: number;
  segmentBytes?: number;
}

/** Listener for stored events (the live feed, detectors). */
export type EventListener = (event: StoredEvent) => void;

/** Records events durably and keeps the event store loaded from the log. */
export class IngestService {
  readonly log: EventLog;
  private readonly loader: EventLoader;
  private timer: NodeJS.Timeout | null = null;
  private readonly dropped = new Map<string, number>();
  private readonly listeners = new Set<EventListener>();
  private readonly sliceMs: number;
  private closed = false;
  private resumeScheduled = false;
  private lastElu = performance.eventLoopUtilization();

  constructor(logDir: string, private readonly store: SqliteEventStore, private readonly log_: FastifyBaseLogger, options: IngestOptions = {}) {
    this.log = new EventLog(logDir, options.segmentBytes);
    this.loader = new EventLoader(logDir, store, {
      chunkBytes: 256 * 1024,
      onBadLine: (line, err) => log_.error({ err, line: line.slice(0, 200) }, 'unreadable event log line skipped'),
    });
    this.sliceMs = options.sliceMs ?? 8;
    store.catchUpHook = () => this.catchUp();
    this.timer = setInterval(() => this.loadInSlices(), options.loadIntervalMs ?? 200);
    this.timer.unref();
  }

  /** Appends one event; `ack` runs once it is durable (or with the error). */
  record(event: StoredEvent, ack: Ack): void {
    this.log.append(JSON.stringify(event) + '\n', (err) => {
      ack(err);
      if (!err) for (const l of this.listeners) l(event);
    });
  }

  /** Promise form of `record`. */
  recordAsync(event: StoredEvent): Promise<void> {
    return new Promise((resolve, reject) => this.record(event, (err) => (err ? reject(err) : resolve())));
  }

  /** Counts an event refused before storage, by reason (never silently lost). */
  drop(reason: DropReason): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Makes every acknowledged event visible to queries. */
  async catchUp(): Promise<void> {
    await this.log.drain();
    this.loader.catchUp();
    this.flushDropped();
  }

  private loadInSlices(): void {
    if (this.closed || this.resumeScheduled) return;
    const started = performance.now();
    try {
      while (this.loader.loadChunk() > 0) {
        if (performance.now() - started > this.sliceMs) {
          // Backlog left: come back after a pause three slices long, so loading takes at most a quarter of the
          // loop under sustained traffic; reads catch up in full anyway (catchUp).
          this.resumeScheduled = true;
          setTimeout(() => {
            this.resumeScheduled = false;
            this.loadInSlices();
          }, this.pauseAfterSlice()).unref();
          return;
        }
      }
      this.flushDropped();
    } catch (err) {
      this.log_.error({ err }, 'loading the event log failed; will retry');
    }
  }

  /**
   * How long to leave the loop to requests before the next slice, ms: back-to-back when the loop is idle, and up to
   * nineteen slices long (loading takes ~5 % of the loop) when requests keep it busy. Event-loop utilisation since
   * the last slice tells which; the log holds everything meanwhile, and reads catch up in full.
   */
  private pauseAfterSlice(): number {
    const elu = performance.eventLoopUtilization(this.lastElu);
    this.lastElu = performance.eventLoopUtilization();
    const busy = Math.min(1, Math.max(0, (elu.utilization - 0.5) / 0.4));
    return Math.round(this.sliceMs * (1 + 18 * busy));
  }

  private flushDropped(): void {
    if (this.dropped.size === 0) return;
    this.store.countDropped(this.dropped);
    this.dropped.clear();
  }

  /** Writes what is queued, loads it, and stops the background loader. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closed = true;
    await this.log.close();
    this.loader.catchUp();
    this.flushDropped();
  }
}
