// Ships the event log to ClickHouse in batches, checkpointing after each acknowledged batch; the log is the spool while it is down.
import { unlink } from 'node:fs';
import { AppError } from '../errors.js';
import type { StoredEvent } from '../store/types.js';
import { logBytesBetween, parseEventLines, readLogChunk, type LogPosition } from './read-log-chunk.js';

/** How far the log has been shipped; `inflight` marks a batch sent whose acknowledgement was not recorded. */
export interface ShipCheckpoint extends LogPosition { shipped: number; inflight: LogPosition | null }

/** Where the checkpoint and the lease live (the SQLite file in ClickHouse mode). */
export interface ShipStatePort {
  readCheckpoint(): ShipCheckpoint;
  writeCheckpoint(cp: ShipCheckpoint): void;
  acquireLease(now: number, ttlMs: number): boolean;
  releaseLease(): void;
}

/** Where events go: an insert acknowledged by the server, and a lookup of ids it already holds. */
export interface ShipTarget {
  readonly shipState: ShipStatePort;
  insertEvents(events: readonly StoredEvent[]): Promise<void>;
  findStoredIds(events: readonly StoredEvent[]): Promise<Set<string>>;
}

/** Batch sizes, pauses and callbacks of the shipper (defaults: 10k rows, 4 MiB, 1 s idle, 100 ms → 30 s backoff, 60 s lease). */
export interface ShipperOptions {
  /** Most events per insert. */
  maxBatchRows?: number;
  /** Most log bytes per insert. */
  maxBatchBytes?: number;
  /** Pause between looks at an idle log, ms (each insert makes a ClickHouse part: fewer, larger inserts merge better). */
  intervalMs?: number;
  /** First and longest pause between retries while ClickHouse fails, ms (doubling in between). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Lifetime of the shipping lease, ms; renewed before each insert. */
  leaseTtlMs?: number;
  onBadLine?: (line: string, err: unknown) => void;
  onError?: (err: unknown, backoffMs: number) => void;
  onRecovered?: () => void;
}

interface Waiter { target: { segment: number; size: number }; resolve: () => void }

/** The writer's end of the log (EventLog.position). */
export type WriterPosition = { segment: number; size: number };

function isShippable(e: StoredEvent): boolean {
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && Number.isSafeInteger(e.ts) && typeof e.workspaceId === 'string'
    && typeof e.type === 'string' && typeof e.platform === 'string' && typeof e.channel === 'string';
}

/** One shipper per log folder ships (a lease in the shared state); the others only follow the checkpoint. */
export class EventShipper {
  private readonly o: Required<Omit<ShipperOptions, 'onBadLine' | 'onError' | 'onRecovered'>>;
  private cp: ShipCheckpoint;
  private readonly sizes = new Map<number, number>();
  private waiters: Waiter[] = [];
  private backoffMs = 0;
  private leaseUntil = 0;
  private leader = false;
  private stopping = false;
  private loopDone: Promise<void> | null = null;
  private wakeSleep: (() => void) | null = null;
  private sleepingForBackoff = false;
  /** Last failure message while ClickHouse fails; null once a batch went through. */
  lastError: string | null = null;

  constructor(private readonly dir: string, private readonly target: ShipTarget, private readonly options: ShipperOptions = {}) {
    this.o = {
      maxBatchRows: options.maxBatchRows ?? 10_000, maxBatchBytes: options.maxBatchBytes ?? 4 * 1024 * 1024,
      intervalMs: options.intervalMs ?? 1000, minBackoffMs: options.minBackoffMs ?? 100, maxBackoffMs: options.maxBackoffMs ?? 30_000,
      leaseTtlMs: options.leaseTtlMs ?? 60_000,
    };
    this.cp = target.shipState.readCheckpoint();
  }

  /** Starts the background loop. */
  start(): void {
    this.loopDone ??= this.loop();
  }

  /** Bytes of the log written up to `writer` and not yet shipped. */
  backlogBytes(writer: WriterPosition): number {
    return logBytesBetween(this.dir, this.cp, writer, this.sizes);
  }

  /** Where shipping stands. */
  get status(): { leader: boolean; failing: boolean; lastError: string | null; checkpoint: ShipCheckpoint } {
    return { leader: this.leader, failing: this.lastError !== null, lastError: this.lastError, checkpoint: this.cp };
  }

  /** Looks at the log now instead of after the idle pause; `retryNow` also cuts a retry pause short (ClickHouse answers again). */
  wake(retryNow = false): void {
    if (this.sleepingForBackoff && !retryNow) return;
    this.wakeSleep?.();
  }

  /**
   * Resolves once everything written up to `writer` is in ClickHouse.
   * @throws AppError unavailable after `timeoutMs` (ms), with the backlog and the last ClickHouse error.
   */
  waitFor(writer: WriterPosition, timeoutMs: number): Promise<void> {
    if (this.reached(writer)) return Promise.resolve();
    this.wake();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { target: writer, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const backlog = this.backlogBytes(writer);
        reject(new AppError('unavailable', `recent events are still waiting for ClickHouse (${backlog} bytes in the spool${this.lastError ? `; last error: ${this.lastError}` : ''}); they are safe and will be counted once it answers`,
          { details: { backlogBytes: backlog } }));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Ships what it can within `drainMs` (ms, as lease holder only), then stops and gives the lease up. Unshipped events stay in the log. */
  async close(writer: WriterPosition, drainMs: number): Promise<void> {
    if (this.leader && drainMs > 0) await this.waitFor(writer, drainMs).catch(() => undefined);
    this.stopping = true;
    this.wake(true);
    await this.loopDone;
    if (this.leader) this.target.shipState.releaseLease();
    this.leader = false;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let progressed = false;
      try {
        progressed = await this.step();
        if (this.lastError !== null && this.leader) {
          this.lastError = null;
          this.options.onRecovered?.();
        }
        this.backoffMs = 0;
      } catch (err) {
        this.backoffMs = Math.min(this.o.maxBackoffMs, Math.max(this.o.minBackoffMs, this.backoffMs * 2));
        this.lastError = err instanceof Error ? err.message.split('\n')[0] : String(err);
        this.options.onError?.(err, this.backoffMs);
        await this.sleep(this.backoffMs, true);
        continue;
      }
      this.notifyWaiters();
      if (!progressed) await this.sleep(this.waiters.length > 0 && !this.leader ? 50 : this.o.intervalMs, false);
    }
  }

  /** Ships one batch (or moves past one finished segment). Returns whether anything moved. */
  private async step(): Promise<boolean> {
    const state = this.target.shipState;
    const now = Date.now();
    if (now >= this.leaseUntil - this.o.leaseTtlMs / 2) {
      this.leader = state.acquireLease(now, this.o.leaseTtlMs);
      this.leaseUntil = this.leader ? now + this.o.leaseTtlMs : 0;
    }
    const cp = state.readCheckpoint();
    this.cp = cp;
    if (!this.leader) return false;
    const chunk = readLogChunk(this.dir, cp, this.o.maxBatchBytes, this.o.maxBatchRows);
    if (chunk.kind === 'caught-up') return false;
    if (chunk.kind === 'segment-done') {
      this.cp = { ...cp, segment: chunk.next, offset: 0, inflight: null };
      state.writeCheckpoint(this.cp);
      // Off the event loop, as in the loader: unlinking a large file can block for 100+ ms.
      unlink(chunk.file, () => undefined);
      return true;
    }
    let events = parseEventLines(chunk.lines, this.options.onBadLine).filter((e) => {
      if (isShippable(e)) return true;
      this.options.onBadLine?.(JSON.stringify(e), new Error('not an event: id, ts, workspaceId, type, platform or channel missing'));
      return false;
    });
    const start = { segment: chunk.segment, offset: chunk.offset };
    if (cp.inflight && cp.inflight.segment === start.segment && cp.inflight.offset === start.offset) {
      // This batch may have reached ClickHouse before a crash or a lost answer: send only what it does not hold.
      const stored = await this.target.findStoredIds(events);
      events = events.filter((e) => !stored.has(e.id));
    } else {
      state.writeCheckpoint({ ...cp, inflight: start });
    }
    await this.target.insertEvents(events);
    this.cp = { segment: chunk.segment, offset: chunk.end, shipped: cp.shipped + events.length, inflight: null };
    state.writeCheckpoint(this.cp);
    return true;
  }

  /** Whether everything up to `writer` is shipped (empty or missing segments in between count as shipped). */
  private reached(writer: WriterPosition): boolean {
    return this.cp.segment > writer.segment || this.backlogBytes(writer) === 0;
  }

  private notifyWaiters(): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (this.reached(w.target)) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  private sleep(ms: number, backoff: boolean): Promise<void> {
    if (this.stopping) return Promise.resolve();
    this.sleepingForBackoff = backoff;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleep = null;
        this.sleepingForBackoff = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakeSleep = done;
    });
  }
}
