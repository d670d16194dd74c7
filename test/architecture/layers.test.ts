/**
 * The shape of the code, checked on its import graph (import-graph.ts): no import cycle anywhere in
 * src/ and lab/ (type-only imports included), nothing importing from a higher layer, a numeric core
 * free of I/O and the DOM, long files that say why they are long, and a library entry point that
 * lists its names. docs/architecture.md describes the layers this test enforces.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { importCycles, readSources, type SourceFile } from "./import-graph.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const files = readSources(ROOT, ["src", "lab"]);

/**
 * Each folder's layer, lowest first: a file may import from its own folder and from lower layers
 * only. Folders on the same layer (sweep, figures, io) do not import each other.
 */
export const LAYERS: Readonly<Record<string, number>> = {
  core: 0,
  math: 1,
  activations: 2,
  models: 3,
  train: 4,
  landscape: 5,
  experiments: 6,
  sweep: 7,
  figures: 7,
  io: 7,
  report: 8,
  cli: 9,
  "index.ts": 9,
  lab: 10,
};

/** The numeric core: pure computation, importable in a browser worker. */
const NUMERIC_CORE = ["core", "math", "activations", "models", "train", "landscape", "experiments"];

const folderOf = (path: string) => (path.startsWith("lab/") ? "lab" : path.split("/")[1]);

test("no import cycle in src/ or lab/, type-only imports included", () => {
  assert.ok(files.length > 150, `read ${files.length} source files`);
  assert.deepEqual(importCycles(files), []);
});

test("the cycle finder finds a cycle when there is one", () => {
  const fake = (path: string, imports: string[]): SourceFile => ({ path, text: "", imports });
  assert.deepEqual(importCycles([fake("a.ts", ["b.ts"]), fake("b.ts", ["c.ts"]), fake("c.ts", ["a.ts"])]), [
    ["a.ts", "b.ts", "c.ts"],
  ]);
  assert.deepEqual(importCycles([fake("a.ts", ["b.ts"]), fake("b.ts", [])]), []);
});

test("every folder of src/ has a layer, and nothing imports from a higher or a sibling layer", () => {
  const upward: string[] = [];
  for (const f of files) {
    const from = folderOf(f.path);
    assert.ok(
      from in LAYERS,
      `${f.path}: folder ${from} has no layer in this test (add it, and to docs/architecture.md)`,
    );
    for (const target of f.imports) {
      const to = folderOf(target);
      if (to !== from && !(LAYERS[to] < LAYERS[from])) upward.push(`${f.path} -> ${target}`);
    }
  }
  assert.deepEqual(upward, []);
});

test("the numeric core imports no Node built-in, no DOM and no package with I/O", () => {
  const offending: string[] = [];
  for (const f of files) {
    if (!NUMERIC_CORE.includes(folderOf(f.path))) continue;
    for (const m of f.text.matchAll(/from\s+"([^".][^"]*)"/g))
      if (m[1] !== "ml-matrix") offending.push(`${f.path} imports ${m[1]}`);
    if (/\b(document|window)\./.test(f.text)) offending.push(`${f.path} touches the DOM`);
  }
  assert.deepEqual(offending, []);
});

test("a source file over 400 lines says at its top why it is long", () => {
  const unexplained = files
    .filter((f) => f.text.split("\n").length > 400)
    .filter((f) => !/^\/\*\*[\s\S]*?Why this file is long:[\s\S]*?\*\//.test(f.text))
    .map((f) => `${f.path} (${f.text.split("\n").length} lines)`);
  assert.deepEqual(unexplained, []);
});

test("the library entry point lists its names (no export *) and keeps internals out", async () => {
  const index = files.find((f) => f.path === "src/index.ts");
  assert.ok(index);
  assert.ok(!/export \*/.test(index.text), "src/index.ts re-exports whole modules");
  const lib = (await import("../../src/index.js")) as Record<string, unknown>;
  for (const [name, value] of Object.entries(lib)) assert.notEqual(value, undefined, name);
  for (const internal of [
    "trajectoryPoint",
    "divergedSnapshot",
    "cnnPopulationState",
    "reducedSnapshot",
    "splitBlocks",
  ])
    assert.ok(!(internal in lib), `${internal} is internal`);
  for (const name of [
    "runCnnTrial",
    "validateCnnTrialSpec",
    "descend",
    "FcPopulation",
    "Mlp",
    "classifyPoint",
  ])
    assert.ok(name in lib, `${name} is public`);
});

test("optimiser loops live in train/: the one fixed-step loop (descent.ts), Newton's finish and the exact reduced maps", () => {
  // The exact CNN reduction (φ, r, x, y, ‖c‖) and Tian's 2-D (x, y) map are their own algorithms on a
  // few numbers, not GD on a model's parameters.
  const reducedMaps = [
    "src/experiments/tian/dynamics2d.ts",
    "src/train/cnn/reduced.ts",
    "src/train/newton.ts",
  ];
  const stepLoop =
    /for\s*\(\s*;\s*;\s*\w+\+\+\s*\)|\b(t|step|s)\s*>=\s*(options\.)?maxSteps\b|for \(let (\w+) = 0; \3 <=? (steps|maxSteps)/;
  const loops = files.filter((f) => stepLoop.test(f.text)).map((f) => f.path);
  assert.deepEqual(loops.sort(), ["src/train/descent.ts", ...reducedMaps].sort());
});
