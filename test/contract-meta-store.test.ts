// One MetaStore script run on SQLite and on PostgreSQL: every answer must be identical, including under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversion } from '../src/commerce/types.js';
import { sharedRateLimitStore } from '../src/http/shared-rate-limit.js';
import { openPostgres } from '../src/store/postgres/open-postgres.js';
import { SqlMetaStore } from '../src/store/sql/meta-store.js';
import type { SqlClient } from '../src/store/sql/sql-client.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { SqliteClient } from '../src/store/sqlite/sqlite-client.js';
import type { Link } from '../src/store/types.js';
import { TEST_DATABASE_URL, createTestDatabase, notePostgresSkipped, type TestDatabase } from './helpers/postgres.js';

const T = Date.UTC(2026, 10, 20, 12);

/** What a caller sees, or the error code it gets. */
async function outcome<T>(fn: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await fn();
  } catch (err) {
    return { error: (err as { code?: string }).code ?? String(err) };
  }
}

function link(id: string, slug: string, createdAt: number, extra: Partial<Link> = {}): Link {
  return {
    id, workspaceId: 'ws_a', slug, kind: 'link', url: `https://shop.example/${slug}`, title: null, description: null, image: null,
    communityId: null, ambassadorId: null, campaignId: null, tags: ['a', 'b'], disabled: false, maxUses: null, uses: 0, expiresAt: null,
    fallbackUrl: null, createdAt, updatedAt: createdAt, ...extra,
  };
}

function conversion(id: string, orderId: string | null, offerId: string | null, granted: boolean): Conversion {
  return {
    id, workspaceId: 'ws_a', orderId, value: 19.9, currency: 'EUR', promoCode: granted ? 'VIP10' : null, token: null, method: granted ? 'promo_code' : 'none',
    offerId: granted ? offerId : null, linkId: null, communityId: null, ambassadorId: null, campaignId: null, rootToken: null, platform: null,
    channel: 'direct', path: ['step one', 'step two'], recorded: true, refundedAt: null, createdAt: T, updatedAt: T,
  } as Conversion;
}

/** The script: every public MetaStore behaviour, with the answers collected in order. */
async function script(meta: SqlMetaStore): Promise<unknown[]> {
  const out: unknown[] = [];
  const log = async (label: string, fn: () => Promise<unknown>) => out.push([label, await outcome(fn)]);

  // Workspaces, users, memberships, sessions, setup tokens
  await log('ws', () => meta.createWorkspace({ id: 'ws_a', slug: 'alpha', name: 'Alpha', createdAt: T }));
  await log('ws2', () => meta.createWorkspace({ id: 'ws_b', slug: 'beta', name: 'Beta', createdAt: T + 1 }));
  await log('ws dup', () => meta.createWorkspace({ id: 'ws_c', slug: 'alpha', name: 'Again', createdAt: T }));
  await log('ws by slug', () => meta.getWorkspaceBySlug('beta'));
  await log('ws ids', () => meta.listWorkspaceIds());
  await log('user', () => meta.createUser({ id: 'usr_1', email: 'a@example.com', passwordHash: 'h1', createdAt: T }));
  await log('user dup', () => meta.createUser({ id: 'usr_2', email: 'a@example.com', passwordHash: 'h2', createdAt: T }));
  await log('user 2', () => meta.createUser({ id: 'usr_3', email: 'b@example.com', passwordHash: 'h3', createdAt: T }));
  await log('count users', () => meta.countUsers());
  await log('member', () => meta.setMembership({ userId: 'usr_1', workspaceId: 'ws_a', role: 'viewer' }, T));
  await log('member again', () => meta.setMembership({ userId: 'usr_1', workspaceId: 'ws_a', role: 'owner' }, T + 5));
  await log('member b', () => meta.setMembership({ userId: 'usr_3', workspaceId: 'ws_a', role: 'member' }, T + 1));
  await log('memberships', () => meta.listMemberships('usr_1'));
  await log('members', () => meta.listMembers('ws_a'));
  await log('delete member', () => meta.deleteMembership('ws_a', 'usr_3'));
  await log('delete member again', () => meta.deleteMembership('ws_a', 'usr_3'));
  await log('session', () => meta.createSession({ idHash: 'sess1', userId: 'usr_1', csrf: 'c', createdAt: T, expiresAt: T + 1000 }));
  await log('session live', () => meta.getSession('sess1', T + 999));
  await log('session expired', () => meta.getSession('sess1', T + 1000));
  await log('setup token', () => meta.createSetupToken('tok', 'ws_a', 'owner', T + 100));
  await log('setup use', () => meta.useSetupToken('tok', T));
  await log('setup reuse', () => meta.useSetupToken('tok', T));

  // API keys
  await log('key', () => meta.createApiKey({ id: 'key_1', workspaceId: 'ws_a', name: 'ci', prefix: 'lt_ab', hash: 'H1', scopes: ['read', 'write'], createdAt: T, lastUsedAt: null, revokedAt: null }));
  await log('key 2', () => meta.createApiKey({ id: 'key_2', workspaceId: 'ws_a', name: 'ro', prefix: 'lt_cd', hash: 'H2', scopes: ['read'], createdAt: T + 1, lastUsedAt: null, revokedAt: null }));
  await log('touch', () => meta.touchApiKey('key_1', T + 50));
  await log('find key', () => meta.findApiKeyByHash('H1'));
  await log('revoke', () => meta.revokeApiKey('ws_a', 'key_2', T + 60));
  await log('revoke again keeps first time', () => meta.revokeApiKey('ws_a', 'key_2', T + 70));
  await log('revoke other ws', () => meta.revokeApiKey('ws_b', 'key_1', T + 70));
  await log('keys', () => meta.listApiKeys('ws_a'));

  // Links and the entity tables (pagination ties on created_at are ordered by id, bytewise)
  for (const [i, id] of ['lnk_B', 'lnk_a', 'lnk_C', 'lnk_b', 'lnk_Z'].entries()) {
    await log(`link ${id}`, () => meta.createLink(link(id, `slug-${i}`, T + (i < 3 ? 0 : 10))));
  }
  await log('slug taken', () => meta.createLink(link('lnk_x', 'slug-0', T)));
  await log('limited', () => meta.createLink(link('lnk_l', 'limited', T - 5, { maxUses: 2 })));
  await log('use 1', () => meta.consumeLinkUse('lnk_l'));
  await log('use 2', () => meta.consumeLinkUse('lnk_l'));
  await log('use 3', () => meta.consumeLinkUse('lnk_l'));
  await log('by slug', () => meta.getLinkBySlug('limited'));
  const pages: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page = await meta.links.list('ws_a', 2, cursor);
    pages.push(page.items.map((l) => l.id));
    cursor = page.nextCursor;
  } while (cursor);
  out.push(['pages', pages]);
  await log('bad cursor', () => meta.links.list('ws_a', 2, 'bm90LWEtY3Vyc29y'));
  await log('update', () => meta.links.update('ws_a', 'lnk_a', { title: 'Hello', tags: ['x'], disabled: true, updatedAt: T + 99 }));
  await log('update other ws', () => meta.links.update('ws_b', 'lnk_a', { title: 'Nope' }));
  await log('exists', () => meta.links.exists('ws_a', 'lnk_a'));
  await log('exists other ws', () => meta.links.exists('ws_b', 'lnk_a'));
  await log('names', async () => [...(await meta.links.names('ws_a', ['lnk_a', 'lnk_b', 'missing']))].sort());
  await log('delete', () => meta.links.delete('ws_a', 'lnk_Z'));
  await log('delete again', () => meta.links.delete('ws_a', 'lnk_Z'));
  await log('site', () => meta.sites.insert({ id: 'site_1', workspaceId: 'ws_a', domain: 'shop.example', name: null, createdAt: T, updatedAt: T }));
  await log('site by id', () => meta.getSiteById('site_1'));
  await log('community', () => meta.communities.insert({ id: 'com_1', workspaceId: 'ws_a', name: 'VIP', platform: 'whatsapp', region: 'FR', members: 250, inviteUrl: null, tags: [], createdAt: T, updatedAt: T }));
  await log('count', () => meta.countInWorkspace('links', 'ws_a'));

  // Preview cards, salts, settings
  await log('card', () => meta.putPreviewCard({ url: 'https://x.example/', fetchedAt: T, ok: true, title: 'T', description: null, image: null, siteName: 'X', error: null }));
  await log('card again', () => meta.putPreviewCard({ url: 'https://x.example/', fetchedAt: T + 1, ok: false, title: null, description: null, image: null, siteName: null, error: 'timeout' }));
  await log('get card', () => meta.getPreviewCard('https://x.example/'));
  const salt = await meta.getDailySalt('2026-11-20');
  out.push(['salt stable', (await meta.getDailySalt('2026-11-20')) === salt, salt.length]);
  const next = await meta.getDailySalt('2026-11-21');
  out.push(['salt rotates', next !== salt, (await meta.getDailySalt('2026-11-20')) !== salt]);
  await log('setting', () => meta.putSetting('k', 'v1'));
  await log('setting again', () => meta.putSetting('k', 'v2'));
  await log('get setting', () => meta.getSetting('k'));
  await log('no setting', () => meta.getSetting('none'));

  // Commerce
  const c = meta.commerce;
  const offer = { id: 'off_1', workspaceId: 'ws_a', code: 'Vip10', codeKey: 'VIP10', communityId: 'com_1', ambassadorId: null, campaignId: null, maxUses: 3, uses: 0, validFrom: null, validTo: null, createdAt: T, updatedAt: T };
  await log('offer', () => c.saveOffer(offer, true));
  await log('offer dup', () => c.saveOffer({ ...offer, id: 'off_2' }, true));
  await log('offer by code', () => c.getOfferByCode('ws_a', 'VIP10'));
  // Ten orders race for three uses: exactly three get the offer.
  const raced = await Promise.all(Array.from({ length: 10 }, (_, i) =>
    c.insertConversionOnce('ws_a', `order-${i}`, 'off_1', T, (granted) => conversion(`cnv_${i}`, `order-${i}`, 'off_1', granted))));
  out.push(['raced', raced.filter((r) => r.conversion.offerId === 'off_1').length, raced.every((r) => r.created)]);
  // The same order five times at once: stored once.
  const replays = await Promise.all(Array.from({ length: 5 }, (_, i) =>
    c.insertConversionOnce('ws_a', 'order-same', null, T, () => conversion(`cnv_same_${i}`, 'order-same', null, false))));
  out.push(['replays', replays.filter((r) => r.created).length, new Set(replays.map((r) => r.conversion.id)).size]);
  await log('offer uses', async () => (await c.offers.get('ws_a', 'off_1'))?.uses);
  await log('solo', () => c.insertConversionOnce('ws_a', 'order-solo', 'off_1', T, (granted) => conversion('cnv_solo', 'order-solo', 'off_1', granted)));
  await log('find conversion', async () => (await c.findConversion('ws_a', 'order-3'))?.id);
  await log('recorded cas', () => c.setConversionRecorded('ws_a', 'cnv_solo', true, false));
  await log('recorded cas stale', () => c.setConversionRecorded('ws_a', 'cnv_solo', true, false));
  await log('refund', () => c.setConversionRefunded('ws_a', 'cnv_solo', T + 5));
  await log('refund twice', () => c.setConversionRefunded('ws_a', 'cnv_solo', T + 6));
  await log('conversion', () => c.conversions.get('ws_a', 'cnv_solo'));
  const poll = { id: 'pol_1', workspaceId: 'ws_a', slug: 'vote', question: 'Which?', options: ['Red', 'Blue'], freeText: false, communityId: null, linkId: null, createdAt: T, updatedAt: T };
  await log('poll', () => c.insertPoll(poll));
  await log('poll slug taken', () => c.insertPoll({ ...poll, id: 'pol_2' }));
  await log('poll by slug', () => c.getPollBySlug('vote'));
  const answer = { pollId: 'pol_1', workspaceId: 'ws_a', day: '2026-11-20', visitor: 'v1', optionIndex: 0, text: null, communityId: null, ts: T };
  await log('answer', () => c.putPollAnswer(answer));
  await log('answer replaced', () => c.putPollAnswer({ ...answer, optionIndex: 1 }));
  await log('answer v2', () => c.putPollAnswer({ ...answer, visitor: 'v2', communityId: 'com_1' }));
  await log('answer texts', () => c.putPollAnswer({ ...answer, visitor: 'v3', optionIndex: null, text: 'blue' }));
  await log('answer texts B', () => c.putPollAnswer({ ...answer, visitor: 'v4', optionIndex: null, text: 'Blue' }));
  await log('counts', async () => (await c.countPollAnswers('ws_a', 'pol_1')).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
  await log('texts', () => c.topPollTexts('ws_a', 'pol_1', 10));
  await log('delete poll other ws', () => c.deletePoll('ws_b', 'pol_1'));
  await log('delete poll', () => c.deletePoll('ws_a', 'pol_1'));
  await log('answers gone', () => c.countPollAnswers('ws_a', 'pol_1'));
  for (const [ts, n] of [[T, 10], [T, 12], [T - 1, 8], [T + 1, 15]] as const) await c.addCommunityMembers('com_1', ts, n);
  await log('member history', () => c.listCommunityMembers('com_1', 3));
  return out;
}

const results: Record<string, unknown[]> = {};

describe('MetaStore contract', () => {
  let sqlite: ReturnType<typeof openDatabase>;
  let pgDb: TestDatabase | null = null;
  let pgOpen: Awaited<ReturnType<typeof openPostgres>> | null = null;
  notePostgresSkipped('contract-meta-store');

  beforeAll(async () => {
    sqlite = openDatabase(':memory:');
    results.sqlite = await script(new SqlMetaStore(new SqliteClient(sqlite)));
    if (TEST_DATABASE_URL) {
      pgDb = await createTestDatabase('meta');
      pgOpen = await openPostgres(pgDb.url);
      results.postgres = await script(new SqlMetaStore(pgOpen.sql));
    }
  }, 60_000);

  afterAll(async () => {
    sqlite?.close();
    await pgOpen?.pool.end();
    await pgDb?.drop();
  });

  it('gives the answers the script expects on SQLite', () => {
    const byLabel = new Map(results.sqlite!.map((entry) => [(entry as unknown[])[0], (entry as unknown[]).slice(1)]));
    expect(byLabel.get('ws dup')).toEqual([{ error: 'conflict' }]);
    expect(byLabel.get('user dup')).toEqual([{ error: 'conflict' }]);
    expect(byLabel.get('slug taken')).toEqual([{ error: 'slug_taken' }]);
    expect(byLabel.get('offer dup')).toEqual([{ error: 'conflict' }]);
    expect(byLabel.get('poll slug taken')).toEqual([{ error: 'slug_taken' }]);
    expect(byLabel.get('bad cursor')).toEqual([{ error: 'validation_failed' }]);
    expect([byLabel.get('use 1'), byLabel.get('use 2'), byLabel.get('use 3')]).toEqual([[true], [true], [false]]);
    expect(byLabel.get('setup use')).toEqual([{ workspaceId: 'ws_a', role: 'owner' }]);
    expect(byLabel.get('setup reuse')).toEqual([null]);
    expect(byLabel.get('pages')).toEqual([[['lnk_b', 'lnk_Z'], ['lnk_a', 'lnk_C'], ['lnk_B', 'lnk_l']]]);
    expect(byLabel.get('raced')).toEqual([3, true]);
    expect(byLabel.get('replays')).toEqual([1, 1]);
    expect(byLabel.get('offer uses')).toEqual([3]);
    expect(byLabel.get('solo')).toEqual([expect.objectContaining({ created: true, conversion: expect.objectContaining({ offerId: null }) })]);
    expect(byLabel.get('conversion')).toEqual([expect.objectContaining({ recorded: false, refundedAt: T + 5 })]);
    expect(byLabel.get('salt stable')).toEqual([true, 43]);
    expect(byLabel.get('salt rotates')).toEqual([true, true]);
    expect(byLabel.get('answer replaced')).toEqual([true]);
    expect(byLabel.get('texts')).toEqual([[{ text: 'Blue', count: 1 }, { text: 'blue', count: 1 }]]);
    expect(byLabel.get('member history')).toEqual([[{ ts: T, members: 10 }, { ts: T, members: 12 }, { ts: T + 1, members: 15 }]]);
    expect(byLabel.get('revoke again keeps first time')).toEqual([expect.objectContaining({ revokedAt: T + 60 })]);
  });

  it.skipIf(!TEST_DATABASE_URL)('gives identical answers on PostgreSQL', () => {
    expect(results.postgres).toEqual(results.sqlite);
  });

  it.skipIf(!TEST_DATABASE_URL)('counts rate-limit hits across nodes in PostgreSQL, per route and key', async () => {
    const sql: SqlClient = pgOpen!.sql;
    const Store = sharedRateLimitStore(sql, () => T + 30_000);
    const incr = (store: InstanceType<typeof Store>, key: string) => new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (err, r) => (err ? reject(err) : resolve(r!)), 60_000));
    const route = { routeInfo: { method: 'GET', url: '/api/links' } } as never;
    const nodeA = new Store().child(route);
    const nodeB = new Store().child(route);
    const other = new Store().child({ routeInfo: { method: 'POST', url: '/api/links' } } as never);
    expect(await incr(nodeA, 'Bearer k1')).toEqual({ current: 1, ttl: 30_000 });
    expect((await incr(nodeB, 'Bearer k1')).current).toBe(2);
    expect((await incr(other, 'Bearer k1')).current).toBe(1);
    expect((await incr(nodeB, 'Bearer k2')).current).toBe(1);
    const stored = await sql.all<{ key: string }>('SELECT key FROM rate_limits');
    expect(stored.some((r) => r.key.includes('k1'))).toBe(false);
  });
});
