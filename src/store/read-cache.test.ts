// The metadata read cache: TTL, absent values, no stale store after a change, stale answers only when the store is down.
import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.js';
import { ReadCache } from './read-cache.js';

describe('ReadCache', () => {
  test('keeps a value (null included) for its TTL, then loads again', async () => {
    const cache = new ReadCache<string | null>(1_000, 10);
    let loads = 0;
    const load = async () => (++loads, null);
    expect(await cache.get('a', 0, load)).toBeNull();
    expect(await cache.get('a', 999, load)).toBeNull();
    expect(cache.peek('a', 999)).toBeNull();
    expect(loads).toBe(1);
    expect(cache.peek('a', 1_000)).toBeUndefined();
    await cache.get('a', 1_000, load);
    expect(loads).toBe(2);
  });

  test('a load that started before a change does not store what it read', async () => {
    const cache = new ReadCache<string>(1_000, 10);
    let release!: (v: string) => void;
    const pending = cache.get('slug', 0, () => new Promise<string>((r) => { release = r; }));
    cache.forget('slug'); // the link changed while the old row was on its way
    release('old row');
    expect(await pending).toBe('old row');
    expect(cache.peek('slug', 1)).toBeUndefined();
  });

  test('serves an expired value while the store is unavailable, never for other errors or unknown keys', async () => {
    const cache = new ReadCache<string>(1_000, 10);
    await cache.get('k', 0, async () => 'v1');
    const down = async (): Promise<string> => { throw new AppError('unavailable', 'down'); };
    expect(await cache.get('k', 5_000, down)).toBe('v1');
    await expect(cache.get('other', 5_000, down)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(cache.get('k', 5_000, async () => { throw new Error('bug'); })).rejects.toThrow('bug');
  });

  test('forget(null) drops everything; a full cache starts over', async () => {
    const cache = new ReadCache<number>(1_000, 2);
    for (const k of ['a', 'b']) await cache.get(k, 0, async () => 1);
    cache.forget(null);
    expect([cache.peek('a', 0), cache.peek('b', 0)]).toEqual([undefined, undefined]);
    for (const k of ['a', 'b', 'c']) await cache.get(k, 0, async () => 1);
    expect([cache.peek('a', 0), cache.peek('c', 0)]).toEqual([undefined, 1]);
  });
});
