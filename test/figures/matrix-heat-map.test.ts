/**
 * The matrix heat map: its golden, its colour scale (symmetric about 0, red below, blue above, white
 * at 0), its legend's round ticks, and its refusals of malformed input.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  cellText,
  divergingColour,
  matrixHeatMap,
  niceTicks,
  symmetricDomain,
  tickText,
} from "../../src/figures/matrix-heat-map.js";
import { Rng } from "../../src/math/rng.js";
import { compareWithGolden } from "./snapshot.js";

/** A 5 × 4 W shaped like a special-unit minimum: one unit negative on its own coordinate. */
function fixture() {
  const values = [
    -0.62, 0.2, 0.2, 0.2, 0.25, 1, -0.03, -0.03, 0.25, -0.03, 1, -0.03, 0.25, -0.03, -0.03, 1, 0.1, 0.5, 0.5,
    0,
  ];
  return matrixHeatMap({
    name: "matrix-heat-map",
    title: "W (fixture)",
    caption: "One unit with a negative weight on its own coordinate, outlined.",
    rows: 5,
    columns: 4,
    values,
    rowLabel: "student unit j",
    columnLabel: "coordinate i",
    valueLabel: "W_ji",
    outlined: [{ row: 0, column: 0 }],
    showValues: true,
  });
}

test("figure matrix-heat-map matches its golden SVG and is standalone", () => {
  const { svg } = fixture();
  const problem = compareWithGolden("matrix-heat-map", svg);
  assert.equal(problem, undefined, problem);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.doesNotMatch(svg, /system-ui|NaN|Infinity|href="(https?:|data:)/);
  assert.equal(fixture().svg, svg, "drawn identically twice");
});

test("the legend is a gradient over [−m, m] with round ticks, 0 among them", () => {
  const { svg } = fixture();
  assert.match(svg, /<linearGradient id="matrix-heat-map-\d+"/);
  assert.match(svg, /fill="url\(#matrix-heat-map-\d+\)"/);
  const labels = [
    ...svg.matchAll(/<text x="([\d.]+)" y="50" font-size="11" text-anchor="middle">([^<]+)<\/text>/g),
  ];
  assert.deepEqual(
    labels.map((m) => m[2]),
    ["−1", "−0.5", "0", "0.5", "1"],
  );
  const xs = labels.map((m) => Number(m[1]));
  // evenly spaced along the ramp
  for (let i = 2; i < xs.length; i++) assert.ok(Math.abs(xs[i] - xs[i - 1] - (xs[1] - xs[0])) < 1e-9);
});

test("colours: red below 0, blue above, near white at 0, symmetric in |v|", () => {
  const colour = divergingColour(symmetricDomain([-0.3, 2]));
  const rgb = (v: number) => (colour(v).match(/\d+/g) ?? []).map(Number);
  for (const v of [0.1, 0.5, 1, 2]) {
    const [r1, , b1] = rgb(-v);
    const [r2, , b2] = rgb(v);
    assert.ok(r1 > b1 && b2 > r2, `−${v} red, ${v} blue`);
  }
  assert.ok(
    rgb(0).every((c) => c > 225),
    `0 is near white: ${colour(0)}`,
  );
  // the scale is symmetric: the same distance from 0 has the same lightness either side
  const lightness = (v: number) => rgb(v).reduce((s, c) => s + c, 0);
  assert.ok(Math.abs(lightness(-1) - lightness(1)) < 90);
});

test("symmetricDomain is [−max|v|, max|v|], [−1, 1] for zeros, and refuses NaN", () => {
  assert.deepEqual(symmetricDomain([0.2, -0.7, 0.5]), [-0.7, 0.7]);
  assert.deepEqual(symmetricDomain([0, 0]), [-1, 1]);
  assert.throws(() => symmetricDomain([1, Number.NaN]), RangeError);
});

test("niceTicks: evenly spaced round numbers inside the range, about as many as asked, 0 when the range holds it", () => {
  const rng = Rng.fromSeed(4);
  for (let i = 0; i < 500; i++) {
    const scale = 10 ** (rng.int(12) - 6);
    const lo = (rng.uniform() - 0.7) * scale;
    const hi = lo + (0.01 + rng.uniform()) * scale;
    const ticks = niceTicks(lo, hi);
    assert.ok(ticks.length >= 2 && ticks.length <= 10, `${ticks.length} ticks on [${lo}, ${hi}]`);
    const step = ticks[1] - ticks[0];
    const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
    assert.ok(
      [1, 2, 5].some((f) => Math.abs(mantissa - f) < 1e-6),
      `step ${step} is 1, 2 or 5 × 10^e`,
    );
    for (let j = 0; j < ticks.length; j++) {
      assert.ok(ticks[j] >= lo - step * 1e-6 && ticks[j] <= hi + step * 1e-6);
      if (j > 0) assert.ok(Math.abs(ticks[j] - ticks[j - 1] - step) < step * 1e-9);
    }
    if (lo < 0 && hi > 0) assert.ok(ticks.includes(0), `0 in ${ticks}`);
  }
  assert.deepEqual(niceTicks(-1, 1), [-1, -0.5, 0, 0.5, 1]);
  assert.throws(() => niceTicks(1, 1), RangeError);
});

test("tick and cell texts use a true minus sign and never print −0", () => {
  assert.equal(tickText(-0.5), "−0.5");
  assert.equal(tickText(0.30000000000000004), "0.3");
  assert.equal(cellText(-0.0258), "−0.03");
  assert.equal(cellText(-0.001), "0.00");
  assert.equal(cellText(1.0014), "1.00");
});

test("a heat map refuses a shape its values do not fill", () => {
  const base = {
    name: "x",
    title: "x",
    caption: "",
    rowLabel: "r",
    columnLabel: "c",
    valueLabel: "v",
  };
  assert.throws(() => matrixHeatMap({ ...base, rows: 2, columns: 2, values: [1, 2, 3] }), /needs 4 values/);
  assert.throws(() => matrixHeatMap({ ...base, rows: 0, columns: 2, values: [] }), /at least one row/);
});
