/** The lab's URL-hash codec: exact round trips, defaults for missing fields, a notice for bad ones. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeHash, encodeHash } from "../../lab/hash.js";
import { defaultState, type LabState } from "../../lab/state.js";
import { Rng } from "../../src/math/rng.js";

test("decodeHash(encodeHash(state)) gives back the same state, float64 for float64", () => {
  const rng = Rng.fromSeed(7);
  for (let i = 0; i < 200; i++) {
    const s = defaultState();
    const state: LabState = {
      ...s,
      view: (["cnn", "basins", "probability", "tian", "ding", "about"] as const)[rng.int(6)],
      cnn: { ...s.cnn, eta: 1e-4 + rng.uniform() * 2, aNorm: 0.01 + rng.uniform() * 10, k: 1 + rng.int(400) },
      probability: { ...s.probability, ratios: [rng.uniform() * 3, 0.1 + 0.2, 7] },
      tian: { ...s.tian, starts: [[rng.uniform() - 0.5, rng.uniform()]] },
      ding: {
        ...s.ding,
        widths: [1 + rng.int(64), 1 + rng.int(64)],
        weights: rng.int(2) ? "unit" : "random",
      },
    };
    const decoded = decodeHash(encodeHash(state));
    assert.deepEqual(decoded.problems, []);
    assert.deepEqual(decoded.state, state);
  }
});

test("an empty hash and a partial hash give the defaults for every missing field, without a notice", () => {
  assert.deepEqual(decodeHash(""), { state: defaultState(), problems: [] });
  const partial = decodeHash("#view=tian&tian.K=7");
  assert.deepEqual(partial.problems, []);
  assert.deepEqual(partial.state, {
    ...defaultState(),
    view: "tian",
    tian: { ...defaultState().tian, K: 7 },
  });
});

test("a bad value, an unknown key or a malformed list (alone in the link) gives the defaults and names each problem", () => {
  for (const [hash, where] of [
    ["#cnn.k=0", "cnn.k"],
    ["#cnn.eta=abc", "cnn.eta"],
    ["#cnn.eta=", "cnn.eta"],
    ["#cnn.k=2.5", "cnn.k"],
    ["#view=nowhere", "view"],
    ["#cnn.bogus=1", "bogus"],
    ["#probability.ks=25,,49", "probability.ks"],
    ["#tian.starts=0.1:0.2:0.3", "tian.starts"],
    ["#ding.widths=4,100", "ding.widths"],
    ["#ding.activation=<script>", "ding.activation"],
  ] as const) {
    const decoded = decodeHash(hash);
    assert.deepEqual(decoded.state, defaultState(), hash);
    assert.ok(
      decoded.problems.some((p) => p.includes(where)),
      `${hash}: ${decoded.problems.join(" | ")}`,
    );
  }
});

test("one bad field takes its default and every other field keeps the link's value", () => {
  const decoded = decodeHash("#view=tian&tian.K=7&cnn.k=-3&cnn.eta=0.3&tian.bogus=1&probability.ks=9,,4");
  const s = defaultState();
  assert.deepEqual(decoded.state, {
    ...s,
    view: "tian",
    tian: { ...s.tian, K: 7 },
    cnn: { ...s.cnn, eta: 0.3 },
  });
  for (const where of ["cnn.k", "bogus", "probability.ks"])
    assert.ok(
      decoded.problems.some((p) => p.includes(where)),
      `${where}: ${decoded.problems.join(" | ")}`,
    );
  // a section that is not an object is dropped as a whole; the rest stays
  const section = decodeHash("#cnn=5&view=ding");
  assert.deepEqual(section.state, { ...s, view: "ding" });
  assert.ok(section.problems.some((p) => p.startsWith("cnn")));
});
