// Durable event recording: append to the log (acknowledge after the write), then load it into SQLite or ship it to ClickHouse.
import type { FastifyBaseLogger } from 'fastify';
import { performance } from 'node:perf_hooks';
import { AppError } from '../errors.js';
import type { EventStore } from '../store/index.js';
import type { StoredEvent } from '../store/types.js';
import { encodeEventLine } from './event-line.js';
import { EventLog, type Ack } from './event-log.js';
import { EventLoader } from './event-loader.js';
import { EventShipper } from './event-shipper.js';
import { logBytesBetween } from './read-log-chunk.js';
import { WalCheckpointer } from './wal-checkpointer.js';

export type DropReason = 'bot' | 'invalid' | 'origin_not_allowed' | 'unknown_site' | 'privacy_signal' | 'spam_referrer';

export interface IngestOptions {
  /** How often the background loader looks for new lines, in ms. */
  loadIntervalMs?: number;
  /** Longest the loader may hold the event loop in one go, in ms. */
  sliceMs?: number;
  segmentBytes?: number;
  /** ClickHouse mode: longest a read waits for the shipper before answering 503, in ms. */
  catchUpTimeoutMs?: number;
  /** ClickHouse mode: pause between looks at an idle log, in ms. */
  shipIntervalMs?: number;
  /** ClickHouse mode: longest `close` spends shipping what is left, in ms (the rest stays in the log for next time). */
  closeDrainMs?: number;
}

/** Where the events stand: which store, whether it answers, and what waits in the log. */
export interface EventsStatus {
  store: 'sqlite' | 'clickhouse';
  /** The store answers a query. */
  reachable: boolean;
  /** Events are not getting through (the last batch failed, e.g. refused credentials or a dropped table). */
  failing: boolean;
  /** Log bytes not yet in the event store. */
  backlogBytes: number;
  /** Events refused because the spool was full (since start). */
  refused: number;
  lastError: string | null;
}

/** Listener for stored events (the live feed, detectors). */
export type EventListener = (event: StoredEvent) => void;

/** Records events durably and keeps the event store loaded from the log. */
export class IngestService {
  readonly log: EventLog;
  private readonly loader: EventLoader | null = null;
  private readonly shipper: EventShipper | null = null;
  private readonly spoolMaxBytes = Infinity;
  private readonly catchUpTimeoutMs: number;
  private readonly closeDrainMs: number;
  private readonly segmentSizes = new Map<number, number>();
  private refused = 0;
  private lastRefusalLog = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly dropped = new Map<string, number>();
  private readonly listeners = new Set<EventListener>();
  private readonly sliceMs: number;
  private closed = false;
  private resumeScheduled = false;
  private lastElu = performance.eventLoopUtilization();
  /** Events recorded since the loader's last slice: none means no traffic, so a backlog may load back to back. */
  private recordedSinceSlice = 0;
  private lastCheckpointElu = performance.eventLoopUtilization();
  /** Checkpoints the WAL off the event loop; null for an in-memory database, or if its thread stopped. */
  private checkpointer: WalCheckpointer | null = null;

  constructor(logDir: string, private readonly store: EventStore, private readonly log_: FastifyBaseLogger, options: IngestOptions = {}) {
    this.log = new EventLog(logDir, options.segmentBytes);
    const onBadLine = (line: string, err: unknown) => log_.error({ err, line: line.slice(0, 200) }, 'unreadable event log line skipped');
    this.sliceMs = options.sliceMs ?? 2;
    this.catchUpTimeoutMs = options.catchUpTimeoutMs ?? 10_000;
    this.closeDrainMs = options.closeDrainMs ?? 5000;
    store.catchUpHook = () => this.catchUp();
    if (store.dialect === 'clickhouse') {
      // The log is the spool: shipped in batches, kept while ClickHouse is down, bounded so a long outage cannot fill the disk.
      this.spoolMaxBytes = store.spoolMaxBytes;
      this.shipper = new EventShipper(logDir, store, {
        intervalMs: options.shipIntervalMs, onBadLine,
        onError: (err, backoffMs) => log_.warn({ err, backoffMs, backlogBytes: this.backlogBytes() }, 'shipping events to ClickHouse failed; they stay in the spool, retrying'),
        onRecovered: () => log_.info({ backlogBytes: this.backlogBytes() }, 'ClickHouse answers again; shipping the spool'),
      });
      this.shipper.start();
      return;
    }
    this.loader = new EventLoader(logDir, store, { chunkBytes: 32 * 1024, onBadLine });
    if (!store.db.memory) {
      this.checkpointer = new WalCheckpointer(store.db.name, (message) => log_.warn({ err: message }, 'WAL checkpoint failed; will retry'), (err) => {
        log_.error({ err }, 'the WAL checkpoint thread stopped; checkpointing on the main thread when it is quiet');
        this.checkpointer = null;
      });
    }
    this.timer = setInterval(() => this.loadInSlices(), options.loadIntervalMs ?? 200);
    this.timer.unref();
  }

  /** Appends one event; `ack` runs once it is durable (or with the error). */
  record(event: StoredEvent, ack: Ack): void {
    this.recordedSinceSlice++;
    if (this.shipper && this.shipper.backlogBytes(this.log.position) >= this.spoolMaxBytes) return this.refuse(ack);
    this.log.append(encodeEventLine(event), (err) => {
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

  /**
   * Makes every acknowledged event visible to queries.
   * @throws AppError unavailable (ClickHouse mode) when the shipper could not deliver them within the catch-up timeout.
   */
  async catchUp(): Promise<void> {
    await this.log.drain();
    this.flushDropped();
    if (!this.shipper) return this.loadUntil(this.log.position);
    // While ClickHouse is failing, the read would fail too: retry shipping now, and answer 503 soon rather than late.
    const failing = this.shipper.status.failing;
    if (failing) this.shipper.wake(true);
    await this.shipper.waitFor(this.log.position, failing ? Math.min(this.catchUpTimeoutMs, 2000) : this.catchUpTimeoutMs);
  }

  /**
   * Loads the log up to `target` (what was written when the read came in) in slices, yielding to other requests
   * between slices: a read waits for its own catch-up, the redirects around it do not.
   */
  private async loadUntil(target: { segment: number; size: number }): Promise<void> {
    const store = this.store;
    if (store.dialect !== 'sqlite' || !this.loader) return;
    const reached = () => {
      const cp = store.readCheckpoint();
      return cp.segment > target.segment || (cp.segment === target.segment && cp.offset >= target.size);
    };
    // A few idle turns without progress means everything written is loaded (e.g. another process moved the checkpoint).
    for (let idleTurns = 0; !reached() && idleTurns < 20; ) {
      const started = performance.now();
      let progressed = false;
      // At least one chunk per turn: on a loaded machine the slice can be over before the first check.
      do {
        if (this.loader.loadChunk() === 0) break;
        progressed = true;
      } while (!reached() && performance.now() - started < this.sliceMs);
      idleTurns = progressed ? 0 : idleTurns + 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Log bytes written and not yet in the event store. */
  backlogBytes(): number {
    if (this.shipper) return this.shipper.backlogBytes(this.log.position);
    if (this.store.dialect !== 'sqlite') return 0;
    return logBytesBetween(this.log.dir, this.store.readCheckpoint(), this.log.position, this.segmentSizes);
  }

  /** The event store's state for /readyz: queries ClickHouse (1 s at most) and retries shipping at once when it answers. */
  async eventsStatus(): Promise<EventsStatus> {
    if (this.store.dialect === 'sqlite') return { store: 'sqlite', reachable: true, failing: false, backlogBytes: this.backlogBytes(), refused: 0, lastError: null };
    const reachable = await this.store.ping(1000);
    const failing = this.shipper?.status.failing ?? false;
    if (reachable && failing) this.shipper?.wake(true);
    return { store: 'clickhouse', reachable, failing, backlogBytes: this.backlogBytes(), refused: this.refused, lastError: this.shipper?.status.lastError ?? null };
  }

  /** Refuses an event while the spool is full: the caller answers 503 and the sender may retry; never dropped silently. */
  private refuse(ack: Ack): void {
    this.refused++;
    const now = Date.now();
    if (now - this.lastRefusalLog > 10_000) {
      this.lastRefusalLog = now;
      this.log_.error({ refused: this.refused, spoolMaxBytes: this.spoolMaxBytes, lastError: this.shipper?.status.lastError }, 'event spool full (ClickHouse not taking events): refusing new events');
    }
    ack(new AppError('unavailable', `the event spool is full (${this.spoolMaxBytes} bytes waiting for ClickHouse); try again later`, { details: { spoolMaxBytes: this.spoolMaxBytes } }));
  }

  private loadInSlices(): void {
    if (this.closed || this.resumeScheduled || !this.loader) return;
    const started = performance.now();
    try {
      while (this.loader.loadChunk() > 0) {
        if (performance.now() - started > this.sliceMs) {
          // Backlog left: come back after a pause three slices long, so loading takes at most a quarter of the
          // loop under sustained traffic; reads catch up in full anyway (catchUp).
          this.checkpointWhenQuiet();
          this.resumeScheduled = true;
          const resume = () => {
            this.resumeScheduled = false;
            this.loadInSlices();
          };
          const pause = this.pauseAfterSlice();
          if (pause === 0) setImmediate(resume);
          else setTimeout(resume, pause).unref();
          return;
        }
      }
      this.recordedSinceSlice = 0;
      this.flushDropped();
      this.checkpointWhenQuiet();
    } catch (err) {
      this.log_.error({ err }, 'loading the event log failed; will retry');
    }
  }

  /**
   * How long to leave the loop to requests before the next slice, ms: none when no event came in since the last slice
   * (back to back: a backlog drains at full speed, other requests still get the loop between slices), and from one
   * to nineteen slices long (loading then takes ~5 % of the loop) as event-loop utilisation since the last slice says
   * requests keep it busy. The log holds everything meanwhile, and reads catch up in full.
   */
  private pauseAfterSlice(): number {
    const elu = performance.eventLoopUtilization(this.lastElu);
    this.lastElu = performance.eventLoopUtilization();
    const recorded = this.recordedSinceSlice;
    this.recordedSinceSlice = 0;
    if (recorded === 0) return 0;
    const busy = Math.min(1, Math.max(0, (elu.utilization - 0.5) / 0.4));
    return Math.round(this.sliceMs * (1 + 18 * busy));
  }

  /**
   * Without the checkpoint thread: checkpoints the SQLite WAL when the loop has room (utilisation under 60 %) or the
   * WAL passed 256 MB.
   */
  private checkpointWhenQuiet(): void {
    const store = this.store;
    if (store.dialect !== 'sqlite' || this.checkpointer) return;
    const wal = store.walBytes();
    if (wal === 0) return;
    const elu = performance.eventLoopUtilization(this.lastCheckpointElu);
    this.lastCheckpointElu = performance.eventLoopUtilization();
    if (elu.utilization < 0.6 || wal > 256 * 1024 * 1024) store.checkpoint();
  }

  private flushDropped(): void {
    if (this.dropped.size === 0) return;
    this.store.countDropped(this.dropped);
    this.dropped.clear();
  }

  /** Writes what is queued, loads it (ships what it can, briefly, in ClickHouse mode), and stops the background work. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closed = true;
    await this.log.close();
    await this.checkpointer?.close();
    this.checkpointer = null;
    this.loader?.catchUp();
    await this.shipper?.close(this.log.position, this.closeDrainMs);
    this.flushDropped();
  }
}
