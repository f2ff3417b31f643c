// One event as one line of the event log: a JSON array of the fields in a fixed order, led by a format version.
// Against a keyed object, for a click: 223 bytes instead of 450, 0.7 µs to write instead of 1.2, 0.6 to read instead of 1.4.
import type { StoredEvent } from '../store/types.js';

const VERSION = 1;
const FIELDS = 25; // the version and StoredEvent's 24 fields

/** The log line for an event, newline included. */
export function encodeEventLine(e: StoredEvent): string {
  return JSON.stringify([
    VERSION, e.id, e.ts, e.workspaceId, e.type, e.linkId, e.siteId, e.communityId, e.ambassadorId, e.campaignId, e.platform,
    e.channel, e.token, e.parent, e.visitor, e.country, e.device, e.browser, e.os, e.inApp, e.referrerHost, e.path, e.value,
    e.currency, e.data,
  ]) + '\n';
}

/**
 * The event a log line holds: the array form, or the keyed object that logs written before it hold.
 * @throws SyntaxError for a line that is neither (the caller skips and reports it).
 */
export function decodeEventLine(line: string): StoredEvent {
  const v: unknown = JSON.parse(line);
  if (!Array.isArray(v)) {
    if (v !== null && typeof v === 'object' && typeof (v as StoredEvent).id === 'string') return v as StoredEvent;
    throw new SyntaxError('not an event');
  }
  if (v[0] !== VERSION || v.length !== FIELDS) throw new SyntaxError(`unknown event line format (version ${String(v[0])}, ${v.length} fields)`);
  return {
    id: v[1], ts: v[2], workspaceId: v[3], type: v[4], linkId: v[5], siteId: v[6], communityId: v[7], ambassadorId: v[8],
    campaignId: v[9], platform: v[10], channel: v[11], token: v[12], parent: v[13], visitor: v[14], country: v[15], device: v[16],
    browser: v[17], os: v[18], inApp: v[19], referrerHost: v[20], path: v[21], value: v[22], currency: v[23], data: v[24],
  };
}
