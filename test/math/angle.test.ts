import assert from "node:assert/strict";
import { test } from "node:test";
import { angleBetween, clampedAcos, cosineBetween } from "../../src/math/angle.js";

test("clampedAcos never returns NaN for cosines pushed past ±1 by rounding", () => {
  assert.equal(clampedAcos(1 + 1e-15), 0);
  assert.equal(clampedAcos(-1 - 1e-15), Math.PI);
  assert.ok(Math.abs(clampedAcos(0) - Math.PI / 2) < 1e-16);
});

test("angleBetween is accurate near 0 and π where acos is not", () => {
  const eps = 1e-9;
  const x = [1, 0, 0];
  assert.ok(Math.abs(angleBetween(x, [Math.cos(eps), Math.sin(eps), 0])! - eps) < 1e-20);
  const near = angleBetween(x, [-Math.cos(eps), Math.sin(eps), 0])!;
  assert.ok(Math.abs(Math.PI - near - eps) < 1e-15);
  assert.equal(angleBetween([2, 0], [3, 0]), 0);
  assert.equal(angleBetween([2, 0], [-3, 0]), Math.PI);
});

test("angles and cosines with a zero vector are undefined, not NaN", () => {
  assert.equal(angleBetween([0, 0], [1, 0]), undefined);
  assert.equal(cosineBetween([1, 0], [0, 0]), undefined);
});
