import { describe, expect, it } from 'vitest';
import {
  logBinomialUpperTail,
  logGamma,
  logNegBinLowerTail,
  logNegBinUpperTail,
  logPoissonUpperTail,
  poissonLowerTail,
  poissonUpperTail,
} from './count-tails.js';

/** Direct sum of the Poisson pmf, fine for small λ. */
function poissonUpperBySum(k: number, lambda: number): number {
  let below = 0;
  let term = Math.exp(-lambda);
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return 1 - below;
}

describe('Poisson tails', () => {
  it('P(X ≥ 10 | λ = 2) is 4.6498e-5', () => {
    expect(poissonUpperTail(10, 2)).toBeCloseTo(4.649807501726e-5, 15);
  });

  it('at least zero events is certain, whatever λ', () => {
    for (const lambda of [0, 1e-9, 0.3, 7, 1e6]) expect(poissonUpperTail(0, lambda)).toBe(1);
  });

  it('with nothing expected, one event is impossible', () => {
    expect(poissonUpperTail(1, 0)).toBe(0);
  });

  it('matches a direct sum across small λ and k', () => {
    for (const lambda of [0.05, 0.5, 3, 12]) {
      for (const k of [1, 2, 5, 10, 20]) {
        const expected = poissonUpperBySum(k, lambda);
        expect(Math.abs(poissonUpperTail(k, lambda) - expected)).toBeLessThan(1e-12 + 1e-9 * expected);
      }
    }
  });

  it('lower and upper tails add up to one', () => {
    for (const lambda of [0.7, 40, 2500]) {
      for (const k of [0, 1, Math.round(lambda), Math.round(2 * lambda)]) {
        expect(poissonLowerTail(k, lambda) + poissonUpperTail(k + 1, lambda)).toBeCloseTo(1, 12);
      }
    }
  });

  it('stays finite and ordered for large λ, far into the tail, in log space', () => {
    // λ = 1e6: the median is λ; 1% above is 10 σ, where the Gaussian tail is ≈ 7.6e-24 (ln ≈ −53.2).
    expect(poissonUpperTail(1e6, 1e6)).toBeCloseTo(0.5, 2);
    const far = logPoissonUpperTail(1.01e6, 1e6);
    expect(far).toBeGreaterThan(-56);
    expect(far).toBeLessThan(-50);
    // Beyond double precision: the probability underflows, its logarithm does not.
    const extreme = logPoissonUpperTail(5000, 1000);
    expect(Number.isFinite(extreme)).toBe(true);
    expect(extreme).toBeLessThan(-2000);
    expect(logPoissonUpperTail(5001, 1000)).toBeLessThan(extreme);
  });
});

describe('negative binomial and binomial tails', () => {
  function negBinPmf(x: number, mean: number, dispersion: number): number {
    const size = 1 / dispersion;
    return Math.exp(
      logGamma(x + size) - logGamma(size) - logGamma(x + 1)
        + size * Math.log(size / (size + mean)) + x * Math.log(mean / (size + mean)),
    );
  }

  it('negative binomial tails match a direct sum', () => {
    let below = 0;
    for (let x = 0; x < 20; x++) below += negBinPmf(x, 8, 0.3);
    expect(Math.exp(logNegBinUpperTail(20, 8, 0.3))).toBeCloseTo(1 - below, 12);
    expect(Math.exp(logNegBinLowerTail(19, 8, 0.3))).toBeCloseTo(below, 12);
  });

  it('overdispersion makes a high count less surprising, and vanishing dispersion is the Poisson', () => {
    expect(logNegBinUpperTail(30, 10, 0.1)).toBeGreaterThan(logPoissonUpperTail(30, 10));
    expect(Math.exp(logNegBinUpperTail(20, 8, 1e-12))).toBeCloseTo(poissonUpperTail(20, 8), 15);
  });

  it('binomial upper tail: P(X ≥ 30 | n = 100, p = 0.1) = 2.445e-8', () => {
    expect(Math.exp(logBinomialUpperTail(30, 100, 0.1))).toBeCloseTo(2.4451122393911e-8, 18);
    expect(logBinomialUpperTail(0, 100, 0.1)).toBe(0);
    expect(logBinomialUpperTail(101, 100, 0.1)).toBe(-Infinity);
  });
});
