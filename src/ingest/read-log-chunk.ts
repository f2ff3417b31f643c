// Reads whole lines of the event log after a position: the shared first half of the SQLite loader and the ClickHouse shipper.
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '../store/types.js';
import { decodeEventLine } from './event-line.js';
import { listSegments, segmentName } from './event-log.js';

/** A place in the log: segment number and byte offset in it. */
export interface LogPosition { segment: number; offset: number }

/** What lies after a position. */
export type LogChunk =
  /** Nothing whole to read yet. */
  | { kind: 'caught-up' }
  /** `segment` is read to its end and a newer one exists: move to `next` (offset 0); `file` may then be deleted. */
  | { kind: 'segment-done'; segment: number; next: number; file: string }
  /** Whole lines from `offset` (inclusive) to `end` (exclusive) of `segment`, without their newlines. */
  | { kind: 'lines'; segment: number; offset: number; end: number; lines: string[] };

/**
 * Reads at most `maxBytes` (grown only to fit one line longer than that) and at most `maxLines` whole lines after `from`.
 * Starts at the oldest segment present when `from` names a deleted one.
 */
export function readLogChunk(dir: string, from: LogPosition, maxBytes: number, maxLines = Infinity): LogChunk {
  const segments = listSegments(dir);
  if (segments.length === 0) return { kind: 'caught-up' };
  const segment = Math.max(from.segment, segments[0]);
  const offset = segment === from.segment ? from.offset : 0;
  const file = join(dir, segmentName(segment));
  if (!existsSync(file)) return { kind: 'caught-up' };
  const fd = openSync(file, 'r');
  let text: Buffer;
  let size: number;
  try {
    size = fstatSync(fd).size;
    let want = Math.min(maxBytes, Math.max(0, size - offset));
    for (;;) {
      const buf = Buffer.alloc(want);
      const read = want > 0 ? readSync(fd, buf, 0, want, offset) : 0;
      text = buf.subarray(0, read);
      // One line longer than maxBytes: read more rather than stall on it.
      if (text.lastIndexOf(0x0a) !== -1 || offset + read >= size) break;
      want = Math.min(want * 2, size - offset);
    }
  } finally {
    closeSync(fd);
  }
  let end = text.lastIndexOf(0x0a) + 1;
  if (end === 0) {
    const next = segments.find((s) => s > segment);
    if (next !== undefined && offset >= size) return { kind: 'segment-done', segment, next, file };
    return { kind: 'caught-up' };
  }
  let lines = text.subarray(0, end - 1).toString('utf8').split('\n');
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    end = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  }
  return { kind: 'lines', segment, offset, end: offset + end, lines };
}

/** Parses log lines into events; an unreadable line goes to `onBadLine` and is skipped. */
export function parseEventLines(lines: readonly string[], onBadLine?: (line: string, err: unknown) => void): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (const line of lines) {
    if (line === '') continue;
    try {
      events.push(decodeEventLine(line));
    } catch (err) {
      onBadLine?.(line, err);
    }
  }
  return events;
}

/**
 * Bytes written to the log after `from` and up to `to` (the writer's position), in bytes. Finished segments in between
 * are measured on disk; `sizes` caches them (they never change once the writer has moved on).
 */
export function logBytesBetween(dir: string, from: LogPosition, to: { segment: number; size: number }, sizes: Map<number, number>): number {
  if (to.segment === from.segment) return Math.max(0, to.size - from.offset);
  if (to.segment < from.segment) return 0;
  let total = to.size;
  for (let s = from.segment; s < to.segment; s++) {
    let size = sizes.get(s);
    if (size === undefined) {
      try {
        size = statSync(join(dir, segmentName(s))).size;
      } catch {
        size = 0; // deleted or never written
      }
      sizes.set(s, size);
    }
    total += s === from.segment ? Math.max(0, size - from.offset) : size;
  }
  for (const s of sizes.keys()) if (s < from.segment) sizes.delete(s);
  return total;
}
