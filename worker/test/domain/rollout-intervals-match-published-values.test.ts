import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  meanDifference,
  normalQuantile,
  proportionDifference,
  studentTQuantile,
  wilsonInterval,
  type BinomialCount,
} from "../../src/domain/metrics/intervals";

/**
 * Reference values and where they come from:
 * - "published": printed in Newcombe RG (1998a) "Two-sided confidence intervals for the single
 *   proportion", Stat Med 17:857–872, and Newcombe RG (1998b) "Interval estimation for the
 *   difference between independent proportions", Stat Med 17:873–890, Table II method 10, to
 *   4 decimals (as reproduced in the test suite of the R package propint, which cites them).
 * - "independent": computed when this test was written, outside this code, with mpmath at
 *   40 digits by bisecting the score equation (p̂ − p)² = z²·p(1 − p)/n for each Wilson bound and
 *   combining them by Newcombe's formula; t and normal quantiles with scipy.stats.
 */

function expectClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );
}

/** Wilson bounds found the slow way: bisect the score equation instead of using its closed form. */
function wilsonByBisection({ successes, trials }: BinomialCount, confidence: number) {
  const z = normalQuantile((1 + confidence) / 2);
  const p = successes / trials;
  const excess = (q: number) => (p - q) ** 2 - (z * z * q * (1 - q)) / trials;
  const bisect = (low: number, high: number, aboveRootIsNegative: boolean) => {
    for (let i = 0; i < 200; i += 1) {
      const mid = (low + high) / 2;
      if (excess(mid) > 0 === aboveRootIsNegative) low = mid;
      else high = mid;
    }
    return (low + high) / 2;
  };
  return { low: bisect(0, p, true), high: bisect(p, 1, false) };
}

const binomialCount = (maxTrials: number) =>
  fc
    .integer({ min: 1, max: maxTrials })
    .chain((trials) =>
      fc.integer({ min: 0, max: trials }).map((successes) => ({ successes, trials })),
    );

const confidenceLevel = fc.double({ min: 0.5, max: 0.9999, noNaN: true });

describe("Wilson score interval", () => {
  it("matches Newcombe (1998a): 81/263 and 15/148", () => {
    const first = wilsonInterval({ successes: 81, trials: 263 });
    const second = wilsonInterval({ successes: 15, trials: 148 });
    // published 4-decimal values
    expect(first?.low).toBeCloseTo(0.2553, 4);
    expect(first?.high).toBeCloseTo(0.3662, 4);
    expect(second?.low).toBeCloseTo(0.0624, 4);
    expect(second?.high).toBeCloseTo(0.1605, 4);
    // independent 40-digit values
    expectClose(first?.low ?? NaN, 0.255288519878, 1e-9);
    expectClose(first?.high ?? NaN, 0.366209576983, 1e-9);
    expectClose(second?.low ?? NaN, 0.0623863995307, 1e-9);
    expectClose(second?.high ?? NaN, 0.160487241723, 1e-9);
  });

  it("is exactly [0, z²/(n + z²)] at 0 successes and its mirror at n successes", () => {
    const z = normalQuantile(0.975);
    expect(wilsonInterval({ successes: 0, trials: 20 })).toEqual({
      proportion: 0,
      low: 0,
      high: expect.closeTo((z * z) / (20 + z * z), 12),
    });
    const all = wilsonInterval({ successes: 29, trials: 29 });
    expect(all?.high).toBe(1);
    expectClose(all?.low ?? NaN, 29 / (29 + z * z), 1e-12);
  });

  it("has no interval to give without trials", () => {
    expect(wilsonInterval({ successes: 0, trials: 0 })).toBeNull();
  });

  it("agrees with bisection on the score equation", () => {
    fc.assert(
      fc.property(binomialCount(2000), confidenceLevel, (count, confidence) => {
        const closedForm = wilsonInterval(count, confidence);
        const bisected = wilsonByBisection(count, confidence);
        expectClose(closedForm?.low ?? NaN, bisected.low, 1e-9);
        expectClose(closedForm?.high ?? NaN, bisected.high, 1e-9);
      }),
    );
  });
});

describe("Newcombe hybrid score interval for pA − pB", () => {
  it.each([
    // published, Table II method 10, examples (a) and (b)
    { a: [56, 70], b: [48, 80], difference: 0.2, low: 0.0524, high: 0.3339 },
    { a: [9, 10], b: [3, 10], difference: 0.6, low: 0.1705, high: 0.809 },
  ])("matches Newcombe (1998b) for $a vs $b", ({ a, b, difference, low, high }) => {
    const result = proportionDifference(
      { successes: a[0] ?? NaN, trials: a[1] ?? NaN },
      { successes: b[0] ?? NaN, trials: b[1] ?? NaN },
    );
    expect(result?.method).toBe("newcombe-wilson-hybrid-score");
    expect(result?.difference).toBeCloseTo(difference, 12);
    expect(result?.low).toBeCloseTo(low, 4);
    expect(result?.high).toBeCloseTo(high, 4);
  });

  it.each([
    // independent 40-digit values; includes the 0 and n success cases of Table II
    { a: [56, 70], b: [48, 80], low: 0.0524314724024, high: 0.333872654037 },
    { a: [9, 10], b: [3, 10], low: 0.170522723935, high: 0.809017973535 },
    { a: [6, 7], b: [2, 7], low: 0.0582279274823, high: 0.806249637524 },
    { a: [5, 56], b: [0, 29], low: -0.0381371479035, high: 0.192560013855 },
    { a: [0, 10], b: [0, 20], low: -0.161125158053, high: 0.277532799863 },
    { a: [0, 10], b: [0, 10], low: -0.277532799863, high: 0.277532799863 },
    { a: [10, 10], b: [0, 20], low: 0.679086037142, high: 1 },
    { a: [10, 10], b: [0, 10], low: 0.607509350431, high: 1 },
  ])("matches an independent computation for $a vs $b", ({ a, b, low, high }) => {
    const result = proportionDifference(
      { successes: a[0] ?? NaN, trials: a[1] ?? NaN },
      { successes: b[0] ?? NaN, trials: b[1] ?? NaN },
    );
    expectClose(result?.low ?? NaN, low, 1e-9);
    expectClose(result?.high ?? NaN, high, 1e-9);
  });

  it("has no interval when either arm has no trials", () => {
    const some = { successes: 3, trials: 10 };
    const none = { successes: 0, trials: 0 };
    expect(proportionDifference(some, none)).toBeNull();
    expect(proportionDifference(none, some)).toBeNull();
    expect(proportionDifference(none, none)).toBeNull();
  });

  it("rejects impossible counts and confidence levels", () => {
    const some = { successes: 3, trials: 10 };
    expect(() => proportionDifference({ successes: 11, trials: 10 }, some)).toThrow(RangeError);
    expect(() => proportionDifference({ successes: -1, trials: 10 }, some)).toThrow(RangeError);
    expect(() => proportionDifference(some, some, 1)).toThrow(RangeError);
    expect(() => proportionDifference(some, some, 0)).toThrow(RangeError);
  });

  it("contains the point difference, stays within [−1, 1], and mirrors when arms swap", () => {
    fc.assert(
      fc.property(binomialCount(500), binomialCount(500), confidenceLevel, (a, b, confidence) => {
        const forward = proportionDifference(a, b, confidence);
        const backward = proportionDifference(b, a, confidence);
        if (forward === null || backward === null) throw new Error("arms have trials");
        expect(forward.low).toBeGreaterThanOrEqual(-1);
        expect(forward.low).toBeLessThanOrEqual(forward.difference);
        expect(forward.difference).toBeLessThanOrEqual(forward.high);
        expect(forward.high).toBeLessThanOrEqual(1);
        expectClose(backward.low, -forward.high, 1e-12);
        expectClose(backward.high, -forward.low, 1e-12);
      }),
    );
  });

  it("never narrows when the confidence level rises", () => {
    fc.assert(
      fc.property(
        binomialCount(500),
        binomialCount(500),
        confidenceLevel,
        confidenceLevel,
        (a, b, c1, c2) => {
          const narrow = proportionDifference(a, b, Math.min(c1, c2));
          const wide = proportionDifference(a, b, Math.max(c1, c2));
          if (narrow === null || wide === null) throw new Error("arms have trials");
          expect(wide.low).toBeLessThanOrEqual(narrow.low + 1e-12);
          expect(wide.high).toBeGreaterThanOrEqual(narrow.high - 1e-12);
        },
      ),
    );
  });

  it("agrees with Newcombe's formula over bisected Wilson bounds", () => {
    fc.assert(
      fc.property(binomialCount(1000), binomialCount(1000), confidenceLevel, (a, b, confidence) => {
        const wa = wilsonByBisection(a, confidence);
        const wb = wilsonByBisection(b, confidence);
        const pa = a.successes / a.trials;
        const pb = b.successes / b.trials;
        const d = pa - pb;
        const result = proportionDifference(a, b, confidence);
        expectClose(
          result?.low ?? NaN,
          d - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2),
          1e-9,
        );
        expectClose(
          result?.high ?? NaN,
          d + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2),
          1e-9,
        );
      }),
    );
  });
});

describe("t and normal quantiles", () => {
  it.each([
    // df, table value (4 decimals), independent value (scipy.stats.t.ppf(0.975, df))
    [1, 12.7062, 12.706204736174694],
    [2, 4.3027, 4.302652729749462],
    [5, 2.5706, 2.5705818356363146],
    [10, 2.2281, 2.228138851986274],
    [30, 2.0423, 2.0422724563012378],
    [1000, 1.9623, 1.9623390808264083],
  ])("t(0.975, df = %d) matches the table value %d", (df, table, precise) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(table, 4);
    expectClose(studentTQuantile(0.975, df), precise, 1e-8);
    expectClose(studentTQuantile(0.025, df), -precise, 1e-8);
  });

  it("matches the closed forms for df = 1 and df = 2", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expectClose(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-9);
        expectClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-9);
      }),
    );
  });

  it("keeps its digits for a tiny lower-tail probability", () => {
    // independent: scipy.stats.t.ppf(1e-10, 5)
    expectClose(studentTQuantile(1e-10, 5), -156.82559270889433, 1e-9);
  });

  it("approaches the normal quantile as df grows, continuously across the large-df switch", () => {
    const z = normalQuantile(0.975);
    expectClose(studentTQuantile(0.975, Infinity), z, 0);
    expectClose(studentTQuantile(0.975, 1e9), z, 1e-8);
    // independent: scipy.stats.t.ppf(0.975, 1e5) = 1.9599877...
    expectClose(studentTQuantile(0.975, 1e5 - 1), 1.9599877077, 1e-8);
    expectClose(studentTQuantile(0.975, 1e5 + 1), 1.9599877077, 1e-8);
  });

  it("normal quantile matches standard values", () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-8);
    expectClose(normalQuantile(0.995), 2.5758293035489004, 1e-8);
    // Φ(1) and Φ(−3), independent (scipy.stats.norm.cdf)
    expectClose(normalQuantile(0.8413447460685429), 1, 1e-8);
    expectClose(normalQuantile(1 - 0.9986501019683699), -3, 1e-8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it("rejects probabilities outside [0, 1] and non-positive df", () => {
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe("Welch interval for meanA − meanB", () => {
  const sums = (values: number[]) => ({
    count: values.length,
    sum: values.reduce((total, v) => total + v, 0),
    sumOfSquares: values.reduce((total, v) => total + v * v, 0),
  });

  it("matches a hand computation", () => {
    // A = [1, 2, 3, 4, 5]: n 5, sum 15, sum of squares 55, mean 3, variance (55 − 45)/4 = 5/2.
    // B = [2, 4, 6]:       n 3, sum 12, sum of squares 56, mean 4, variance (56 − 48)/2 = 4.
    // Difference 3 − 4 = −1. Variance shares: (5/2)/5 = 1/2 and 4/3; SE² = 11/6, SE = 1.354006.
    // df = (11/6)² / ((1/2)²/4 + (4/3)²/2) = (121/36) / (137/144) = 484/137 = 3.532847.
    // t(0.975, 484/137) = 2.927405 (independent: scipy.stats.t.ppf), so the half-width is
    // 2.927405 × 1.354006 = 3.963726 and the interval is (−4.963726, 2.963726); scipy's Welch
    // ttest_ind(...).confidence_interval() on the raw data gives the same.
    const result = meanDifference(sums([1, 2, 3, 4, 5]), sums([2, 4, 6]));
    expect(result?.method).toBe("welch-t");
    expect(result?.difference).toBe(-1);
    expectClose(result?.df ?? NaN, 484 / 137, 1e-12);
    expectClose(result?.low ?? NaN, -4.963725522186273, 1e-8);
    expectClose(result?.high ?? NaN, 2.963725522186273, 1e-8);
  });

  it("gives the same answer from sufficient statistics as from the raw values", () => {
    const sample = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 60 });
    const moments = (values: number[]) => {
      const mean = values.reduce((t, v) => t + v, 0) / values.length;
      const variance = values.reduce((t, v) => t + (v - mean) ** 2, 0) / (values.length - 1);
      return { n: values.length, mean, share: variance / values.length };
    };
    fc.assert(
      fc.property(sample, sample, confidenceLevel, (rawA, rawB, confidence) => {
        // Two-pass mean and variance straight from the data, as a textbook would.
        const a = moments(rawA);
        const b = moments(rawB);
        const se2 = a.share + b.share;
        const df =
          se2 === 0
            ? a.n + b.n - 2
            : se2 ** 2 / (a.share ** 2 / (a.n - 1) + b.share ** 2 / (b.n - 1));
        const half = studentTQuantile((1 + confidence) / 2, df) * Math.sqrt(se2);
        const result = meanDifference(sums(rawA), sums(rawB), confidence);
        if (result === null) throw new Error("both arms have two observations");
        expectClose(result.df, df, 1e-9);
        expectClose(result.low, a.mean - b.mean - half, 1e-9);
        expectClose(result.high, a.mean - b.mean + half, 1e-9);
      }),
    );
  });

  it("has no interval with fewer than two observations in an arm", () => {
    expect(meanDifference(sums([1]), sums([1, 2, 3]))).toBeNull();
    expect(meanDifference(sums([1, 2, 3]), sums([]))).toBeNull();
  });

  it("collapses to the point difference when neither arm varies", () => {
    expect(meanDifference(sums([1, 1, 1]), sums([3, 3]))).toEqual({
      difference: -2,
      low: -2,
      high: -2,
      df: 3,
      method: "welch-t",
    });
    // 0.1 is inexact in binary, so sum² / n and the sum of squares differ by rounding: the
    // variance must still come out non-negative and the answer free of NaN.
    const rounded = meanDifference(sums([0.1, 0.1, 0.1]), sums([0.7, 0.7, 0.7, 0.7]));
    expect(rounded?.low).toBeCloseTo(-0.6, 6);
    expect(rounded?.high).toBeCloseTo(-0.6, 6);
    expect(Number.isNaN(rounded?.df)).toBe(false);
  });

  it("contains the point difference and never narrows when the confidence level rises", () => {
    const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
      minLength: 2,
      maxLength: 40,
    });
    fc.assert(
      fc.property(sample, sample, confidenceLevel, confidenceLevel, (rawA, rawB, c1, c2) => {
        const narrow = meanDifference(sums(rawA), sums(rawB), Math.min(c1, c2));
        const wide = meanDifference(sums(rawA), sums(rawB), Math.max(c1, c2));
        if (narrow === null || wide === null) throw new Error("both arms have two observations");
        expect(narrow.low).toBeLessThanOrEqual(narrow.difference);
        expect(narrow.difference).toBeLessThanOrEqual(narrow.high);
        // Levels a rounding step apart may give quantiles a rounding step out of order.
        const slack = 1e-12 * Math.max(Math.abs(narrow.low), Math.abs(narrow.high));
        expect(wide.low).toBeLessThanOrEqual(narrow.low + slack);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high - slack);
      }),
    );
  });
});
