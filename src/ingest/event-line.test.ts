import { describe, expect, test } from 'vitest';
import { buildEvent } from './build-event.js';
import { decodeEventLine, encodeEventLine } from './event-line.js';

describe('event log lines', () => {
  const full = buildEvent({
    ts: 1_700_000_000_123, workspaceId: 'ws_1', type: 'conversion', linkId: 'lnk_1', siteId: 'site_1', communityId: 'com_1',
    ambassadorId: 'amb_1', campaignId: 'spring', platform: 'whatsapp', channel: 'dark_social', token: 'tok', parent: 'par',
    visitor: 'v1', country: 'FR', device: 'mobile', browser: 'Safari', os: 'iOS', inApp: 'instagram', referrerHost: 'wa.me',
    path: '/p/1', value: 12.5, currency: 'EUR', data: { orderId: 'A-1', nested: { n: 1 }, text: 'line\nbreak "quoted"' },
  });

  test('an event survives the round trip, every field in place, on one line', () => {
    const line = encodeEventLine(full);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(decodeEventLine(line.slice(0, -1))).toEqual(full);
    const sparse = buildEvent({ ts: 1, workspaceId: 'ws_1', type: 'click' });
    expect(decodeEventLine(encodeEventLine(sparse).slice(0, -1))).toEqual(sparse);
  });

  test('is shorter than the keyed object', () => {
    expect(encodeEventLine(full).length).toBeLessThan(JSON.stringify(full).length * 0.75);
  });

  test('lines written as keyed objects (older logs) still read', () => {
    expect(decodeEventLine(JSON.stringify(full))).toEqual(full);
  });

  test('anything else is refused, not misread', () => {
    for (const line of ['[2,"x"]', '[1,"too","short"]', '{"no":"id"}', 'null', '42', '"text"', '[', '']) {
      expect(() => decodeEventLine(line), line).toThrow(SyntaxError);
    }
  });
});
