/**
 * The Spurious-minima view's computation, link and heat map: its runs and families equal
 * `minima fc probability --json` for the same settings (run through the real CLI), however the
 * trials are shared among workers; its state survives the URL, and a bad field in a link keeps the
 * rest; the heat map holds the family's W, with the special unit's negative entry outlined.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { spuriousCommand } from "../../lab/commands.js";
import {
  hasFamilies,
  mergeRuns,
  type SpuriousRun,
  spuriousFamilies,
  spuriousOutcomes,
  spuriousRuns,
  spuriousSpec,
  studentWidth,
} from "../../lab/compute/spurious.js";
import { decodeHash, encodeHash } from "../../lab/hash.js";
import { shareOut } from "../../lab/run-cycle.js";
import { defaultState, type LabState, type SpuriousState } from "../../lab/state.js";
import { NEGATIVE_SHARE, weightFigure, weightMatrix } from "../../lab/views/spurious/heat-map.js";
import { defaultFamily, proofText, symmetryText } from "../../lab/views/spurious/output.js";
import type { FcFamily } from "../../src/experiments/fc/families.js";
import { Rng } from "../../src/math/rng.js";
import { runCli } from "../helpers/cli.js";

const base = defaultState().spurious;

/** The view's whole computation as the page runs it: trials dealt to `workers`, then the families. */
function labRun(state: SpuriousState, workers: number) {
  const trials = Array.from({ length: state.runs }, (_, t) => t);
  const parts = shareOut(trials, workers).map((mine) => spuriousRuns({ state, trials: mine }, () => {}));
  const runs = mergeRuns(parts);
  const away = runs.filter((r) => r.outcome === "spurious" || r.outcome === "saddle");
  const families = hasFamilies(runs) ? spuriousFamilies({ state, runs: away }) : [];
  return { runs, outcomes: spuriousOutcomes(runs), families };
}

function cliRun(state: SpuriousState) {
  const args = spuriousCommand(state).split(" ");
  assert.deepEqual(args.slice(0, 3), ["minima", "fc", "probability"]);
  const cli = runCli([...args.slice(1), "--workers", "1"]);
  assert.equal(cli.code, 0, cli.stderr);
  return JSON.parse(cli.stdout);
}

/** JSON as the command prints it (typed arrays as arrays, no undefined fields). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

test("k = n = 6, 20 runs: every outcome, interval and family equals `minima fc probability --json`", () => {
  const state: SpuriousState = { ...base, k: 6, nMode: "equal", runs: 20, seed: 1 };
  const lab = labRun(state, 3);
  const printed = cliRun(state);
  assert.equal(printed.trials, 20);
  assert.deepEqual(printed.outcomes, asJson(lab.outcomes));
  assert.deepEqual(printed.families, asJson(lab.families));
  const { seed, ...settings } = printed.settings;
  assert.equal(seed, state.seed);
  assert.deepEqual(settings, asJson(spuriousSpec(state)));
});

// k = n = 8 has spurious minima in about one run in eight (12.6% in 1000 runs), so 40 runs have some.
const eight: SpuriousState = { ...base, k: 8, nMode: "equal", runs: 40, seed: 1 };
const eightRun = labRun(eight, 2);

test("k = n = 8, 40 runs: the families (and so their W) equal the command's, whatever the number of workers", () => {
  assert.ok(eightRun.families.length > 0, "40 runs at k = n = 8 end at some spurious minimum");
  const printed = cliRun(eight);
  assert.deepEqual(printed.outcomes, asJson(eightRun.outcomes));
  assert.deepEqual(printed.families, asJson(eightRun.families));
  const one = labRun({ ...eight, runs: 12 }, 1);
  const four = labRun({ ...eight, runs: 12 }, 4);
  assert.deepEqual(asJson(one), asJson(four));
});

test("trial t of the view is the fc trial on the sweep's stream (seed, cell key, t): another seed gives other starts", () => {
  const runs = spuriousRuns({ state: { ...eight, runs: 4 }, trials: [3] }, () => {});
  assert.equal(runs[0].trial, 3);
  const same = eightRun.runs[3] as SpuriousRun;
  assert.deepEqual(runs[0], same);
  const other = spuriousRuns({ state: { ...eight, seed: 2 }, trials: [3] }, () => {});
  assert.notDeepEqual(other[0].end, same.end);
});

test("progress reports the runs done so far without their end points", () => {
  const seen: number[] = [];
  spuriousRuns({ state: { ...base, k: 3, runs: 3 }, trials: [0, 1, 2] }, (p) => {
    seen.push(p.done);
    const partial = p.partial as SpuriousRun[];
    assert.equal(partial.length, p.done);
    assert.ok(partial.every((r) => r.end === undefined));
  });
  assert.deepEqual(seen, [1, 2, 3]);
});

test("the student width follows the mode, and the command names every setting", () => {
  assert.equal(studentWidth({ ...base, k: 9, nMode: "equal" }), 9);
  assert.equal(studentWidth({ ...base, k: 9, nMode: "plus-one" }), 10);
  assert.equal(studentWidth({ ...base, k: 9, nMode: "free", n: 3 }), 3);
  assert.equal(
    spuriousCommand({
      ...base,
      k: 9,
      nMode: "plus-one",
      init: "normal",
      initStd: 0.25,
      eta: 0.05,
      runs: 7,
      seed: 3,
    }),
    "minima fc probability --K 10 --Kstar 9 --d 9 --init normal --init-std 0.25 --eta 0.05 --trials 7 --seed 3 --json",
  );
  assert.doesNotMatch(spuriousCommand({ ...base, init: "glorot" }), /init-std/);
});

test("the view's state survives the link exactly, float64 for float64", () => {
  const rng = Rng.fromSeed(13);
  for (let i = 0; i < 100; i++) {
    const s = defaultState();
    const state: LabState = {
      ...s,
      view: "spurious",
      spurious: {
        k: 3 + rng.int(18),
        nMode: (["equal", "plus-one", "free"] as const)[rng.int(3)],
        n: 1 + rng.int(200),
        eta: 1e-4 + rng.uniform(),
        init: (["fan-in", "glorot", "normal"] as const)[rng.int(3)],
        initStd: 1e-4 + rng.uniform() * 2,
        runs: 1 + rng.int(10000),
        seed: rng.int(2 ** 31),
      },
    };
    const decoded = decodeHash(encodeHash(state));
    assert.deepEqual(decoded.problems, []);
    assert.deepEqual(decoded.state, state);
  }
});

/** How the notice names the fields this test breaks. */
const SPURIOUS_LABELS: Partial<Record<keyof SpuriousState, string>> = {
  k: "teacher width k",
  nMode: "student width rule",
  eta: "step size η",
};

test("one invalid field in a link takes its default and keeps every other field of the link", () => {
  const s = defaultState();
  const shared: LabState = {
    ...s,
    view: "spurious",
    cnn: { ...s.cnn, k: 36 },
    spurious: { ...s.spurious, k: 12, nMode: "plus-one", runs: 20, eta: 0.05, seed: 9 },
  };
  for (const [key, bad] of [
    ["spurious.k", "99"],
    ["spurious.nMode", "double"],
    ["spurious.eta", "abc"],
  ] as const) {
    const hash = encodeHash(shared).replace(new RegExp(`${key.replace(".", "\\.")}=[^&]*`), `${key}=${bad}`);
    const decoded = decodeHash(hash);
    const field = key.split(".")[1] as keyof SpuriousState;
    assert.deepEqual(
      decoded.state,
      { ...shared, spurious: { ...shared.spurious, [field]: s.spurious[field] } },
      hash,
    );
    assert.ok(
      decoded.problems.some((p) => p.startsWith(`Spurious minima view, ${SPURIOUS_LABELS[field]}:`)),
      decoded.problems.join(" | "),
    );
  }
  const unknown = decodeHash(`${encodeHash(shared)}&spurious.width=3`);
  assert.deepEqual(unknown.state, shared);
  assert.ok(unknown.problems.some((p) => p.includes("width")));
});

test("the heat map holds the family's W, and the special unit's negative own coordinate is outlined", () => {
  const k = eight.k;
  const special = eightRun.families.find(
    (f) => f.outcome === "spurious" && f.orbits.length === 2 && f.orbits[1] === 1,
  );
  assert.ok(special, "the special-unit family (orbits [k − 1, 1]) is among the families at k = n = 8");
  const W = weightMatrix(special, k, k);
  assert.deepEqual([W.rows, W.columns], [k, k]);
  assert.deepEqual(W.values, special.representative);
  // Independently of the heat map's code: the coordinate that no student unit covers (no entry near 1)
  // is the special unit's own, and its entry there is the one clearly negative entry.
  const column = (c: number) => Array.from({ length: k }, (_, j) => special.representative[j * k + c]);
  const uncovered = Array.from({ length: k }, (_, c) => c).filter((c) => Math.max(...column(c)) < 0.5);
  assert.equal(uncovered.length, 1);
  assert.equal(W.negatives.length, 1);
  assert.equal(W.negatives[0].column, uncovered[0]);
  const m = Math.max(...special.representative.map(Math.abs));
  assert.ok(W.negatives[0].value < -NEGATIVE_SHARE * m);
  assert.equal(W.negatives[0].value, Math.min(...column(uncovered[0])));

  const { svg } = weightFigure(special, k, k, 1);
  // one coloured cell per entry (with its value in its tooltip) and one outline
  const titles = [...svg.matchAll(/<title>row (\d+), column (\d+): ([^<]+)<\/title>/g)];
  assert.equal(titles.length, k * k);
  for (const [, row, col, value] of titles)
    assert.equal(Number(value), special.representative[(Number(row) - 1) * k + (Number(col) - 1)]);
  const fills = [...svg.matchAll(/<rect[^>]*fill="(rgb\([^"]+\))"[^>]*>\s*<title>row (\d+), column (\d+)/g)];
  assert.equal(fills.length, k * k);
  for (const [, fill, row, col] of fills) {
    const [r, , b] = fill.match(/\d+/g)!.map(Number);
    const v = special.representative[(Number(row) - 1) * k + (Number(col) - 1)];
    if (v < -0.05 * m) assert.ok(r > b, `negative ${v} is red: ${fill}`);
    if (v > 0.05 * m) assert.ok(b > r, `positive ${v} is blue: ${fill}`);
  }
  // the outline sits on the negative entry's cell
  const attr = (tag: string, name: string) => Number(tag.match(new RegExp(`\\s${name}="([^"]+)"`))?.[1]);
  const outline = svg.match(/<g[^>]*stroke="black"[^>]*aria-label="cell">(.*?)<\/g>/)?.[1] ?? "";
  const boxes = [...outline.matchAll(/<rect[^>]*>/g)].map((m) => m[0]);
  assert.equal(boxes.length, 1);
  const target = `row ${W.negatives[0].row + 1}, column ${W.negatives[0].column + 1}:`;
  const cell = svg.match(new RegExp(`<rect[^>]*>(?=<title>${target})`))?.[0] ?? "";
  assert.ok(Math.abs(attr(boxes[0], "x") - attr(cell, "x")) <= 1, `${boxes[0]} on ${cell}`);
  assert.ok(Math.abs(attr(boxes[0], "y") - attr(cell, "y")) <= 1, `${boxes[0]} on ${cell}`);
  assert.match(svg, /linearGradient/);
});

test("family numbers for people: symmetry, proof, the family shown first", () => {
  assert.equal(symmetryText([7, 1]), "S₇ × S₁");
  assert.equal(symmetryText([12]), "S₁₂");
  const f = { outcome: "spurious", count: 3 } as unknown as FcFamily;
  assert.equal(proofText(f), "not proven yet");
  assert.equal(
    proofText({ ...f, certified: true, radius: 1.25e-9 } as unknown as FcFamily),
    "proven, r = 1.25e-9",
  );
  assert.equal(
    proofText({ ...f, certified: false, reason: "λ_min bound fails" } as unknown as FcFamily),
    "not proven: λ_min bound fails",
  );
  assert.equal(
    proofText({
      ...f,
      proof: { certified: true, radius: 0.5, reason: "Kantorovich" },
    } as unknown as FcFamily),
    "proven, r = 0.5",
  );
  assert.equal(
    proofText({ ...f, certified: true, radius: 2e-10, provenKind: "minimum" } as unknown as FcFamily),
    "proven minimum, r = 2.00e-10",
  );
  const saddle = { ...f, outcome: "saddle" } as FcFamily;
  assert.equal(defaultFamily([saddle, f]), 1);
  assert.equal(defaultFamily([saddle]), 0);
});
