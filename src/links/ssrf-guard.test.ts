import { describe, expect, test } from 'vitest';
import { fetchPreviewCard } from './fetch-preview-card.js';
import { guardedLookup, isPrivateAddress } from './ssrf-guard.js';

describe('SSRF guard', () => {
  test.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip'])('%s is not public', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  test.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2a00:1450:4007:80e::200e', '::ffff:8.8.8.8'])('%s is public', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  test.each(['http://127.0.0.1:9/', 'http://[::1]:9/', 'http://localhost:9/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/'])(
    'a preview fetch of %s is refused before connecting', async (url) => {
      const card = await fetchPreviewCard(url, 0);
      expect(card.ok).toBe(false);
      expect(card.error).toMatch(/non-public address/);
    });

  test('a host name that resolves to loopback is refused after DNS resolution', async () => {
    const err = await new Promise<Error | null>((resolve) => guardedLookup(false)('localhost', { all: true }, (e) => resolve(e)));
    expect(err?.message).toMatch(/non-public address/);
    const allowed = await new Promise<unknown>((resolve) => guardedLookup(true)('localhost', { all: true }, (e, addrs) => resolve(e ?? addrs)));
    expect(Array.isArray(allowed)).toBe(true);
  });
});
