// Loads the event log into the event store off the hot path, exactly once: rows and checkpoint commit together.
import { unlink } from 'node:fs';
import type { StoredEvent } from '../store/types.js';
import { parseEventLines, readLogChunk } from './read-log-chunk.js';

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
    const chunk = readLogChunk(this.dir, cp, this.chunkBytes);
    if (chunk.kind === 'caught-up') return 0;
    if (chunk.kind === 'segment-done') {
      // Nothing whole left here and a newer segment exists: move on, and delete the finished one.
      // Deleted off the event loop: unlinking 64 MB whose pages are still being written back can take 100+ ms.
      if (this.sink.insertBatch([], { segment: chunk.next, offset: 0, loaded: cp.loaded }, cp)) unlink(chunk.file, () => undefined);
      return this.loadChunkUnguarded();
    }
    const events = parseEventLines(chunk.lines, this.options.onBadLine);
    this.sink.insertBatch(events, { segment: chunk.segment, offset: chunk.end, loaded: cp.loaded + events.length }, cp);
    return Math.max(events.length, 1);
  }
}
