import { describe, expect, test } from 'vitest';
import { mintShareToken, parseShareToken, prepareRedirectTarget, withShareToken } from './share-token.js';

describe('share tokens', () => {
  test('tokens are 12 URL-safe characters and do not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const t = mintShareToken();
      expect(t).toMatch(/^[A-Za-z0-9_-]{12}$/);
      seen.add(t);
    }
    expect(seen.size).toBe(20_000);
  });

  test('a token is added to a destination without query', () => {
    expect(withShareToken(prepareRedirectTarget('https://shop.example/p'), 'TOKEN123abcd')).toBe('https://shop.example/p?ls=TOKEN123abcd');
  });

  test('existing query and fragment are kept byte for byte', () => {
    const target = prepareRedirectTarget('https://shop.example/p?q=a%20b&flag&x=1#section-2');
    expect(withShareToken(target, 'tok456789012')).toBe('https://shop.example/p?q=a%20b&flag&x=1&ls=tok456789012#section-2');
  });

  test('a token already in the destination is replaced, not duplicated', () => {
    const target = prepareRedirectTarget('https://shop.example/?ls=OLDTOKEN&utm_source=wa&ls');
    expect(withShareToken(target, 'newtoken1234')).toBe('https://shop.example/?utm_source=wa&ls=newtoken1234');
  });

  test('parseShareToken keeps well-formed tokens only', () => {
    expect(parseShareToken('abcDEF123_-x')).toBe('abcDEF123_-x');
    expect(parseShareToken(['first12345', 'second1234'])).toBe('first12345');
    expect(parseShareToken('short')).toBeNull();
    expect(parseShareToken('<script>')).toBeNull();
    expect(parseShareToken(undefined)).toBeNull();
  });
});
