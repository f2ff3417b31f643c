// Benchmark of the request classifier: cost per call with a warm and a cold user-agent cache, against a Map.get baseline.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyAgent, classifyRequest, clearAgentCache } from '../src/classify/index.js';
import type { ClassifyInput } from '../src/classify/index.js';

const CORPUS = fileURLToPath(new URL('../../shared/data/ua-corpus.tsv', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../test/fixtures/classify/cases.tsv', import.meta.url));
const BATCHES = 15;

/** Real user agents: the shared corpus when present, else the project's own fixture. */
function loadUserAgents(): { source: string; userAgents: string[] } {
  const fromCorpus = existsSync(CORPUS);
  const text = readFileSync(fromCorpus ? CORPUS : FIXTURE, 'utf8');
  const column = fromCorpus ? 4 : 1;
  const userAgents = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('source\t'))
    .map((line) => line.split('\t')[column] ?? '');
  return { source: fromCorpus ? 'shared corpus' : 'fixture', userAgents: [...new Set(userAgents)] };
}

// A request carries a fresh string whose hash V8 has not computed yet; slicing gives one without copying cost in the loop.
function freshCopies(strings: readonly string[], count: number): string[] {
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = ` ${strings[i % strings.length]}`.slice(1);
  return out;
}

/** Median nanoseconds per call over BATCHES batches; `prepare` runs untimed before each batch. */
function measure<T>(calls: number, prepare: () => T[], run: (item: T) => unknown): number {
  const perCall: number[] = [];
  let sink = 0;
  for (let b = 0; b < BATCHES; b++) {
    const items = prepare();
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) if (run(items[i]) !== undefined) sink++;
    perCall.push(Number(process.hrtime.bigint() - start) / calls);
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the calls from being optimised away
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

function line(label: string, ns: number, baselineNs?: number): string {
  const us = (ns / 1000).toFixed(2).padStart(7);
  const rate = Math.round(1e9 / ns).toLocaleString('en-US').padStart(11);
  const ratio = baselineNs ? `  ×${(ns / baselineNs).toFixed(1)} baseline` : '';
  return `classify  ${label.padEnd(44)} ${us} µs/call ${rate} calls/s${ratio}`;
}

/**
 * Measures the classifier and returns printable lines: median cost per call (µs) and calls per second for
 * classifyAgent and classifyRequest with a warm cache, and both with a cold cache over real user agents, with the
 * ratio to a Map.get of the same fresh strings (the floor for any memoised lookup). Target: ≤ 5 µs per request warm.
 */
export async function benchClassify(): Promise<string[]> {
  const { source, userAgents } = loadUserAgents();
  const hot = userAgents.slice(0, 1_000); // fits the 5,000-entry cache
  const referrers = ['', 'https://web.whatsapp.com/', 'https://www.google.co.uk/', 'android-app://org.telegram.messenger/', 'https://t.co/x', 'https://blog.example.org/post'];
  const urls = ['https://shop.example.com/', 'https://shop.example.com/blog/how-we-cut-our-cloud-bill?utm_source=whatsapp', '/k3Jd9?ls=abc', 'https://shop.example.com/?gclid=x'];
  const requests = (): ClassifyInput[] =>
    freshCopies(hot, 20_000).map((userAgent, i) => ({ userAgent, referrer: referrers[i % referrers.length], url: urls[i % urls.length], ownHosts: ['shop.example.com'] }));

  for (const ua of hot) classifyAgent(ua); // warm the cache and the JIT
  for (const input of requests()) classifyRequest(input);

  const memo = new Map(hot.map((ua) => [ua, ua.length] as const));
  const baseline = measure(20_000, () => freshCopies(hot, 20_000), (ua) => memo.get(ua));
  const agentWarm = measure(20_000, () => freshCopies(hot, 20_000), (ua) => classifyAgent(ua));
  const requestWarm = measure(20_000, requests, (input) => classifyRequest(input));

  const coldCount = Math.min(userAgents.length, 4_000);
  const cold = (): string[] => {
    clearAgentCache();
    return freshCopies(userAgents, coldCount).map((ua, i) => `${ua}${i % 2 ? '' : ' '}`); // distinct from the last batch
  };
  const agentCold = measure(coldCount, cold, (ua) => classifyAgent(ua));
  const requestCold = measure(coldCount, cold, (ua) => classifyRequest({ userAgent: ua, referrer: 'https://www.google.com/', url: '/blog/post' }));
  clearAgentCache();

  return [
    `classify  ${userAgents.length.toLocaleString('en-US')} distinct user agents from the ${source}; median of ${BATCHES} batches`,
    line('baseline: Map.get(ua) on a fresh string', baseline),
    line('classifyAgent, warm cache (1,000 UAs)', agentWarm, baseline),
    line('classifyRequest, warm cache (referrer + url)', requestWarm, baseline),
    line(`classifyAgent, cold cache (${coldCount.toLocaleString('en-US')} UAs)`, agentCold, baseline),
    line('classifyRequest, cold cache', requestCold, baseline),
    `classify  target ≤ 5 µs per request warm: ${requestWarm <= 5_000 ? 'met' : 'NOT met'}`,
  ];
}
