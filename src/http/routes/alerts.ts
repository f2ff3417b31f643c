// Alert rules, alerts and webhooks (with their delivery log and test sends); starts the alert background work.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { alertView, deliveryView, ruleView, webhookView } from '../../alerts/alert-views.js';
import type { WebhookActor } from '../../alerts/webhook-service.js';
import type { Services } from '../../services.js';
import { principalOf } from '../plugins/auth.js';
import {
  AlertPage, AlertsQuery, AlertView, DeliveryPage, DeliveryView, RuleBody, RulePage, RulePatch, RuleView, WebhookBody,
  WebhookPage, WebhookPatch, WebhookView, WebhookWithSecret,
} from '../schemas/alerts.js';
import { errorResponses, IdParams, PageQuery } from '../schemas/common.js';

/**
 * Only an owner may point a webhook at private addresses: a session with the owner role, or an API key with
 * the admin scope (keys are created by the workspace's operators from the CLI or by admins).
 */
function actorOf(request: FastifyRequest): WebhookActor {
  const p = principalOf(request);
  return { workspaceId: p.workspaceId, mayAllowPrivate: p.role === 'owner' || (p.role === null && p.scopes.includes('admin')) };
}

/** Registers the early-warning routes; the scheduler and delivery worker start when the server is ready. */
export function registerAlertRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ws = (request: FastifyRequest) => principalOf(request).workspaceId;
  const rules = { tags: ['alerts'] };
  const hooks = { tags: ['webhooks'] };
  const unprocessable = { 422: Type.Ref('Error') };
  root.addHook('onReady', async () => s.alerts.start());

  app.post('/api/alerts/rules', { config: { access: 'write' }, schema: { ...rules, body: RuleBody, response: { 201: RuleView, ...errorResponses, ...unprocessable } } },
    async (request, reply) => reply.code(201).send(ruleView(await s.alerts.rules.create(ws(request), request.body))));
  app.get('/api/alerts/rules', { config: { access: 'read' }, schema: { ...rules, querystring: PageQuery, response: { 200: RulePage, ...errorResponses } } },
    async (request) => {
      const page = await s.alerts.rules.list(ws(request), request.query.limit ?? 50, request.query.cursor ?? null);
      return { items: page.items.map(ruleView), nextCursor: page.nextCursor };
    });
  app.get('/api/alerts/rules/:id', { config: { access: 'read' }, schema: { ...rules, params: IdParams, response: { 200: RuleView, ...errorResponses } } },
    async (request) => ruleView(await s.alerts.rules.get(ws(request), request.params.id)));
  app.patch('/api/alerts/rules/:id', { config: { access: 'write' }, schema: { ...rules, params: IdParams, body: RulePatch, response: { 200: RuleView, ...errorResponses, ...unprocessable } } },
    async (request) => ruleView(await s.alerts.rules.update(ws(request), request.params.id, request.body)));
  app.delete('/api/alerts/rules/:id', { config: { access: 'write' }, schema: { ...rules, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await s.alerts.rules.delete(ws(request), request.params.id);
      return reply.code(204).send(null);
    });

  app.get('/api/alerts', { config: { access: 'read' }, schema: { ...rules, querystring: AlertsQuery, response: { 200: AlertPage, ...errorResponses } } },
    async (request) => {
      const q = request.query;
      const page = await s.alerts.listAlerts(ws(request), { status: q.status, kind: q.kind, limit: q.limit ?? 50, cursor: q.cursor ?? null });
      return { items: page.items.map(alertView), nextCursor: page.nextCursor };
    });
  app.get('/api/alerts/:id', { config: { access: 'read' }, schema: { ...rules, params: IdParams, response: { 200: AlertView, ...errorResponses } } },
    async (request) => alertView(await s.alerts.getAlert(ws(request), request.params.id)));

  app.post('/api/webhooks', { config: { access: 'admin' }, schema: { ...hooks, body: WebhookBody, response: { 201: WebhookWithSecret, ...errorResponses } } },
    async (request, reply) => {
      const { webhook, secret } = await s.alerts.webhooks.create(actorOf(request), request.body);
      return reply.code(201).send({ ...webhookView(webhook), secret });
    });
  app.get('/api/webhooks', { config: { access: 'admin' }, schema: { ...hooks, querystring: PageQuery, response: { 200: WebhookPage, ...errorResponses } } },
    async (request) => {
      const page = await s.alerts.webhooks.list(ws(request), request.query.limit ?? 50, request.query.cursor ?? null);
      return { items: page.items.map(webhookView), nextCursor: page.nextCursor };
    });
  app.get('/api/webhooks/:id', { config: { access: 'admin' }, schema: { ...hooks, params: IdParams, response: { 200: WebhookView, ...errorResponses } } },
    async (request) => webhookView(await s.alerts.webhooks.get(ws(request), request.params.id)));
  app.patch('/api/webhooks/:id', { config: { access: 'admin' }, schema: { ...hooks, params: IdParams, body: WebhookPatch, response: { 200: WebhookWithSecret, ...errorResponses } } },
    async (request) => {
      const { webhook, secret } = await s.alerts.webhooks.update(actorOf(request), request.params.id, request.body);
      return { ...webhookView(webhook), ...(secret !== null && { secret }) };
    });
  app.delete('/api/webhooks/:id', { config: { access: 'admin' }, schema: { ...hooks, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await s.alerts.webhooks.delete(ws(request), request.params.id);
      return reply.code(204).send(null);
    });
  app.get('/api/webhooks/:id/deliveries', { config: { access: 'admin' }, schema: { ...hooks, params: IdParams, querystring: PageQuery, response: { 200: DeliveryPage, ...errorResponses } } },
    async (request) => {
      const page = await s.alerts.webhooks.deliveries(ws(request), request.params.id, request.query.limit ?? 50, request.query.cursor ?? null);
      return { items: page.items.map(deliveryView), nextCursor: page.nextCursor };
    });
  app.post('/api/webhooks/:id/test', { config: { access: 'admin' }, schema: { ...hooks, params: IdParams, response: { 200: DeliveryView, ...errorResponses } } },
    async (request) => deliveryView(await s.alerts.webhooks.sendTest(ws(request), request.params.id)));
}
