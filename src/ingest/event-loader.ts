// Loads the event log into the event store off the hot path, exactly once: rows and checkpoint commit together.
import { closeSync, existsSync, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '../store/types.js';
import { listSegments, segmentName } from './event-log.js';

export interface Checkpoint { segment: number; offset: number; loaded: number }

/** Where loaded events go: one call stores a batch and the checkpoint atomically. */
export interface EventSink {
  readCheckpoint(): Checkpoint;
  /** Stores the batch and moves the checkpoint, only if it is still `expected`; false when another loader moved it. */
  insertBatch(events: StoredEvent[], checkpoint: Checkpoint, expected: Checkpoint): boolean;
}

export interface LoaderOptions {
  /** Largest read from the log at once, in bytes. */
  chunkBytes?: number;
  /** Called for a line that cannot be parsed (kept in the log, skipped in the store). */
  onBadLine?: (line: string, err: unknown) => void;
}

/** Reads whole lines after the checkpoint, segment by segment, and hands them to the sink. */
export class EventLoader {
  private readonly chunkBytes: number;
  private busy = false;

  constructor(private readonly dir: string, private readonly sink: EventSink, private readonly options: LoaderOptions = {}) {
    this.chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  }

  /**
   * Loads one chunk. Returns the number of events stored; 0 means caught up.
   * Finished segments (a newer one exists and everything was read) are deleted.
   */
  loadChunk(): number {
    if (this.busy) return 0;
    this.busy = true;
    try {
      return this.loadChunkUnguarded();
    } finally {
      this.busy = false;
    }
  }

  /** Loads until caught up with what is written now. Returns the number of events stored. */
  catchUp(): number {
    let total = 0;
    for (let n = this.loadChunk(); n > 0; n = this.loadChunk()) total += n;
    return total;
  }

  private loadChunkUnguarded(): number {
    const cp = this.sink.readCheckpoint();
    const segments = listSegments(this.dir);
    if (segments.length === 0) return 0;
    const segment = Math.max(cp.segment, segments[0]);
    let offset = segment === cp.segment ? cp.offset : 0;
    const file = join(this.dir, segmentName(segment));
    if (!existsSync(file)) return 0;
    const fd = openSync(file, 'r');
    let buf: Buffer;
    let read: number;
    let size: number;
    try {
      size = fstatSync(fd).size;
      buf = Buffer.alloc(Math.min(this.chunkBytes, Math.max(0, size - offset)));
      read = buf.length > 0 ? readSync(fd, buf, 0, buf.length, offset) : 0;
    } finally {
      closeSync(fd);
    }
    const end = buf.subarray(0, read).lastIndexOf(0x0a) + 1;
    if (end === 0) {
      // Nothing whole left here: move on once a newer segment exists and this one is fully read.
      const newer = segments.find((s) => s > segment);
      if (newer !== undefined && offset >= size) {
        if (this.sink.insertBatch([], { segment: newer, offset: 0, loaded: cp.loaded }, cp) && existsSync(file)) unlinkSync(file);
        return this.loadChunkUnguarded();
      }
      return 0;
    }
    const events: StoredEvent[] = [];
    for (const line of buf.subarray(0, end).toString('utf8').split('\n')) {
      if (line === '') continue;
      try {
        events.push(JSON.parse(line) as StoredEvent);
      } catch (err) {
        this.options.onBadLine?.(line, err);
      }
    }
    offset += end;
    this.sink.insertBatch(events, { segment, offset, loaded: cp.loaded + events.length }, cp);
    return Math.max(events.length, 1);
  }
}
