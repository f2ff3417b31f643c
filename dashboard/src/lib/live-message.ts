// Reads a live-feed message into what the Live page shows, whatever extra fields the server adds.
import type { LiveMessage } from '../api/types';

export interface LiveEntry {
  id: string;
  kind: 'event' | 'alert';
  /** ISO time of the event or alert; the arrival time when the message has none. */
  ts: string;
  eventType: string | null;
  platform: string | null;
  channel: string | null;
  country: string | null;
  /** Link id, when the event came through a tracked link. */
  link: string | null;
  /** Page path or referrer host: where it happened, for site events. */
  where: string | null;
  /** An alert's message. */
  text: string | null;
}

type Fields = Record<string, unknown>;
const KINDS = new Set(['event', 'alert']);

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(fields: Fields, ...names: string[]): string | null {
  for (const name of names) {
    const value = fields[name];
    if (typeof value === 'string' && value) return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/**
 * Parses one SSE `data:` payload; null when it is not a message the dashboard understands. `sseEvent` is the SSE
 * event name (`event`, `alert`, or `message` when unnamed): it tells the kind when the payload's own `type` field
 * carries the event type (`click`, `preview`, …) instead.
 */
export function parseLiveMessage(data: string, sseEvent = 'message'): LiveMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null; // Comments and keep-alives are not JSON.
  }
  if (!isRecord(value)) return null;
  if (typeof value.type === 'string' && KINDS.has(value.type)) return value as LiveMessage;
  if (sseEvent === 'event' || sseEvent === 'alert') return { ...value, type: sseEvent, eventType: value.eventType ?? value.type };
  return null;
}

let sequence = 0;

export function toLiveEntry(message: LiveMessage, receivedAt: Date): LiveEntry {
  const nested = message.type === 'event' ? message.event : message.alert;
  const fields: Fields = isRecord(nested) ? nested : message;
  const ownType = fields === message ? null : text(fields, 'type');
  const tsValue = fields.ts ?? fields.at ?? fields.time ?? message.ts;
  const ts = typeof tsValue === 'number' ? new Date(tsValue).toISOString() : typeof tsValue === 'string' ? tsValue : receivedAt.toISOString();
  sequence += 1;
  return {
    id: `${text(fields, 'id') ?? ''}-${sequence}`,
    kind: message.type,
    ts,
    eventType: text(fields, 'eventType', 'kind') ?? ownType,
    platform: text(fields, 'platform'),
    channel: text(fields, 'channel'),
    country: text(fields, 'country'),
    link: text(fields, 'link', 'linkId'),
    where: text(fields, 'path', 'referrer'),
    text: text(fields, 'message', 'title', 'summary', 'rule', 'ruleName'),
  };
}
