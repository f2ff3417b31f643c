// GET /api/live over real HTTP: server-sent events arrive as they happen, and Last-Event-ID resumes.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let origin: string;
beforeAll(async () => {
  t = await createTestApp();
  origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

/** Reads SSE frames until `count` data frames arrived (or 5 s passed), then aborts. */
async function readFrames(headers: Record<string, string>, count: number, during?: () => Promise<void>) {
  const ctrl = new AbortController();
  const res = await fetch(`${origin}/api/live`, { headers: { ...t.auth(), ...headers }, signal: ctrl.signal });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const frames: { id: number; data: Record<string, unknown> }[] = [];
  let buffer = '';
  const timer = setTimeout(() => ctrl.abort(), 5000);
  const pending = during?.();
  try {
    while (frames.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let at;
      while ((at = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id && data) frames.push({ id: Number(id), data: JSON.parse(data) });
      }
    }
  } catch {
    // aborted
  } finally {
    clearTimeout(timer);
    ctrl.abort();
    await pending;
  }
  return frames;
}

test('a click and a WhatsApp share appear on the live feed without personal data; resume replays what was missed', async () => {
  const link = (await t.app.inject({ method: 'POST', url: '/api/links', headers: t.auth(), payload: { url: 'https://shop.example/live', title: 'Live' } })).json();
  const frames = await readFrames({}, 2, async () => {
    await new Promise((r) => setTimeout(r, 100));
    await fetch(`${origin}/${link.slug}`, { redirect: 'manual', headers: { 'user-agent': UA.whatsapp } });
    await fetch(`${origin}/${link.slug}`, { redirect: 'manual', headers: { 'user-agent': UA.chromeDesktop } });
  });
  expect(frames.map((f) => [f.data.type, f.data.kind, f.data.platform])).toEqual([['event', 'preview', 'whatsapp'], ['event', 'click', 'unknown']]);
  expect(JSON.stringify(frames)).not.toMatch(/visitor|token/);

  await fetch(`${origin}/${link.slug}`, { redirect: 'manual', headers: { 'user-agent': UA.telegram } });
  const resumed = await readFrames({ 'last-event-id': String(frames[1].id) }, 1);
  expect(resumed).toHaveLength(1);
  expect(resumed[0].data.platform).toBe('telegram');
});

test('another workspace sees none of it, and no key is a 401', async () => {
  expect((await fetch(`${origin}/api/live`)).status).toBe(401);
  const theirs = await readFrames({ authorization: `Bearer ${t.other.key}` }, 1);
  expect(theirs).toEqual([]);
});
