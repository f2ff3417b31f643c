import { describe, expect, it } from 'vitest';
import type { AlertView } from './alert-views.js';
import { describeAlert, renderWebhookBody, webhookFormatOf } from './webhook-formats.js';

const surge: AlertView = {
  id: 'alr_1', rule: 'rul_1', kind: 'surge', scope: 'link', target: 'lnk_1', label: 'link /launch', metric: 'shares', subject: null,
  status: 'open', startedAt: '2026-01-07T14:00:00.000Z', updatedAt: '2026-01-07T14:03:00.000Z', endedAt: null, observed: 52,
  expected: 10.4, probability: 2e-9, minProbability: 2e-9, window: 3, peak: 20, peakAt: '2026-01-07T14:02:00.000Z', suppressed: false,
  evidence: { seriesStart: '2026-01-07T13:03:00.000Z', bucketMs: 60_000, series: [1, 2, 20], baseline: [2, 2, 2] }, createdAt: '2026-01-07T14:03:05.000Z',
};
const message = { event: 'alert.opened' as const, delivery: 'whd_1', workspace: { id: 'ws_1', slug: 'default' }, alert: surge };

describe('webhookFormatOf', () => {
  it('recognises Slack incoming webhooks and Discord webhooks from the URL alone', () => {
    expect(webhookFormatOf('https://hooks.slack.com/services/T000/B000/XXXX')).toBe('slack');
    expect(webhookFormatOf('https://discord.com/api/webhooks/123/abc')).toBe('discord');
    expect(webhookFormatOf('https://discordapp.com/api/webhooks/123/abc')).toBe('discord');
    expect(webhookFormatOf('https://discord.com/api/v10/webhooks/123/abc')).toBe('discord');
  });

  it('gives generic JSON to everything else, look-alikes and plain http included', () => {
    for (const url of [
      'https://example.com/hooks', 'http://hooks.slack.com/services/T/B/X', 'https://hooks.slack.com/workflows/T/A/1',
      'https://hooks.slack.com.evil.example/services/T/B/X', 'https://discord.com/channels/1/2', 'https://evil.example/api/webhooks/1/a',
      'http://127.0.0.1:9000/discord.com/api/webhooks/1', 'not a url',
    ]) expect(webhookFormatOf(url), url).toBe('json');
  });
});

describe('renderWebhookBody', () => {
  it('generic JSON carries the event, the delivery id, the whole alert and the workspace', () => {
    expect(JSON.parse(renderWebhookBody('json', message))).toEqual({ event: 'alert.opened', delivery: 'whd_1', alert: surge, workspace: { id: 'ws_1', slug: 'default' } });
  });

  it('Slack gets text and blocks that say what surged, by how much', () => {
    const body = JSON.parse(renderWebhookBody('slack', message));
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
    expect(body.text).toBe('Shares surge on link /launch: 52 shares in the last 3 min, 10.4 expected (chance ≈ 2.0e-9).');
    expect(body.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: expect.stringMatching(/^\*Shares surge on link \/launch\*\n52 shares/) } });
    expect(body.blocks[1].elements[0].text).toContain('alert alr_1');
  });

  it('Discord gets content and an embed with the numbers', () => {
    const body = JSON.parse(renderWebhookBody('discord', { ...message, event: 'alert.closed', alert: { ...surge, status: 'closed' } }));
    expect(Object.keys(body).sort()).toEqual(['content', 'embeds']);
    expect(body.content).toBe('Resolved: Shares surge on link /launch');
    expect(body.embeds[0]).toMatchObject({ title: 'Resolved: Shares surge on link /launch', timestamp: surge.updatedAt });
    expect(body.embeds[0].fields).toEqual([
      { name: 'Observed', value: '52', inline: true }, { name: 'Expected', value: '10.4', inline: true }, { name: 'Status', value: 'closed', inline: true },
    ]);
  });

  it('a test event renders without an alert in every format', () => {
    const test = { ...message, event: 'test' as const, alert: null };
    expect(JSON.parse(renderWebhookBody('json', test)).alert).toBeNull();
    expect(JSON.parse(renderWebhookBody('slack', test)).text).toMatch(/^Lantern test message/);
    expect(JSON.parse(renderWebhookBody('discord', test)).content).toBe('Lantern test message');
  });
});

describe('describeAlert', () => {
  it('names the platform of a new-platform alert and the community of a community surge', () => {
    expect(describeAlert('alert.opened', { ...surge, kind: 'new_platform', subject: 'telegram', observed: 1, probability: null }).title)
      .toBe('Link /launch was shared into telegram for the first time');
    expect(describeAlert('alert.opened', { ...surge, kind: 'community_surge', label: 'community VIP', metric: 'visits' }).title)
      .toBe('Community VIP brings an unusual share of visits');
  });
});
