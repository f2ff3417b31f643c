import { describe, expect, it } from 'vitest';
import { detectNewPlatforms } from './detect-new-platform.js';

const T = Date.UTC(2026, 2, 3, 10, 15);

describe('new platform detector', () => {
  it('announces the first share into a platform once, and never a known one', () => {
    const first = detectNewPlatforms({
      scope: 'link-1',
      now: T + 60_000,
      bucketStart: T,
      bucketMs: 60_000,
      knownPlatforms: new Set(['whatsapp', 'telegram']),
      latest: { whatsapp: 4, discord: 1 },
    });
    expect(first.alerts).toHaveLength(1);
    expect(first.alerts[0]).toMatchObject({
      kind: 'new_platform',
      scope: 'link-1',
      metric: 'shares',
      subject: 'discord',
      observed: 1,
      expected: 0,
      startedAt: T,
      probability: null,
    });
    expect([...first.knownPlatforms].sort()).toEqual(['discord', 'telegram', 'whatsapp']);

    const next = detectNewPlatforms({
      scope: 'link-1',
      now: T + 120_000,
      bucketStart: T + 60_000,
      bucketMs: 60_000,
      knownPlatforms: first.knownPlatforms,
      latest: { discord: 9, whatsapp: 2 },
    });
    expect(next.alerts).toHaveLength(0);
  });

  it('does not modify the known set it was given, and ignores zero counts', () => {
    const known = new Set(['slack']);
    const { alerts } = detectNewPlatforms({
      scope: 'page:/pricing',
      now: T,
      bucketStart: T,
      bucketMs: 60_000,
      knownPlatforms: known,
      latest: { teams: 0, signal: 2 },
    });
    expect(alerts.map((a) => a.subject)).toEqual(['signal']);
    expect([...known]).toEqual(['slack']);
  });

  it('remembers but never announces platforms that name nowhere (unknown, other)', () => {
    const { alerts, knownPlatforms } = detectNewPlatforms({
      scope: 'link-2',
      now: T,
      bucketStart: T,
      bucketMs: 60_000,
      knownPlatforms: [],
      latest: { unknown: 3, other: 1 },
    });
    expect(alerts).toHaveLength(0);
    expect(knownPlatforms.has('unknown')).toBe(true);
  });
});
