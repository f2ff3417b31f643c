// Tail probabilities of count distributions (Poisson, negative binomial, binomial), computed in log space.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const EPS = 1e-15;
const TINY = 1e-300;

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln(1 − e^x) for x ≤ 0, accurate at both ends. */
function log1mExp(x: number): number {
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

function maxIterations(a: number): number {
  return 200 + Math.ceil(20 * Math.sqrt(a));
}

/** ln of the series Σ xⁿ/(a(a+1)…(a+n)) part of P(a, x); converges fast for x < a + 1. */
function logGammaSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0, max = maxIterations(a); n < max; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (term < sum * EPS) break;
  }
  return -x + a * Math.log(x) - logGamma(a) + Math.log(sum);
}

/** ln Q(a, x) by Lentz's continued fraction; converges fast for x ≥ a + 1. */
function logGammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1, max = maxIterations(a); i <= max; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return -x + a * Math.log(x) - logGamma(a) + Math.log(h);
}

/** ln P(a, x), the regularized lower incomplete gamma function (a > 0, x ≥ 0). */
export function logGammaP(a: number, x: number): number {
  if (x <= 0) return -Infinity;
  return x < a + 1 ? logGammaSeries(a, x) : log1mExp(logGammaContinuedFraction(a, x));
}

/** ln Q(a, x) = ln(1 − P(a, x)), the regularized upper incomplete gamma function (a > 0, x ≥ 0). */
export function logGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  return x < a + 1 ? log1mExp(logGammaSeries(a, x)) : logGammaContinuedFraction(a, x);
}

/** ln of the continued fraction of I_x(a, b) (Numerical Recipes `betacf`); good for x < (a+1)/(a+b+2). */
function logBetaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1, max = maxIterations(Math.max(a, b)); m <= max; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.log(h);
}

/** ln I_x(a, b), the regularized incomplete beta function (a, b > 0, 0 ≤ x ≤ 1). */
export function logBetaI(a: number, b: number, x: number): number {
  if (x <= 0) return -Infinity;
  if (x >= 1) return 0;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return logFront - Math.log(a) + logBetaContinuedFraction(a, b, x);
  return log1mExp(logFront - Math.log(b) + logBetaContinuedFraction(b, a, 1 - x));
}

/** ln P(X ≥ k) for X ~ Poisson(lambda); `k` a count, `lambda` ≥ 0 the expected count. */
export function logPoissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 0;
  if (lambda <= 0) return -Infinity;
  return logGammaP(Math.ceil(k), lambda);
}

/** P(X ≥ k) for X ~ Poisson(lambda): the chance of seeing at least `k` events when `lambda` are expected. */
export function poissonUpperTail(k: number, lambda: number): number {
  return Math.exp(logPoissonUpperTail(k, lambda));
}

/** ln P(X ≤ k) for X ~ Poisson(lambda). */
export function logPoissonLowerTail(k: number, lambda: number): number {
  if (k < 0) return -Infinity;
  if (lambda <= 0) return 0;
  return logGammaQ(Math.floor(k) + 1, lambda);
}

/** P(X ≤ k) for X ~ Poisson(lambda): the chance of seeing at most `k` events when `lambda` are expected. */
export function poissonLowerTail(k: number, lambda: number): number {
  return Math.exp(logPoissonLowerTail(k, lambda));
}

/**
 * ln P(X ≥ k) for a negative binomial with mean `mean` and variance `mean + dispersion·mean²`
 * (a Poisson whose rate is Gamma-distributed). `dispersion` = 0 is the Poisson.
 */
export function logNegBinUpperTail(k: number, mean: number, dispersion: number): number {
  if (dispersion * mean < 1e-9) return logPoissonUpperTail(k, mean);
  if (k <= 0) return 0;
  const size = 1 / dispersion;
  // X counts failures before `size` successes with success probability size/(size+mean).
  return logBetaI(Math.ceil(k), size, mean / (size + mean));
}

/** ln P(X ≤ k) for the negative binomial of {@link logNegBinUpperTail}. */
export function logNegBinLowerTail(k: number, mean: number, dispersion: number): number {
  if (dispersion * mean < 1e-9) return logPoissonLowerTail(k, mean);
  if (k < 0) return -Infinity;
  const size = 1 / dispersion;
  return logBetaI(size, Math.floor(k) + 1, size / (size + mean));
}

/** ln P(X ≥ k) for X ~ Binomial(n, p): at least `k` of `n` trials succeed, each with probability `p`. */
export function logBinomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 0;
  if (k > n || p <= 0) return -Infinity;
  if (p >= 1) return 0;
  const kk = Math.ceil(k);
  return logBetaI(kk, n - kk + 1, p);
}
