// The bounded cache behind classifyAgent's and the referrer table's memos.
import { describe, expect, it } from 'vitest';
import { createLruCache } from './lru-cache.js';

describe('createLruCache', () => {
  it('never holds more than its capacity', () => {
    const cache = createLruCache<number>(10);
    for (let i = 0; i < 1_000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.get('k999')).toBe(999);
    expect(cache.get('k0')).toBeUndefined();
  });

  it('keeps an entry that keeps being read while newer ones flow through', () => {
    const cache = createLruCache<number>(10);
    cache.set('hot', 1);
    for (let i = 0; i < 100; i++) {
      cache.set(`cold${i}`, i);
      expect(cache.get('hot'), `after ${i} insertions`).toBe(1);
    }
  });

  it('overwrites a key without growing', () => {
    const cache = createLruCache<number>(4);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('empties on clear', () => {
    const cache = createLruCache<number>(4);
    cache.set('a', 1);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a capacity below 2 or not an integer, naming it', () => {
    expect(() => createLruCache(1)).toThrow(/got 1/);
    expect(() => createLruCache(2.5)).toThrow(/got 2.5/);
  });
});
