/**
 * Proportions as text (src/math/proportion-text.ts): on every Wilson interval of n = 1…60 and of
 * large n near 0 and 1, each end that differs from p reads differently from p, nothing inexact
 * reads as 0 or 1, and no fewer decimals would do.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  formatPercentProportion,
  formatProportion,
  proportionDecimals,
} from "../../src/math/proportion-text.js";
import { wilsonInterval } from "../../src/math/stats.js";

/** The property the formatter promises, checked on the printed strings themselves. */
function readsRight(e: { p: number; lo: number; hi: number }, text: string): boolean {
  const m = /^(\S+) \[(\S+), (\S+)\]$/.exec(text);
  assert.ok(m, text);
  const [, p, lo, hi] = m;
  const exact = (x: number, s: string) =>
    x === 0 || x === 1 ? s === String(x) : Number(s) !== 0 && Number(s) !== 1;
  return (
    exact(e.p, p) &&
    exact(e.lo, lo) &&
    exact(e.hi, hi) &&
    (e.lo === e.p || lo !== p) &&
    (e.hi === e.p || hi !== p)
  );
}

const cases: { count: number; n: number }[] = [];
for (let n = 1; n <= 60; n++) for (let count = 0; count <= n; count++) cases.push({ count, n });
for (const n of [1000, 2000, 10000, 100000, 1000000])
  for (const count of [0, 1, 2, n - 2, n - 1, n]) cases.push({ count, n });

test("every end reads differently from p, and nothing inexact reads as 0 or 1", () => {
  for (const { count, n } of cases) {
    const e = wilsonInterval(count, n);
    const text = formatProportion(e);
    assert.ok(readsRight(e, text), `${count}/${n}: ${text}`);
  }
});

test("with the fewest decimals that do (at least three)", () => {
  let widened = 0;
  for (const { count, n } of cases) {
    const e = wilsonInterval(count, n);
    const d = proportionDecimals(e);
    assert.ok(d >= 3);
    if (d === 3) continue;
    widened++;
    const fewer = (x: number) => (x === 0 || x === 1 ? String(x) : x.toFixed(d - 1));
    assert.equal(readsRight(e, `${fewer(e.p)} [${fewer(e.lo)}, ${fewer(e.hi)}]`), false, `${count}/${n}`);
  }
  assert.ok(widened >= 10, `${widened} intervals needed more than three decimals`);
});

test("the case of the issue: 10,000 of 10,000 has lower end 0.99962", () => {
  const e = wilsonInterval(10000, 10000);
  assert.ok(e.lo > 0.9996 && e.lo < 0.9997);
  assert.equal(formatProportion(e), "1 [0.9996, 1]");
  assert.equal(formatProportion(wilsonInterval(9999, 10000)), "0.99990 [0.99943, 0.99998]");
  assert.equal(formatProportion(wilsonInterval(1, 2)), "0.500 [0.095, 0.905]");
  assert.equal(formatPercentProportion(wilsonInterval(12, 100)), "12.0% [7.0, 19.8]");
  assert.equal(formatPercentProportion(wilsonInterval(10000, 10000)), "100% [99.96, 100]");
  assert.throws(() => formatProportion({ p: Number.NaN, lo: 0, hi: 1 }), /non-finite/);
});
