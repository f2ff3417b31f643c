import { describe, expect, it } from 'vitest';
import { createRandom, samplePoisson } from '../simulate-series.js';
import { detectCommunitySurge, type CommunityCounts } from './detect-community-surge.js';

const START = Date.UTC(2026, 2, 3, 9, 0);
const BUCKETS = 60;

/** A workspace with three communities bringing 10 %, 5 % and the rest of 20 visits a minute. */
function workspace(seed: number, extraForSmall: (bucket: number) => number) {
  const random = createRandom(seed);
  const big: number[] = [];
  const small: number[] = [];
  const totals: number[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const bigCount = samplePoisson(random, 2);
    const smallCount = samplePoisson(random, 1) + extraForSmall(b);
    const rest = samplePoisson(random, 17);
    big.push(bigCount);
    small.push(smallCount);
    totals.push(bigCount + smallCount + rest);
  }
  const communities: CommunityCounts[] = [
    { community: 'discord-fans', counts: big, historicalCount: 8_000 },
    { community: 'whatsapp-moms', counts: small, historicalCount: 4_000 },
  ];
  return { totals, communities };
}

const common = { scope: 'workspace-1', metric: 'visits', start: START, bucketMs: 60_000, historicalTotal: 80_000 };
const now = START + BUCKETS * 60_000;

describe('community surge detector', () => {
  it('flags a community whose share of visits jumps from 5 % to about a third', () => {
    const { totals, communities } = workspace(1, (b) => (b >= BUCKETS - 10 ? 8 : 0));
    const { outcomes, states } = detectCommunitySurge({ ...common, now, totals, communities });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].community).toBe('whatsapp-moms');
    expect(outcomes[0].event).toBe('opened');
    const alert = outcomes[0].alert!;
    expect(alert).toMatchObject({ kind: 'community_surge', subject: 'whatsapp-moms', window: 15 });
    expect(alert.observed).toBeGreaterThan(2 * alert.expected);
    expect(alert.probability).toBeLessThan(1e-5);
    expect(alert.series).toHaveLength(BUCKETS);
    expect(states['whatsapp-moms'].openAlert).toBeDefined();
    expect(states['discord-fans'].openAlert).toBeUndefined();
  });

  it('does not flag communities keeping their usual share, even when the whole workspace is busier', () => {
    for (const seed of [2, 3, 4]) {
      const { totals, communities } = workspace(seed, () => 0);
      const doubled = {
        totals: totals.map((t) => 2 * t),
        communities: communities.map((c) => ({ ...c, counts: c.counts.map((x) => 2 * x) })),
      };
      expect(detectCommunitySurge({ ...common, now, ...doubled }).outcomes, `seed ${seed}`).toHaveLength(0);
    }
  });

  it('keeps one alert per community open across evaluations', () => {
    const { totals, communities } = workspace(5, (b) => (b >= BUCKETS - 10 ? 8 : 0));
    const first = detectCommunitySurge({ ...common, now, totals, communities });
    const second = detectCommunitySurge({ ...common, now: now + 60_000, totals, communities, states: first.states });
    expect(second.outcomes.map((o) => o.event)).toEqual(['updated']);
  });
});
