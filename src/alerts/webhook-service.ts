// Webhooks: create (secret shown once), list, update, delete, the delivery log, test sends, and queueing alert events.
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { assertPublicLiteral } from '../links/ssrf-guard.js';
import type { Page } from '../store/types.js';
import type { AlertTables } from './alert-tables.js';
import { DEFAULT_WEBHOOK_EVENTS, type Delivery, type Webhook, type WebhookEvent } from './alert-types.js';
import type { AlertView } from './alert-views.js';
import { newWebhookSecret, sealSecret } from './sign-payload.js';
import type { DeliveryWorker } from './webhook-delivery.js';
import { renderWebhookBody, webhookFormatOf } from './webhook-formats.js';

export interface WebhookInput {
  url?: string; secret?: string; events?: WebhookEvent[]; allowPrivate?: boolean; enabled?: boolean;
  /** PATCH only: replace the secret with a new generated one, shown once in the answer. */
  rotateSecret?: boolean;
}

/** Who is asking: their workspace, and whether they may aim a webhook at private addresses (owners only). */
export interface WebhookActor { workspaceId: string; mayAllowPrivate: boolean }

/** Checks a target URL. @throws AppError invalid_url (not http(s)), unsafe_url (a literal private address without allowPrivate). */
export function validateWebhookUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_url', `url ${JSON.stringify(raw)} is not an absolute URL`, { details: { field: 'url' } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('invalid_url', `url ${JSON.stringify(raw)} must use http or https`, { details: { field: 'url' } });
  }
  try {
    assertPublicLiteral(url, allowPrivate);
  } catch (err) {
    throw new AppError('unsafe_url', `url ${JSON.stringify(raw)} points at a private or loopback address; only a workspace owner can allow that (allowPrivate: true)`, { details: { field: 'url' }, cause: err });
  }
  return url.href;
}

function checkSecret(secret: string): string {
  if (secret.length < 16 || secret.length > 200) throw new AppError('validation_failed', 'secret must be 16-200 characters', { details: { field: 'secret' } });
  return secret;
}

export class WebhookService {
  constructor(
    private readonly tables: AlertTables,
    private readonly worker: DeliveryWorker,
    private readonly serverSecret: string,
    private readonly now: () => number,
    private readonly workspaceOf: (id: string) => Promise<{ id: string; slug: string }>,
  ) {}

  /** Creates a webhook; `secret` (given or generated) is returned this once and kept sealed. @throws AppError forbidden, unsafe_url, invalid_url. */
  async create(actor: WebhookActor, input: WebhookInput & { url: string }): Promise<{ webhook: Webhook; secret: string }> {
    const allowPrivate = input.allowPrivate ?? false;
    if (allowPrivate && !actor.mayAllowPrivate) this.forbidPrivate();
    const secret = input.secret !== undefined ? checkSecret(input.secret) : newWebhookSecret();
    const now = this.now();
    const webhook = await this.tables.webhooks.insert({
      id: newId('whk'), workspaceId: actor.workspaceId, url: validateWebhookUrl(input.url, allowPrivate), secret: sealSecret(secret, this.serverSecret),
      events: [...new Set(input.events ?? DEFAULT_WEBHOOK_EVENTS)], allowPrivate, enabled: input.enabled ?? true, createdAt: now, updatedAt: now,
    });
    return { webhook, secret };
  }

  list(workspaceId: string, limit: number, cursor: string | null): Promise<Page<Webhook>> {
    return this.tables.webhooks.list(workspaceId, limit, cursor);
  }

  /** @throws AppError not_found (also for another workspace's webhook). */
  async get(workspaceId: string, id: string): Promise<Webhook> {
    return (await this.tables.webhooks.get(workspaceId, id)) ?? notFound('webhook', id);
  }

  /**
   * Updates fields; changing the target of a webhook that may reach private addresses needs an owner too.
   * Returns the new secret when one was set or rotated. @throws AppError not_found, forbidden, unsafe_url.
   */
  async update(actor: WebhookActor, id: string, input: WebhookInput): Promise<{ webhook: Webhook; secret: string | null }> {
    const existing = await this.get(actor.workspaceId, id);
    const allowPrivate = input.allowPrivate ?? existing.allowPrivate;
    const urlChanged = input.url !== undefined && input.url !== existing.url;
    if (allowPrivate && (input.allowPrivate === true || urlChanged) && !actor.mayAllowPrivate) this.forbidPrivate();
    const secret = input.secret !== undefined ? checkSecret(input.secret) : input.rotateSecret ? newWebhookSecret() : null;
    const webhook = (await this.tables.webhooks.update(actor.workspaceId, id, {
      url: validateWebhookUrl(input.url ?? existing.url, allowPrivate), allowPrivate,
      ...(input.events !== undefined && { events: [...new Set(input.events)] }),
      ...(input.enabled !== undefined && { enabled: input.enabled }),
      ...(secret !== null && { secret: sealSecret(secret, this.serverSecret) }),
      updatedAt: this.now(),
    })) ?? notFound('webhook', id);
    return { webhook, secret };
  }

  /** Deletes the webhook and its delivery log. @throws AppError not_found. */
  async delete(workspaceId: string, id: string): Promise<void> {
    if (!(await this.tables.webhooks.delete(workspaceId, id))) notFound('webhook', id);
  }

  /** The delivery log of one webhook, newest first. @throws AppError not_found. */
  async deliveries(workspaceId: string, id: string, limit: number, cursor: string | null): Promise<Page<Delivery>> {
    await this.get(workspaceId, id);
    return this.tables.deliveries.list(workspaceId, limit, cursor, ' AND webhook_id = ?', [id]);
  }

  /** Queues a `test` event and sends it now; answers with the delivery after its first attempt (retried like any other). */
  async sendTest(workspaceId: string, id: string): Promise<Delivery> {
    const hook = await this.get(workspaceId, id);
    const now = this.now();
    const [delivery] = await this.enqueue(workspaceId, [hook], 'test', null, { owner: this.worker.owner, until: now + this.worker.claimMs() });
    return this.worker.sendClaimed(delivery);
  }

  /** The enabled webhooks of a workspace that take `event`, limited to `channels` when it names any. */
  async subscribers(workspaceId: string, event: WebhookEvent, channels: readonly string[]): Promise<Webhook[]> {
    const rows = await this.tables.sql.all('SELECT * FROM webhooks WHERE workspace_id = ? AND enabled = 1 ORDER BY created_at, id', [workspaceId]);
    return rows.map((r) => this.tables.webhooks.fromRow(r))
      .filter((w) => w.events.includes(event) && (channels.length === 0 || channels.includes(w.id)));
  }

  /** Queues one delivery per webhook, its body rendered in the webhook's format; `claim` holds them for an immediate send. */
  async enqueue(workspaceId: string, hooks: readonly Webhook[], event: WebhookEvent, alert: AlertView | null, claim?: { owner: string; until: number }): Promise<Delivery[]> {
    if (hooks.length === 0) return [];
    const workspace = await this.workspaceOf(workspaceId);
    const now = this.now();
    const out: Delivery[] = [];
    for (const hook of hooks) {
      const id = newId('whd');
      out.push(await this.worker.queue.insert({
        id, workspaceId, webhookId: hook.id, event, alertId: alert?.id ?? null,
        body: renderWebhookBody(webhookFormatOf(hook.url), { event, delivery: id, workspace, alert }),
        status: 'pending', attempts: 0, nextAttemptAt: now, claimedBy: claim?.owner ?? null, claimedUntil: claim?.until ?? null,
        lastStatusCode: null, lastLatencyMs: null, lastError: null, responseExcerpt: null, attemptLog: [], createdAt: now, updatedAt: now, deliveredAt: null,
      }));
    }
    // Send soon rather than at the next poll.
    if (!claim) setImmediate(() => void this.worker.pollOnce());
    return out;
  }

  private forbidPrivate(): never {
    throw new AppError('forbidden', 'only a workspace owner (or an API key with the admin scope) may let a webhook reach private or loopback addresses', { details: { field: 'allowPrivate' } });
  }
}
