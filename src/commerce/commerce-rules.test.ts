// Story of the small commerce rules: offer windows and limits, leaderboard order, revenue per member, the poll form.
import { describe, expect, it } from 'vitest';
import { rankAmbassadors } from './get-ambassador-leaderboard.js';
import { offerRefusal } from './offer-service.js';
import { renderPollPage, renderPollThanks } from './render-poll-pages.js';
import { withRevenuePerMember } from './revenue-per-member.js';

describe('offerRefusal', () => {
  const offer = { validFrom: 1000, validTo: 2000, maxUses: 2, uses: 0 };
  it('is usable from validFrom (inclusive) until validTo (exclusive)', () => {
    expect(offerRefusal(offer, 999)).toBe('not_yet_valid');
    expect(offerRefusal(offer, 1000)).toBeNull();
    expect(offerRefusal(offer, 1999)).toBeNull();
    expect(offerRefusal(offer, 2000)).toBe('expired');
  });
  it('is used up once every use is taken; no limit and no window means always usable', () => {
    expect(offerRefusal({ ...offer, uses: 2 }, 1500)).toBe('used_up');
    expect(offerRefusal({ validFrom: null, validTo: null, maxUses: null, uses: 10_000 }, 0)).toBeNull();
  });
});

describe('rankAmbassadors', () => {
  const people = [{ id: 'a', name: 'Ann', communityId: null }, { id: 'b', name: 'Bob', communityId: 'c1' }, { id: 'c', name: 'Cat', communityId: null }];
  const row = (key: string | null, visits: number, visitors: number, conversions: number, revenue: number) =>
    ({ key, visits, visitors, shares: 0, joins: 0, conversions, revenue, conversionRate: 0 });
  const rows = [row('a', 10, 8, 1, 5), row('b', 4, 4, 3, 5), row(null, 99, 99, 99, 99), row('gone', 50, 50, 50, 50)];
  it('sorts by the metric, then visits, then name, and keeps everyone (zeros for the inactive), nobody else', () => {
    expect(rankAmbassadors(people, rows, 'reach').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rankAmbassadors(people, rows, 'conversions').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(rankAmbassadors(people, rows, 'revenue').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rankAmbassadors(people, rows, 'revenue')[2]).toEqual({ id: 'c', name: 'Cat', community: null, visits: 0, visitors: 0, shares: 0, conversions: 0, revenue: 0 });
  });
});

describe('withRevenuePerMember', () => {
  it('divides revenue by members, rounded to cents; unknown, zero or absent communities get null', () => {
    const members = new Map<string, number | null>([['big', 3], ['zero', 0], ['unknown', null]]);
    const rows = withRevenuePerMember([{ key: 'big', revenue: 10 }, { key: 'zero', revenue: 5 }, { key: 'unknown', revenue: 5 }, { key: null, revenue: 1 }], members);
    expect(rows.map((r) => r.revenuePerMember)).toEqual([3.33, null, null, null]);
    expect(rows[0]).toEqual({ key: 'big', revenue: 10, members: 3, revenuePerMember: 3.33 });
  });
});

describe('poll pages', () => {
  it('escape the question, the options and the carried token', () => {
    const html = renderPollPage({ question: '"Q" <b>', options: ['<i>a</i>', 'b'], freeText: false }, { action: '/p/s', ls: 'tok"x', error: '<oops>' });
    expect(html).not.toMatch(/<b>|<i>|<oops>/);
    expect(html).toContain('&quot;Q&quot; &lt;b&gt;');
    expect(html).toContain('value="tok&quot;x"');
    expect(html).toContain('aria-describedby="poll-error"');
  });
  it('thank the visitor and offer the next link when there is one', () => {
    expect(renderPollThanks({ question: 'Q' }, false, 'http://lnt.test/next')).toContain('<a class="button" href="http://lnt.test/next">Continue</a>');
    expect(renderPollThanks({ question: 'Q' }, true, null)).not.toContain('<a ');
  });
});
