// A small seeded pseudo-random generator (mulberry32) and the distributions the demo simulation draws from.

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Deterministic random numbers from a 32-bit seed: the same seed gives the same sequence on every platform.
 * Not for secrets (tokens made here are placeholders; the demo swaps them for real ones before storing).
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform in [0, 1): mulberry32 (Tommy Ettinger), 32 bits of state. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p` (0..1). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One value of `[value, weight]` pairs, proportionally to the weights (which must not all be zero). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < entries.length; i++) total += entries[i][1];
    let r = this.next() * total;
    for (let i = 0; i < entries.length; i++) {
      r -= entries[i][1];
      if (r < 0) return entries[i][0];
    }
    return entries[entries.length - 1][0];
  }

  /** Poisson-distributed count with the given mean (Knuth for small means, a rounded normal above 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Log-normally distributed with the given median and log-scale spread `sigma` (heavy right tail: human delays). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** `length` characters of the base64url alphabet. */
  token(length = 12): string {
    let out = '';
    for (let i = 0; i < length; i++) out += TOKEN_CHARS[Math.floor(this.next() * 64)];
    return out;
  }
}
