// Webhook deliveries are durable: a delivery still failing when the server stops is sent by the next server on the same data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createStores } from '../src/store/index.js';
import { createTestApp } from './helpers/test-app.js';
import { startReceiver } from './webhooks-receiver.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lantern-webhooks-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A second server on the same data dir, as `lantern start` would build it (createTestApp would re-create its workspaces). */
async function reopen() {
  const config = loadConfig({ LANTERN_RATE_LIMIT: '100000' }, { dataDir, baseUrl: 'http://lnt.test', secret: 's'.repeat(32) });
  const stores = await createStores(config);
  const app = await buildApp(config, stores, { logger: false });
  return { app, close: async () => { await app.close(); await stores.close(); } };
}

test('a pending delivery survives a restart and is sent once, after any unexpired claim of a crashed node', async () => {
  const receiver = await startReceiver(() => ({ status: 503, body: 'down for maintenance' }));
  const first = await createTestApp({ dataDir });
  await first.app.ready();
  first.app.services.alerts.scheduler.stop();
  first.app.services.alerts.deliveries.configure({ backoffBaseMs: 300 });
  const hook = (await first.app.inject({ method: 'POST', url: '/api/webhooks', headers: first.auth(), payload: { url: receiver.url, allowPrivate: true } })).json();
  const failed = (await first.app.inject({ method: 'POST', url: `/api/webhooks/${hook.id}/test`, headers: first.auth() })).json();
  expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503, responseExcerpt: 'down for maintenance' });
  await first.close();

  // As if a node had claimed the retry and died before recording anything: its claim must expire first.
  const claimedUntil = Date.now() + 1500;
  const stores = await createStores({ dataDir, databaseUrl: null, clickhouseUrl: null });
  await stores.meta.sql.run("UPDATE webhook_deliveries SET claimed_by = 'crashed-node', claimed_until = ? WHERE id = ?", [claimedUntil, failed.id]);
  await stores.close();

  receiver.respond = () => ({ status: 200, body: 'back' });
  const second = await reopen();
  try {
    await second.app.ready();
    second.app.services.alerts.scheduler.stop();
    second.app.services.alerts.deliveries.configure({ pollMs: 50 });
    await receiver.waitFor(2);
    expect(Date.now()).toBeGreaterThanOrEqual(claimedUntil);
    expect(receiver.received[1].headers['x-lantern-delivery']).toBe(failed.id);
    const readLog = async () => (await second.app.inject({ method: 'GET', url: `/api/webhooks/${hook.id}/deliveries`, headers: first.auth() })).json();
    let log = await readLog();
    // The receiver answered; the outcome is recorded right after.
    for (let i = 0; i < 100 && log.items[0].status === 'pending'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      log = await readLog();
    }
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ id: failed.id, status: 'succeeded', attempts: 2, lastStatusCode: 200, responseExcerpt: 'back' });
    expect(log.items[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 200]);
    await new Promise((r) => setTimeout(r, 400));
    expect(receiver.received).toHaveLength(2);
  } finally {
    await second.close();
    await receiver.close();
  }
});
