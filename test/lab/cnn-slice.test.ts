/**
 * The CNN view's loss slice: every value is the library's population loss, each column's lowest
 * point is the profile minimum over a (reached at a(φ)), and the marked points sit where the
 * library's stationary points are.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  componentAlong,
  orthogonalTo,
  sliceGrid,
  sliceLoss,
  sliceMarkers,
  sliceOutputWeights,
} from "../../lab/compute/cnn-slice.js";
import { cnnPopulationGradient, cnnPopulationLoss } from "../../src/models/cnn/population.js";
import { stationaryOutputWeights } from "../../src/models/cnn/stationary.js";
import { cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";

const teacher = cnnTeacherFromRatio(9, 5, 1, 1.3);
const e = orthogonalTo(teacher.w);

test("the slice's output weights have the requested component c along a* and keep the rest of a(φ)", () => {
  for (const phi of [0, 0.7, Math.PI / 2, 2.9, Math.PI]) {
    const a = sliceOutputWeights(teacher, phi, 0.37);
    assert.ok(Math.abs(componentAlong(teacher, a) - 0.37) < 1e-14);
    const ref = stationaryOutputWeights(teacher, phi);
    const n = Math.hypot(...teacher.a);
    const diff = a.map((x, i) => x - ref[i]);
    // a − a(φ) is parallel to a*: its part orthogonal to a* vanishes.
    const along = componentAlong(teacher, diff);
    const orth = diff.map((x, i) => x - (along * teacher.a[i]) / n);
    assert.ok(Math.hypot(...orth) < 1e-14);
  }
});

test("along each column the slice loss is lowest at c = a(φ)ᵀa*/‖a*‖, where it equals min over a of ℓ(φ, a)", () => {
  for (const phi of [0.3, 1.2, 2.2, 3.0]) {
    const aPhi = stationaryOutputWeights(teacher, phi);
    const c0 = componentAlong(teacher, aPhi);
    const v = Float64Array.from(teacher.w, (x, i) => Math.cos(phi) * x + Math.sin(phi) * e[i]);
    const atMin = sliceLoss(teacher, e, phi, c0);
    assert.ok(Math.abs(atMin - cnnPopulationLoss(teacher, v, aPhi)) < 1e-14);
    // a(φ) is stationary in a: the library's a-gradient vanishes there.
    assert.ok(Math.hypot(...cnnPopulationGradient(teacher, v, aPhi).a) < 1e-13);
    for (const dc of [-0.1, -1e-3, 1e-3, 0.1]) assert.ok(sliceLoss(teacher, e, phi, c0 + dc) > atMin);
  }
});

test("the markers sit at the library's stationary points: global at (0, ‖a*‖) with loss 0, spurious at φ = π", () => {
  const markers = sliceMarkers(teacher);
  const global = markers.find((m) => m.label === "global minimum");
  assert.ok(global);
  assert.ok(Math.abs(global.c - Math.hypot(...teacher.a)) < 1e-12);
  assert.ok(Math.abs(sliceLoss(teacher, e, 0, global.c)) < 1e-14);
  const spurious = markers.find((m) => m.phi === Math.PI);
  assert.ok(spurious);
  assert.equal(spurious.label, "spurious local minimum"); // ratio 1 < (9+π−1)/π
  assert.ok(Math.abs(sliceLoss(teacher, e, Math.PI, spurious.c) - spurious.loss) < 1e-14);
  const saddle = markers.find((m) => m.label === "saddle");
  assert.ok(saddle && saddle.phi > Math.PI / 2 && saddle.phi < Math.PI);
});

test("the grid holds the slice loss at every node", () => {
  const grid = sliceGrid(teacher, [-1, 2], 7, 5);
  assert.equal(grid.values.length, 35);
  for (let j = 0; j < 5; j++)
    for (let i = 0; i < 7; i++)
      assert.equal(grid.values[j * 7 + i], sliceLoss(teacher, e, grid.phis[i], grid.cs[j]));
});
