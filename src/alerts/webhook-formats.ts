// What a webhook target receives: Slack and Discord message formats chosen from the URL, generic JSON otherwise.
import type { WebhookEvent } from './alert-types.js';
import type { AlertView } from './alert-views.js';

export type WebhookFormat = 'slack' | 'discord' | 'json';

/** One message to render: the event, the delivery id, the workspace and the alert (null for `test`). */
export interface WebhookMessage {
  event: WebhookEvent;
  delivery: string;
  workspace: { id: string; slug: string };
  alert: AlertView | null;
}

const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com']);

/**
 * The format a URL gets, from the URL alone: Slack incoming webhooks (`https://hooks.slack.com/services/…`),
 * Discord webhooks (`https://discord.com/api/webhooks/…`, also discordapp.com and `/api/v10/webhooks/…`), JSON otherwise.
 */
export function webhookFormatOf(url: string): WebhookFormat {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'json';
  }
  if (u.protocol !== 'https:') return 'json';
  const host = u.hostname.toLowerCase();
  if (host === 'hooks.slack.com' && u.pathname.startsWith('/services/')) return 'slack';
  if (DISCORD_HOSTS.has(host) && /^\/api(\/v\d+)?\/webhooks\//.test(u.pathname)) return 'discord';
  return 'json';
}

const METRIC_WORDS: Record<string, string> = { shares: 'shares', visits: 'visits', ratio: 'shares (relative to visits)' };
const PREFIX: Record<WebhookEvent, string> = { 'alert.opened': '', 'alert.updated': 'Still growing: ', 'alert.closed': 'Resolved: ', test: '' };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function number(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/** A one-line title and a sentence of detail for an alert, in plain text; `color` for embeds (RGB integer). */
export function describeAlert(event: WebhookEvent, alert: AlertView | null): { title: string; detail: string; color: number } {
  if (!alert) return { title: 'Lantern test message', detail: 'This webhook is set up: Lantern alerts will arrive here.', color: 0x5865f2 };
  const metric = METRIC_WORDS[alert.metric] ?? alert.metric;
  const minutes = Math.round((alert.window * alert.evidence.bucketMs) / 60_000);
  const odds = alert.probability === null ? '' : ` (chance ≈ ${alert.probability.toExponential(1)})`;
  const counted = `${number(alert.observed)} ${metric} in the last ${minutes} min, ${number(alert.expected)} expected${odds}.`;
  let title: string;
  let detail = counted;
  let color = 0xe8590c;
  if (alert.kind === 'surge') title = `${capitalise(metric)} surge on ${alert.label}`;
  else if (alert.kind === 'drop') {
    title = `${capitalise(metric)} drop on ${alert.label}`;
    color = 0xc92a2a;
  } else if (alert.kind === 'new_platform') {
    title = `${capitalise(alert.label)} was shared into ${alert.subject} for the first time`;
    detail = `${number(alert.observed)} share${alert.observed === 1 ? '' : 's'} into ${alert.subject} in one minute.`;
    color = 0x2f9e44;
  } else title = `${capitalise(alert.label)} brings an unusual share of ${metric}`;
  if (event === 'alert.closed') color = 0x868e96;
  return { title: PREFIX[event] + title, detail, color };
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The request body for `format`: Slack `{text, blocks}`, Discord `{content, embeds}`, or `{event, delivery, alert, workspace}`. */
export function renderWebhookBody(format: WebhookFormat, message: WebhookMessage): string {
  if (format === 'json') {
    return JSON.stringify({ event: message.event, delivery: message.delivery, alert: message.alert, workspace: message.workspace });
  }
  const { title, detail, color } = describeAlert(message.event, message.alert);
  const footer = `Lantern · ${message.event}${message.alert ? ` · alert ${message.alert.id}` : ''} · delivery ${message.delivery}`;
  if (format === 'slack') {
    return JSON.stringify({
      text: truncate(`${title}: ${detail}`, 3000),
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: truncate(`*${title}*\n${detail}`, 3000) } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(footer, 300) }] },
      ],
    });
  }
  const fields = message.alert
    ? [
        { name: 'Observed', value: number(message.alert.observed), inline: true },
        { name: 'Expected', value: number(message.alert.expected), inline: true },
        { name: 'Status', value: message.alert.status, inline: true },
      ]
    : [];
  return JSON.stringify({
    content: truncate(title, 2000),
    embeds: [{
      title: truncate(title, 256), description: truncate(detail, 4096), color, fields, footer: { text: truncate(footer, 2048) },
      ...(message.alert && { timestamp: message.alert.updatedAt }),
    }],
  });
}
