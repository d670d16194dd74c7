import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { classifyCommand } from "../../src/cli/classify.js";
import { InputError } from "../../src/core/errors.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "minima-classify-"));
const csv = join(dir, "golden.csv");
writeFileSync(csv, "x,y\n-1.5,-1\n-0.5,1\n0.5,1\n1.5,-1\n");
const point = join(dir, "point.json");

test("classify: the saved worked-example point is a degenerate local minimum whose certificate holds; the flipped one a saddle", () => {
  const made = runCli([
    "certify",
    "--activation",
    "sigmoid",
    "--data",
    csv,
    "--widths",
    "2",
    "--weights",
    "unit",
    "--restarts",
    "0",
    "--training-starts",
    "0",
    "--save-point",
    point,
  ]);
  assert.equal(made.code, 0, made.stderr);
  const r = runCli(["classify", point, "--restarts", "2", "--iterations", "2000", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.label, "degenerate-local-min");
  assert.equal(j.gradNorm, 0);
  assert.equal(j.index, 0);
  assert.equal(j.zeroModes, 4);
  assert.equal(j.eigenvalues.length, 7);
  for (let i = 1; i < 7; i++) assert.ok(j.eigenvalues[i] >= j.eigenvalues[i - 1]);
  assert.equal(j.hessian, "exact");
  assert.equal(j.certificate.holds, true);

  // The negative control by hand: v₁ → −v₁ and b₀ compensated, so the loss is unchanged.
  const json = JSON.parse(readFileSync(point, "utf8"));
  const out = json.layers[1];
  const s = 1 / (1 + Math.exp(1));
  out.weights[0][0] = -1;
  out.biases[0] += 2 * s;
  const flipped = join(dir, "flipped.json");
  writeFileSync(flipped, JSON.stringify(json));
  const f = JSON.parse(runCli(["classify", flipped, "--json"]).stdout);
  assert.equal(f.label, "saddle");
  assert.ok(f.index >= 1);
  assert.equal(f.certificate.holds, false);
});

test("classify: a missing file is a one-line error with exit code 2", () => {
  assert.ok(isOneLineInputError(runCli(["classify", join(dir, "missing.json")])));
});

test("classify (in process): a moved output bias is not-stationary; bad JSON, unknown models and bad flags are input errors", async () => {
  const made = JSON.parse(readFileSync(point, "utf8"));
  made.layers[1].biases[0] += 0.1;
  const moved = join(dir, "moved.json");
  writeFileSync(moved, JSON.stringify(made));
  const chunks: string[] = [];
  const original = console.log;
  const orig = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((text: string) => {
    chunks.push(String(text));
    return true;
  }) as typeof process.stdout.write;
  try {
    await classifyCommand.run([moved, "--json"]);
  } finally {
    process.stdout.write = orig;
    console.log = original;
  }
  assert.equal(JSON.parse(chunks.join("")).label, "not-stationary");
  const bad = join(dir, "bad.json");
  writeFileSync(bad, "{not json");
  const unknown = join(dir, "unknown.json");
  writeFileSync(unknown, '{"model":"nope"}');
  for (const args of [[bad], [unknown], [], [bad, "--restarts", "-1"]]) {
    await assert.rejects(
      async () => classifyCommand.run(args),
      (e: unknown) => e instanceof InputError && !e.message.includes("\n"),
      args.join(" "),
    );
  }
});
