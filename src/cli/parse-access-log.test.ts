// Reading combined access-log lines: nginx and Apache variants, IPv6, escapes, extra fields, and lines that are not logs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAccessLogLine, parseLogTime } from './parse-access-log.js';

const sample = readFileSync(new URL('../../test/fixtures/access-logs/sample.log', import.meta.url), 'utf8').split('\n').filter((l) => l !== '');
const find = (needle: string) => sample.find((l) => l.includes(needle))!;

describe('parseAccessLogLine', () => {
  it("reads nginx's default combined line, with the time's offset applied", () => {
    expect(parseAccessLogLine(find('WhatsApp/2.23.20.0 A'))).toEqual({
      ip: '203.0.113.24', ts: Date.UTC(2026, 10, 24, 17, 2, 11), method: 'GET', path: '/autumn-drop', query: '', status: 200,
      referrer: '', userAgent: 'WhatsApp/2.23.20.0 A',
    });
  });

  it('splits the query from the path and keeps the share token in it', () => {
    const e = parseAccessLogLine(find('TelegramBot'))!;
    expect(e).toMatchObject({ path: '/autumn-drop', query: 'ls=Qm9vW2hkL3xZ', userAgent: 'TelegramBot (like TwitterBot)' });
  });

  it("reads Apache's combined line: a user name, '-' for no bytes, escaped quotes inside the user agent, a negative offset", () => {
    const e = parseAccessLogLine(find('frank'))!;
    expect(e.ip).toBe('192.0.2.55');
    expect(e.ts).toBe(Date.UTC(2026, 10, 24, 17, 30, 1));
    expect(e.userAgent).toBe('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 "Vivaldi"');
  });

  it("decodes nginx's \\xHH escapes", () => {
    const e = parseAccessLogLine(find('duckduckgo'))!;
    expect(e.referrer).toBe('https://duckduckgo.com/?q="autumn+rituals"');
    expect(e.userAgent).toContain('Telegram-Android/10.2.6');
    const utf8 = parseAccessLogLine('192.0.2.1 - - [01/Jan/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "Caf\\xC3\\xA9Bot/1.0"')!;
    expect(utf8.userAgent).toBe('CaféBot/1.0');
  });

  it('reads IPv6 clients, HTTP/2 and referrers', () => {
    expect(parseAccessLogLine(find('2001:db8:85a3'))).toMatchObject({
      ip: '2001:db8:85a3::8a2e:370:7334', referrer: 'https://web.whatsapp.com/', status: 302,
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0',
    });
  });

  it('ignores extra trailing fields such as the request time', () => {
    const e = parseAccessLogLine(find('0.012 0.010'))!;
    expect(e).toMatchObject({ path: '/products/amber-and-cedar', referrer: 'https://www.google.com/', status: 200 });
    expect(e.userAgent.endsWith('Safari/605.1.15')).toBe(true);
  });

  it('accepts the common format (no referrer, no user agent) and absolute-form request targets', () => {
    expect(parseAccessLogLine('192.0.2.3 - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326')).toMatchObject({
      path: '/apache_pb.gif', referrer: '', userAgent: '', ts: Date.UTC(2000, 9, 10, 20, 55, 36),
    });
    expect(parseAccessLogLine('192.0.2.3 - - [10/Oct/2000:13:55:36 +0000] "GET http://lnt.example/abc?x=1 HTTP/1.1" 302 0 "-" "curl/8.4.0"'))
      .toMatchObject({ path: '/abc', query: 'x=1' });
  });

  it('returns null for malformed lines: TLS garbage, a truncated line, prose, comments, a bad date', () => {
    expect(parseAccessLogLine(find('\\x16\\x03'))).toBeNull();
    expect(parseAccessLogLine(sample.find((l) => l.endsWith('HTT'))!)).toBeNull();
    expect(parseAccessLogLine('this is not an access log line')).toBeNull();
    expect(parseAccessLogLine(sample[0])).toBeNull();
    expect(parseAccessLogLine('')).toBeNull();
    expect(parseAccessLogLine('192.0.2.3 - - [32/Foo/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326 "-" "x"')).toBeNull();
  });

  it('parses every well-formed line of the sample and rejects exactly the malformed ones', () => {
    const parsed = sample.map(parseAccessLogLine);
    expect(parsed.filter((e) => e === null)).toHaveLength(7);
    expect(parsed.filter((e) => e !== null)).toHaveLength(sample.length - 7);
  });

  it('never throws, whatever the input', () => {
    for (const junk of ['"', '[]', '- - - [', '1.2.3.4 - - [01/Jan/2026:00:00:00 +0000] "\\', '\u0000\uffff', 'x'.repeat(100_000)]) {
      expect(() => parseAccessLogLine(junk)).not.toThrow();
    }
  });
});

describe('parseLogTime', () => {
  it('applies positive and negative offsets', () => {
    expect(parseLogTime('10/Oct/2000:13:55:36 -0700')).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
    expect(parseLogTime('01/Jan/2026:00:30:00 +0100')).toBe(Date.UTC(2025, 11, 31, 23, 30, 0));
    expect(parseLogTime('01/Jan/2026 00:30:00')).toBeNull();
  });
});
