// /api/alerts/rules and /api/alerts: default rules, validation of rule shapes, roles and workspace isolation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let readKey: string;
let linkId: string;
let hookId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.ready();
  t.app.services.alerts.scheduler.stop();
  readKey = (await createApiKey(t.app.services.meta, t.workspace.id, 'reader', ['read'], Date.now())).key;
  linkId = (await t.app.inject({ method: 'POST', url: '/api/links', headers: t.auth(), payload: { url: 'https://shop.example/launch', slug: 'rules-launch' } })).json().id;
  hookId = (await t.app.inject({ method: 'POST', url: '/api/webhooks', headers: t.auth(), payload: { url: 'https://hooks.example.com/x' } })).json().id;
});
afterAll(async () => t.close());

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, key = t.key) =>
  t.app.inject({ method, url, headers: t.auth(key), ...(payload && { payload }) });

describe('default rules', () => {
  test('a workspace starts with five sensible rules, created once, the first time its rules are read', async () => {
    const rules = (await inject('GET', '/api/alerts/rules')).json().items;
    expect(rules.map((r: Record<string, unknown>) => [r.kind, r.scope, r.metric]).sort()).toEqual([
      ['community_surge', 'workspace', 'visits'], ['drop', 'workspace', 'visits'], ['new_platform', 'link', 'shares'],
      ['surge', 'workspace', 'shares'], ['surge', 'workspace', 'visits'],
    ]);
    expect(rules.every((r: Record<string, unknown>) => r.isDefault && r.enabled && r.sensitivity === 'medium' && r.quietHours === null)).toBe(true);
    const drop = rules.find((r: Record<string, unknown>) => r.kind === 'drop');
    expect((await inject('DELETE', `/api/alerts/rules/${drop.id}`)).statusCode).toBe(204);
    expect((await inject('GET', '/api/alerts/rules')).json().items).toHaveLength(4);
  });
});

describe('rules', () => {
  test('a rule on one link with quiet hours and one channel round-trips; patches re-check it; delete removes it', async () => {
    const res = await inject('POST', '/api/alerts/rules', {
      kind: 'surge', scope: 'link', target: linkId, metric: 'shares', sensitivity: 'high',
      quietHours: { start: '22:00', end: '07:00', tz: 'Europe/Paris' }, channels: [hookId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const rule = res.json();
    expect(rule).toMatchObject({ kind: 'surge', scope: 'link', target: linkId, metric: 'shares', sensitivity: 'high', channels: [hookId], enabled: true, isDefault: false, quietHours: { start: '22:00', end: '07:00', tz: 'Europe/Paris' } });
    expect((await inject('GET', `/api/alerts/rules/${rule.id}`)).json()).toEqual(rule);
    const patched = await inject('PATCH', `/api/alerts/rules/${rule.id}`, { quietHours: null, enabled: false, target: null });
    expect(patched.json()).toMatchObject({ quietHours: null, enabled: false, target: null, scope: 'link' });
    expect((await inject('PATCH', `/api/alerts/rules/${rule.id}`, { kind: 'community_surge' })).statusCode).toBe(400);
    expect((await inject('DELETE', `/api/alerts/rules/${rule.id}`)).statusCode).toBe(204);
    expect((await inject('GET', `/api/alerts/rules/${rule.id}`)).statusCode).toBe(404);
  });

  test('each kind gets its own metric when none is given', async () => {
    expect((await inject('POST', '/api/alerts/rules', { kind: 'drop' })).json()).toMatchObject({ metric: 'visits', scope: 'workspace', target: null });
    expect((await inject('POST', '/api/alerts/rules', { kind: 'new_platform', scope: 'site' })).json()).toMatchObject({ metric: 'shares' });
    expect((await inject('POST', '/api/alerts/rules', { kind: 'surge', scope: 'platform', target: 'telegram', metric: 'ratio' })).json()).toMatchObject({ metric: 'ratio', target: 'telegram' });
  });

  test('combinations that mean nothing, unknown references and malformed fields are refused with the field named', async () => {
    const cases: [object, number, string, string?][] = [
      [{ kind: 'new_platform', metric: 'visits' }, 400, 'validation_failed', 'metric'],
      [{ kind: 'community_surge', scope: 'link' }, 400, 'validation_failed', 'scope'],
      [{ kind: 'drop', metric: 'ratio' }, 400, 'validation_failed', 'metric'],
      [{ kind: 'surge', scope: 'workspace', target: linkId }, 400, 'validation_failed', 'target'],
      [{ kind: 'surge', scope: 'platform', target: 'myspace' }, 400, 'validation_failed', 'target'],
      [{ kind: 'surge', scope: 'link', target: 'lnk_nope' }, 422, 'unprocessable', 'target'],
      [{ kind: 'surge', channels: ['whk_nope'] }, 422, 'unprocessable', 'channels'],
      [{ kind: 'surge', quietHours: { start: '22:00', end: '07:00', tz: 'Mars/Olympus' } }, 400, 'invalid_timezone', 'quietHours.tz'],
      [{ kind: 'surge', quietHours: { start: '25:00', end: '07:00', tz: 'UTC' } }, 400, 'validation_failed'],
      [{ kind: 'surge', sensitivity: 'extreme' }, 400, 'validation_failed'],
      [{ kind: 'explosion' }, 400, 'validation_failed'],
      [{ kind: 'surge', colour: 'red' }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code, field] of cases) {
      const res = await inject('POST', '/api/alerts/rules', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (field) expect(res.json().error.details.field).toBe(field);
    }
  });

  test('a read-only key lists rules and alerts but cannot create, change or delete rules', async () => {
    expect((await inject('GET', '/api/alerts/rules', undefined, readKey)).statusCode).toBe(200);
    expect((await inject('GET', '/api/alerts', undefined, readKey)).statusCode).toBe(200);
    expect((await inject('POST', '/api/alerts/rules', { kind: 'surge' }, readKey)).statusCode).toBe(403);
    const any = (await inject('GET', '/api/alerts/rules')).json().items[0];
    expect((await inject('PATCH', `/api/alerts/rules/${any.id}`, { enabled: false }, readKey)).statusCode).toBe(403);
    expect((await inject('DELETE', `/api/alerts/rules/${any.id}`, undefined, readKey)).statusCode).toBe(403);
    expect((await inject('GET', '/api/webhooks', undefined, readKey)).statusCode).toBe(403);
  });
});

describe('isolation', () => {
  test('another workspace\'s rules, alerts, links and webhooks are invisible: 404 or 422', async () => {
    const mine = (await inject('GET', '/api/alerts/rules')).json().items[0];
    const theirs = t.other.key;
    expect((await inject('GET', `/api/alerts/rules/${mine.id}`, undefined, theirs)).statusCode).toBe(404);
    expect((await inject('PATCH', `/api/alerts/rules/${mine.id}`, { enabled: false }, theirs)).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/alerts/rules/${mine.id}`, undefined, theirs)).statusCode).toBe(404);
    expect((await inject('POST', '/api/alerts/rules', { kind: 'surge', scope: 'link', target: linkId }, theirs)).statusCode).toBe(422);
    expect((await inject('POST', '/api/alerts/rules', { kind: 'surge', channels: [hookId] }, theirs)).statusCode).toBe(422);
    const theirRules = (await inject('GET', '/api/alerts/rules', undefined, theirs)).json().items;
    expect(theirRules.some((r: { id: string }) => r.id === mine.id)).toBe(false);
  });

  test('alerts: an unknown or foreign id is a 404 and filters are checked', async () => {
    expect((await inject('GET', '/api/alerts/alr_nope')).statusCode).toBe(404);
    expect((await inject('GET', '/api/alerts?status=bogus')).statusCode).toBe(400);
    expect((await inject('GET', '/api/alerts?status=open&kind=surge')).json()).toEqual({ items: [], nextCursor: null });
  });
});
