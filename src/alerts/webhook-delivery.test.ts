import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_OPTIONS, retryDelay } from './webhook-delivery.js';

describe('retryDelay', () => {
  it('doubles from 10 s, caps at one hour, and adds at most 25 % jitter', () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, DEFAULT_DELIVERY_OPTIONS, none))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelay(12, DEFAULT_DELIVERY_OPTIONS, none)).toBe(3_600_000);
    expect(retryDelay(500, DEFAULT_DELIVERY_OPTIONS, none)).toBe(3_600_000);
    expect(retryDelay(1, DEFAULT_DELIVERY_OPTIONS, () => 0.999)).toBeLessThanOrEqual(12_500);
  });

  it('gives up within 24 h: about 30 attempts at most', () => {
    let elapsed = 0;
    let attempts = 1;
    while (elapsed + retryDelay(attempts, DEFAULT_DELIVERY_OPTIONS, () => 0) <= DEFAULT_DELIVERY_OPTIONS.maxAgeMs) elapsed += retryDelay(attempts++, DEFAULT_DELIVERY_OPTIONS, () => 0);
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(35);
  });
});
