// Every real-world case in test/fixtures/classify/cases.tsv gets the classification it is listed with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRequest } from './index.js';
import type { ClassifyInput } from './types.js';

interface Case {
  line: number;
  source: string;
  input: ClassifyInput;
  kind: string;
  platform: string;
  channel: string;
  inApp: string;
  device: string;
  note: string;
}

function readCases(): Case[] {
  const text = readFileSync(new URL('../../test/fixtures/classify/cases.tsv', import.meta.url), 'utf8');
  const cases: Case[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw === '' || raw.startsWith('#') || raw.startsWith('source\t')) return;
    const [source, userAgent, referrer, url, flags, kind, platform, channel, inApp, device, note] = raw.split('\t');
    const flagList = flags ? flags.split(',') : [];
    const own = flagList.find((f) => f.startsWith('own='));
    cases.push({
      line: index + 1,
      source,
      input: {
        userAgent,
        referrer: referrer || undefined,
        url: url || undefined,
        trackedLink: flagList.includes('tracked'),
        hints: { telegramWebview: flagList.includes('tg'), webShare: flagList.includes('webshare') },
        ownHosts: own ? [own.slice(4)] : undefined,
      },
      kind, platform, channel, inApp, device, note: note ?? '',
    });
  });
  return cases;
}

const cases = readCases();

describe('the fixture of real-world cases', () => {
  it('holds at least 250 cases, each naming its source', () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    for (const c of cases) expect(c.source, `line ${c.line}`).not.toBe('');
  });

  it.each(cases.map((c) => [`line ${c.line} (${c.source}) ${c.input.userAgent.slice(0, 60)} ${c.input.referrer ?? ''} ${c.input.url ?? ''}`, c] as const))(
    '%s is classified as listed',
    (_name, c) => {
      const got = classifyRequest(c.input);
      const expected: Record<string, unknown> = { kind: c.kind };
      const actual: Record<string, unknown> = { kind: got.kind };
      if (c.platform) { expected.platform = c.platform; actual.platform = got.platform; }
      if (c.channel) { expected.channel = c.channel; actual.channel = got.channel; }
      if (c.inApp) { expected.inApp = c.inApp === '-' ? null : c.inApp; actual.inApp = got.inApp; }
      if (c.device) { expected.device = c.device; actual.device = got.device; }
      expect(actual, `${c.note} — reason ${got.reason}, channel rule ${got.channelReason}`).toEqual(expected);
    },
  );
});
