/** `minima classify` reports the proof of a critical point: certified with its radius, or the reason. */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "minima-classify-proof-"));

function file(json: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

const teacher = {
  W: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
};

test("fc: a point 1e-3 off the global minimum is proven (radius ≥ 1e-3, λ_min bound below 1/4 − 1/(2π)), in text and JSON", () => {
  const path = file({
    model: "fc",
    teacher,
    student: {
      W: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1.001],
      ],
    },
  });
  const json = runCli(["classify", path, "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const proof = JSON.parse(json.stdout).proof;
  assert.equal(proof.certified, true);
  assert.equal(proof.kind, "strict-local-min");
  assert.equal(proof.rounding, "estimated");
  assert.ok(proof.radius >= 1e-3 && proof.radius < 1.01e-3, String(proof.radius));
  assert.ok(proof.proofRadius < 1e-9 && proof.newtonSteps >= 1);
  assert.ok(proof.lambdaMinLower > 0.08 && proof.lambdaMinLower <= 0.25 - 1 / (2 * Math.PI));
  const text = runCli(["classify", path]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /proof +certified strict local minimum, λ_min ≥ 0\.0\d+, within r = 0\.001/);
});

test("fc: a point far from any critical point, and models without a bound (a ReLU mlp), are not certified, with the reason", () => {
  const far = runCli([
    "classify",
    file({
      model: "fc",
      teacher,
      student: {
        W: [
          [1, 0.4, 0],
          [0, 1, 0.3],
          [0.5, 0, 0.7],
        ],
      },
    }),
    "--json",
  ]);
  assert.equal(far.code, 0, far.stderr);
  const proof = JSON.parse(far.stdout).proof;
  assert.equal(proof.certified, false);
  assert.match(proof.reason, /Kantorovich's condition fails|ball/);
  const mlp = runCli([
    "classify",
    file({
      model: "mlp",
      activation: "relu",
      widths: [2],
      layers: [
        { weights: [[1], [-1]], biases: [0.2, 0.1] },
        { weights: [[1, 1]], biases: [-0.5379] },
      ],
      data: { x: [[-1.5], [-0.5], [0.5], [1.5]], y: [-1, 1, 1, -1] },
    }),
  ]);
  assert.equal(mlp.code, 0, mlp.stderr);
  assert.match(
    mlp.stdout,
    /proof +not certified: .*no Hessian Lipschitz bound for model mlp with activation relu/,
  );
});

test("cnn: the global minimum is certified on the slice across the filter's scale (the loss depends on v's direction only)", () => {
  const r = runCli([
    "classify",
    file({
      model: "cnn",
      teacher: { w: [1, 0, 0], a: [0.6, 0.8] },
      student: { v: [2, 0, 0], a: [0.6, 0.8] },
    }),
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const proof = JSON.parse(r.stdout).proof;
  assert.equal(proof.certified, true, proof.reason);
  assert.equal(proof.kind, "strict-local-min");
  assert.match(proof.slice, /direction only/);
});
