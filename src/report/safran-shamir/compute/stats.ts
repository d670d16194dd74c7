/**
 * Two-sample tests of proportions for comparing Minima's counts with the authors' released counts
 * (two independent binomial samples: different generators, different run counts).
 */

const logFactorials: number[] = [0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1] + Math.log(i));
  return logFactorials[n];
}

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/**
 * The two-sided p-value of Fisher's exact test that a of n1 and b of n2 come from one proportion:
 * the probability, given a + b successes in all, of a split at most as likely as the observed one
 * (hypergeometric, with a relative slack of 1e-7 for ties).
 */
export function fisherExactTwoSided(a: number, n1: number, b: number, n2: number): number {
  for (const [v, n] of [
    [a, n1],
    [b, n2],
  ])
    if (!Number.isInteger(v) || !Number.isInteger(n) || v < 0 || v > n)
      throw new RangeError(`counts must be integers in [0, n], got ${v} of ${n}`);
  const m = a + b;
  const total = n1 + n2;
  const logP = (x: number) => logChoose(n1, x) + logChoose(n2, m - x) - logChoose(total, m);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, m - n2); x <= Math.min(m, n1); x++) {
    const lp = logP(x);
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
