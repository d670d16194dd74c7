/**
 * The iterative spectrum on real Hessians: Lanczos on Hessian–vector products against the dense
 * eigendecomposition (fc, mlp), the index at Tian's symmetric saddle (a negative eigenvalue of high
 * multiplicity and exact zero modes), classifyPoint above the dense size, the families' spectrum with
 * trained top weights (the lifted Hessian), and `minima eval --hessian` at K = d = 60 finishing.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { activationByName } from "../../src/activations/registry.js";
import { fcEndPointSpectrum } from "../../src/experiments/fc/end-point-spectrum.js";
import { validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { fcTrialModel, fcTrialSetup } from "../../src/experiments/fc/trial.js";
import { classifyPoint } from "../../src/landscape/classify.js";
import { pointSpectrum } from "../../src/landscape/hessian-spectrum.js";
import { denseSpectrum } from "../../src/math/low-spectrum.js";
import { Rng } from "../../src/math/rng.js";
import { makeNetwork } from "../../src/models/fc/network.js";
import { fcProblem } from "../../src/models/fc/problem-format.js";
import { reducedToWeights, symmetricSaddle } from "../../src/models/fc/reduced-2d.js";
import { reluPairKernel } from "../../src/models/fc/relu-kernel.js";
import { orthonormalTeacher } from "../../src/models/fc/teachers.js";
import { gaussianInputs } from "../../src/models/mlp/data.js";
import { mlpProblem } from "../../src/models/mlp/format.js";
import { Mlp } from "../../src/models/mlp/network.js";
import { runCli } from "../helpers/cli.js";

function perturbedIdentity(k: number, scale: number, seed: number): Float64Array {
  const rng = Rng.fromSeed(seed);
  return Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0) + scale * rng.normal());
}

function agree(lz: { eigenvalues: Float64Array; largest: number }, dense: Float64Array, label: string) {
  for (let i = 0; i < lz.eigenvalues.length; i++)
    assert.ok(
      Math.abs(lz.eigenvalues[i] - dense[i]) < 1e-6 * lz.largest,
      `${label} λ_${i}: ${lz.eigenvalues[i]} vs ${dense[i]}`,
    );
}

test("Tian's symmetric saddle (K = 8): Lanczos counts (K − 1)² = 49 negative eigenvalues and K − 1 zero modes, as the dense spectrum", () => {
  const k = 8;
  const s = symmetricSaddle(k);
  const problem = fcProblem({
    teacher: orthonormalTeacher(k, k),
    student: makeNetwork(k, k, reducedToWeights(k, k, s, s)),
    trainA: false,
    kernel: reluPairKernel,
  });
  const dense = pointSpectrum(problem, problem.point, { method: "dense" });
  assert.equal(dense.index, (k - 1) ** 2);
  assert.equal(dense.zeroModes, k - 1);
  // One negative eigenvalue −2.642 with all 49 copies: the block must grow past 49.
  const lz = pointSpectrum(problem, problem.point, { method: "lanczos", maxCount: 64 });
  assert.equal(lz.method, "lanczos");
  assert.ok(lz.complete);
  assert.equal(lz.index, (k - 1) ** 2);
  assert.equal(lz.zeroModes, k - 1);
  agree(lz, dense.eigenvalues, "saddle");
});

test("fc, K = d = 20 (400 parameters) near the global minimum, and an mlp: the smallest eigenvalues equal the dense ones", () => {
  const k = 20;
  const fc = fcProblem({
    teacher: orthonormalTeacher(k, k),
    student: makeNetwork(k, k, perturbedIdentity(k, 0.05, 1)),
    trainA: false,
    kernel: reluPairKernel,
  });
  const denseFc = pointSpectrum(fc, fc.point, { method: "dense" });
  const lzFc = pointSpectrum(fc, fc.point, { method: "lanczos" });
  assert.ok(lzFc.complete);
  assert.equal(lzFc.index, denseFc.index);
  agree(lzFc, denseFc.eigenvalues, "fc");
  const architecture = { inputDim: 4, widths: [12, 6], activation: activationByName("tanh") };
  const net = new Mlp(architecture);
  const rng = Rng.fromSeed(2);
  const mlp = mlpProblem(
    architecture,
    { x: gaussianInputs(2, 4, 60), y: rng.normals(60) },
    rng.normals(net.parameterCount).map((t) => 0.5 * t),
  );
  const denseMlp = pointSpectrum(mlp, mlp.point, { method: "dense" });
  // 74 negative eigenvalues: above the default count cap of 48, so the cap is raised.
  const lzMlp = pointSpectrum(mlp, mlp.point, { method: "lanczos", maxCount: 128 });
  assert.ok(lzMlp.complete);
  assert.equal(lzMlp.index, denseMlp.index);
  assert.equal(lzMlp.zeroModes, denseMlp.zeroModes);
  agree(lzMlp, denseMlp.eigenvalues, "mlp");
});

test("classifyPoint above the dense size uses Lanczos: the global minimum at K = d = 18 is a strict minimum with λ_min = 1/4 − 1/(2π)", () => {
  const k = 18;
  const W = perturbedIdentity(k, 0, 0);
  const problem = fcProblem({
    teacher: orthonormalTeacher(k, k),
    student: makeNetwork(k, k, W),
    trainA: false,
    kernel: reluPairKernel,
  });
  const c = classifyPoint(problem);
  assert.equal(c.spectrum.method, "lanczos");
  assert.equal(c.label, "strict-local-min");
  assert.ok(Math.abs(c.eigenvalues[0] - (0.25 - 1 / (2 * Math.PI))) < 1e-9, String(c.eigenvalues[0]));
  assert.ok((c.spectrum.residuals as Float64Array)[0] < 1e-6);
});

test("families' spectrum with trained top weights: the lifted Hessian by Lanczos equals the dense one", () => {
  const spec = validateFcTrialSpec({ n: 18, k: 17, top: "trained" });
  const rng = Rng.fromSeed(4);
  const end = Array.from({ length: 18 * 17 + 18 }, (_, i) =>
    i < 18 * 17 ? 0.3 * rng.normal() : 1 + 0.2 * rng.normal(),
  );
  const lz = fcEndPointSpectrum(spec, end);
  assert.equal(lz.method, "lanczos");
  const dense = denseSpectrum(fcTrialModel(fcTrialSetup(spec)).hessian(Float64Array.from(end)));
  assert.equal(lz.index, dense.index);
  agree(lz, dense.eigenvalues, "lifted");
});

test("minima eval --hessian on an fc problem with K = d = 60 (3,600 parameters) finishes with the spectrum summary", () => {
  // At the global minimum W = W* = I: λ_min = 1/4 − 1/(2π) is known, and the spectrum's few distinct
  // values keep the test short (a perturbed point takes 545 products: docs/large-landscapes.md).
  const k = 60;
  const W = perturbedIdentity(k, 0, 0);
  const rows = (m: Float64Array) =>
    Array.from({ length: k }, (_, j) => Array.from(m.subarray(j * k, (j + 1) * k)));
  const json = { model: "fc", teacher: { W: rows(perturbedIdentity(k, 0, 0)) }, student: { W: rows(W) } };
  const r = runCli(["eval", "-", "--hessian", "--json"], { input: JSON.stringify(json) });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.hessian.method, "lanczos");
  assert.equal(out.hessian.index, 0);
  assert.ok(out.hessian.complete);
  const lambdaMin = 0.25 - 1 / (2 * Math.PI);
  assert.ok(Math.abs(out.hessian.eigenvalues[0] - lambdaMin) < 1e-9, String(out.hessian.eigenvalues[0]));
  assert.ok(out.hessian.residuals[0] < 1e-5 * out.hessian.largest);
  assert.equal(out.hessian.matrix, undefined);
  const refused = runCli(["eval", "-", "--hessian", "--full-hessian"], { input: JSON.stringify(json) });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--full-hessian: .*1000 parameters/);
});
