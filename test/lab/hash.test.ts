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
    [
      "#cnn.k=0",
      "CNN view, patches k: the link gives “0”, but it must be a whole number from 1 to 400; using 25 instead.",
    ],
    [
      "#cnn.eta=abc",
      "CNN view, step size η: the link gives “abc”, but it must be a number from 0.0001 to 10",
    ],
    ["#cnn.eta=", "CNN view, step size η: the link gives nothing"],
    ["#cnn.k=2.5", "CNN view, patches k: the link gives “2.5”, but it must be a whole number"],
    ["#view=nowhere", "The view: the link gives “nowhere”, but it must be one of “about”, “cnn”"],
    ["#cnn.bogus=1", "“bogus” is not a setting of the CNN view of the lab; it was ignored."],
    [
      "#probability.ks=25,,49",
      "Probability view, patches k: the link gives “25,,49”, but it must be 1 to 8 whole numbers from 1 to 400, separated by commas; using 25, 49 instead.",
    ],
    ["#tian.starts=0.1:0.2:0.3", "Two-layer ReLU view, starts: the link gives “0.1:0.2:0.3”"],
    [
      "#ding.widths=4,100",
      "Sub-optimal minima view, hidden widths: the link gives “4,100”, but it must be 1 to 4 whole numbers from 1 to 64",
    ],
    ["#ding.activation=<script>", "Sub-optimal minima view, activation: the link gives “<script>”"],
    [
      "#cnn.start=9,1",
      "CNN view, start chosen on the landscape: the link gives “9,1”, but it must be empty, or “φ,c” with φ from 0 to π",
    ],
    [
      "#presentation=yes",
      "Presentation mode: the link gives “yes”, but it must be one of “off”, “on”; using off instead.",
    ],
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
  for (const where of ["CNN view, patches k", "bogus", "Probability view, patches k"])
    assert.ok(
      decoded.problems.some((p) => p.includes(where)),
      `${where}: ${decoded.problems.join(" | ")}`,
    );
  // a section that is not an object is dropped as a whole; the rest stays
  const section = decodeHash("#cnn=5&view=ding");
  assert.deepEqual(section.state, { ...s, view: "ding" });
  assert.ok(section.problems.some((p) => p.startsWith("The CNN view's settings could not be read")));
});

test("no problem line carries raw validator text", () => {
  const decoded = decodeHash(
    "#cnn.k=-3&cnn.eta=x&probability.ks=1,2,3,4,5,6,7,8,9&view=x&tian.starts=5:5&ding.activation=A",
  );
  assert.ok(decoded.problems.length >= 5);
  for (const line of decoded.problems)
    assert.doesNotMatch(line, /expected|Too (small|big)|Invalid|>=|<=|NaN/, line);
});

test("a start chosen on the CNN landscape round-trips through the link", () => {
  const s = defaultState();
  const state: LabState = { ...s, cnn: { ...s.cnn, start: [2.5, -0.3] }, presentation: "on" };
  assert.deepEqual(decodeHash(encodeHash(state)), { state, problems: [] });
});
