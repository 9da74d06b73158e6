/**
 * Confidence intervals for comparing two rollout arms.
 *
 * Pure arithmetic on the counts an incrementally maintained aggregate holds: no I/O, no clock,
 * no randomness. Two kinds of bad input are told apart:
 * - an arm with too little data (no trials; fewer than two observations) is a normal state early
 *   in a rollout, so the interval functions return `null` rather than a NaN-laden answer;
 * - impossible input (negative counts, successes > trials, non-finite sums, confidence outside
 *   (0, 1)) is a caller's bug, so it throws a RangeError.
 */

export interface BinomialCount {
  successes: number;
  trials: number;
}

/** Sufficient statistics of a sample: enough to recover its mean and variance. */
export interface MomentSums {
  count: number;
  sum: number;
  sumOfSquares: number;
}

export interface ProportionInterval {
  proportion: number;
  low: number;
  high: number;
}

export interface ProportionDifferenceInterval {
  /** pA − pB */
  difference: number;
  low: number;
  high: number;
  method: "newcombe-wilson-hybrid-score";
}

export interface MeanDifferenceInterval {
  /** meanA − meanB */
  difference: number;
  low: number;
  high: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  method: "welch-t";
}

/**
 * Wilson score interval for one proportion (no continuity correction).
 * Null when there are no trials: there is no proportion to bound.
 */
export function wilsonInterval(count: BinomialCount, confidence = 0.95): ProportionInterval | null {
  assertBinomialCount(count);
  const z = twoSidedNormalCritical(confidence);
  const { successes: x, trials: n } = count;
  if (n === 0) return null;
  const p = x / n;
  const zz = z * z;
  const denominator = 1 + zz / n;
  const centre = (p + zz / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + zz / (4 * n * n));
  return {
    proportion: p,
    // At 0 and n successes the exact bound is 0 or 1; the subtraction would leave rounding dust.
    low: x === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: x === n ? 1 : Math.min(1, centre + halfWidth),
  };
}

/**
 * Interval for pA − pB by Newcombe's (1998) method 10: the hybrid score interval that combines
 * each arm's Wilson interval. Chosen over the Wald interval because it stays inside [−1, 1] and
 * keeps near-nominal coverage at small counts and at 0 or n successes.
 * Null when either arm has no trials.
 */
export function proportionDifference(
  a: BinomialCount,
  b: BinomialCount,
  confidence = 0.95,
): ProportionDifferenceInterval | null {
  const wilsonA = wilsonInterval(a, confidence);
  const wilsonB = wilsonInterval(b, confidence);
  if (wilsonA === null || wilsonB === null) return null;
  const { proportion: pA, low: lowA, high: highA } = wilsonA;
  const { proportion: pB, low: lowB, high: highB } = wilsonB;
  const difference = pA - pB;
  return {
    difference,
    // The bounds are mathematically within [−1, 1]; the clamp only absorbs rounding.
    low: Math.max(-1, difference - Math.hypot(pA - lowA, highB - pB)),
    high: Math.min(1, difference + Math.hypot(highA - pA, pB - lowB)),
    method: "newcombe-wilson-hybrid-score",
  };
}

/**
 * Welch's t interval for meanA − meanB, from each arm's count, sum and sum of squares.
 * Null when either arm has fewer than two observations (no variance estimate).
 * When both arms have zero variance the interval collapses to the point difference and `df`
 * falls back to the pooled nA + nB − 2, since the Welch–Satterthwaite ratio is 0/0 there.
 */
export function meanDifference(
  a: MomentSums,
  b: MomentSums,
  confidence = 0.95,
): MeanDifferenceInterval | null {
  assertMomentSums(a);
  assertMomentSums(b);
  assertConfidence(confidence);
  if (a.count < 2 || b.count < 2) return null;
  const meanA = a.sum / a.count;
  const meanB = b.sum / b.count;
  const shareA = sampleVariance(a) / a.count;
  const shareB = sampleVariance(b) / b.count;
  const standardErrorSquared = shareA + shareB;
  const df =
    standardErrorSquared === 0
      ? a.count + b.count - 2
      : welchSatterthwaite(
          shareA / standardErrorSquared,
          a.count,
          shareB / standardErrorSquared,
          b.count,
        );
  const halfWidth = studentTQuantile((1 + confidence) / 2, df) * Math.sqrt(standardErrorSquared);
  const difference = meanA - meanB;
  return {
    difference,
    low: difference - halfWidth,
    high: difference + halfWidth,
    df,
    method: "welch-t",
  };
}

/**
 * Welch–Satterthwaite df, (sA + sB)² / (sA²/(nA − 1) + sB²/(nB − 1)), written with each arm's share
 * of the squared standard error (wA + wB = 1) so that tiny variances cannot underflow to 0/0.
 */
function welchSatterthwaite(weightA: number, countA: number, weightB: number, countB: number) {
  return 1 / ((weightA * weightA) / (countA - 1) + (weightB * weightB) / (countB - 1));
}

/**
 * Sample variance from sufficient statistics. Using sum·mean avoids forming sum², which can
 * overflow. The subtraction still cancels digits when the mean is large next to the spread (the
 * price of keeping only sums), and can then leave a tiny negative; a variance is never negative,
 * so it is clamped to 0.
 */
function sampleVariance({ count, sum, sumOfSquares }: MomentSums): number {
  const mean = sum / count;
  return Math.max(0, (sumOfSquares - sum * mean) / (count - 1));
}

/**
 * Quantile of the standard normal distribution by Acklam's rational approximation
 * (relative error below 1.15e-9 over the whole range), which needs no special functions.
 */
export function normalQuantile(p: number): number {
  assertProbability(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p < ACKLAM_TAIL) return acklamLowerTail(p);
  if (p > 1 - ACKLAM_TAIL) return -acklamLowerTail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  const [a1, a2, a3, a4, a5, a6] = ACKLAM_A;
  const [b1, b2, b3, b4, b5] = ACKLAM_B;
  return (
    ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) /
    (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1)
  );
}

const ACKLAM_TAIL = 0.02425;
const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
] as const;
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
] as const;
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
] as const;
const ACKLAM_D = [
  7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416,
] as const;

function acklamLowerTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  const [c1, c2, c3, c4, c5, c6] = ACKLAM_C;
  const [d1, d2, d3, d4] = ACKLAM_D;
  return (
    (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
    ((((d1 * q + d2) * q + d3) * q + d4) * q + 1)
  );
}

/**
 * Quantile of Student's t distribution with `df` (> 0, not necessarily whole) degrees of freedom.
 * Inverts the exact CDF, written through the regularized incomplete beta function, by Newton's
 * method kept inside a bisection bracket. Past EXPANSION_DF the incomplete beta's continued
 * fraction needs many terms while the Cornish–Fisher expansion's own error is below double
 * precision, so that is used instead; df = Infinity gives the normal quantile. Relative error is
 * about 1e-9 at worst (where it rests on normalQuantile), well inside what intervals need.
 */
export function studentTQuantile(p: number, df: number): number {
  assertProbability(p);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // By symmetry only the smaller tail is solved for. It is taken as p itself below one half, since
  // forming 1 − p there would round away the digits of a tiny p; above one half 1 − p is exact.
  const tail = p < 0.5 ? p : 1 - p;
  const sign = p < 0.5 ? -1 : 1;
  const expansion = cornishFisherT(-normalQuantile(tail), df);
  if (df > EXPANSION_DF) return sign * expansion;
  return sign * invertTwoSidedTail(2 * tail, df, expansion);
}

const EXPANSION_DF = 1e5;

/**
 * Abramowitz & Stegun 26.7.5: t quantile as z plus a series in 1/df. Accurate for large df and
 * a good Newton start for moderate df.
 */
function cornishFisherT(z: number, df: number): number {
  if (df === Infinity) return z;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** Finds t ≥ 0 with P(|T| > t) = target, starting from `guess`. */
function invertTwoSidedTail(target: number, df: number, guess: number): number {
  let low = 0;
  let high = Math.max(1, guess);
  // Heavy tails (df near 1) can put the quantile far beyond the expansion's guess.
  while (studentTTwoSidedTail(high, df) > target && high < Number.MAX_VALUE / 2) {
    low = high;
    high *= 2;
  }
  let t = Math.min(Math.max(guess, low), high);
  for (let step = 0; step < 200; step += 1) {
    const excess = studentTTwoSidedTail(t, df) - target;
    if (excess === 0) return t;
    if (excess > 0) low = t;
    else high = t;
    // The tail falls as t grows, with slope −2·density.
    let next = t + excess / (2 * studentTDensity(t, df));
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}

/** P(|T| > t) for t ≥ 0, which is I_x(df/2, 1/2) with x = df/(df + t²). */
function studentTTwoSidedTail(t: number, df: number): number {
  const tt = t * t;
  // Both x and 1 − x are formed directly, so neither loses digits to a subtraction.
  return regularizedIncompleteBeta(df / (df + tt), tt / (df + tt), df / 2, 0.5);
}

function studentTDensity(t: number, df: number): number {
  const logNormaliser = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNormaliser - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Regularized incomplete beta I_x(a, b), given x and y = 1 − x. The continued fraction converges
 * fast only below x = (a + 1)/(a + b + 2); beyond it the symmetry I_x(a, b) = 1 − I_y(b, a) is used.
 */
function regularizedIncompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * incompleteBetaFraction(x, a, b)) / a;
  return 1 - (front * incompleteBetaFraction(y, b, a)) / b;
}

/** Continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes `betacf`). */
function incompleteBetaFraction(x: number, a: number, b: number): number {
  // Keeps Lentz's method from dividing by zero; any tiny non-zero value serves.
  const tiny = 1e-300;
  const nudge = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / nudge(1 - ((a + b) * x) / (a + 1));
  let fraction = d;
  for (let m = 1; m <= 10_000; m += 1) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 / nudge(1 + even * d);
    c = nudge(1 + even / c);
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 / nudge(1 + odd * d);
    c = nudge(1 + odd / c);
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return fraction;
}

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; about 15 significant digits). */
function logGamma(x: number): number {
  // The series is tuned for x ≥ 0.5; Γ(x) = Γ(x + 1)/x carries smaller arguments there.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const shifted = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i += 1) series += (LANCZOS[i] ?? 0) / (shifted + i);
  const base = shifted + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

function twoSidedNormalCritical(confidence: number): number {
  assertConfidence(confidence);
  return normalQuantile((1 + confidence) / 2);
}

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }
}

function assertProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
}

function assertBinomialCount({ successes, trials }: BinomialCount): void {
  if (!(Number.isFinite(trials) && successes >= 0 && successes <= trials)) {
    throw new RangeError(`need 0 ≤ successes ≤ trials, got ${successes}/${trials}`);
  }
}

function assertMomentSums({ count, sum, sumOfSquares }: MomentSums): void {
  if (!(Number.isFinite(count) && count >= 0 && Number.isFinite(sum))) {
    throw new RangeError(`need a finite count ≥ 0 and a finite sum, got ${count}, ${sum}`);
  }
  if (!(Number.isFinite(sumOfSquares) && sumOfSquares >= 0)) {
    throw new RangeError(`need a finite sum of squares ≥ 0, got ${sumOfSquares}`);
  }
}
