// The Student-t distribution from the regularized incomplete beta function, so that prediction
// intervals need no dependency. Methods: Lanczos log-gamma (g = 7, 9 terms) and the continued
// fraction for I_x(a, b) evaluated by the modified Lentz method (Numerical Recipes, 3rd ed., §6.1
// and §6.4); the quantile inverts I_x by bisection, which always converges and gives the same
// answer on every machine.

import { logGamma } from '../log-gamma';

/** Continued fraction for I_x(a, b), converging fast for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0.
 * @example regularizedIncompleteBeta(0.5, 2, 3) // 0.6875 (= 11/16)
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * P(T ≤ t) for Student's t with `df` degrees of freedom (df > 0, not necessarily whole).
 * @example studentTCdf(2.228138851986274, 10) // 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0 (got ${df})`);
  if (t === 0) return 0.5;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom: the t with P(T ≤ t) = p, 0 < p < 1.
 * Found by inverting x = df / (df + t²) in P(|T| > t) = I_x(df/2, 1/2) by bisection on x, to the
 * last bit, so it is exact to about 1e-12 relative for any df.
 * @example studentTQuantile(0.975, 10) // 2.228138851986274
 * @example studentTQuantile(0.9, 10) // 1.372183641110336
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be strictly between 0 and 1 (got ${p})`);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0 (got ${df})`);
  if (p === 0.5) return 0;
  const key = `${p}:${df}`;
  const known = quantileCache.get(key);
  if (known !== undefined) return known;
  const quantile = invertTwoTailed(p, df);
  // A forecast asks for the same two quantiles at a handful of df; the cache is bounded all the same.
  if (quantileCache.size >= 1000) quantileCache.clear();
  quantileCache.set(key, quantile);
  return quantile;
}

const quantileCache = new Map<string, number>();

function invertTwoTailed(p: number, df: number): number {
  const twoTailed = 2 * Math.min(p, 1 - p); // P(|T| > t) = I_x(df/2, 1/2), increasing in x
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 1100; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (regularizedIncompleteBeta(mid, df / 2, 0.5) < twoTailed) lo = mid;
    else hi = mid;
  }
  const x = 0.5 * (lo + hi);
  const t = Math.sqrt((df * (1 - x)) / x);
  return p > 0.5 ? t : -t;
}
