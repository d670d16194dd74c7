import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { cholesky } from "../../src/math/cholesky.js";
import { Rng } from "../../src/math/rng.js";
import { makeNetwork, rowsOf } from "../../src/models/fc/network.js";
import { FcPopulation } from "../../src/models/fc/population.js";
import { reluPairKernel } from "../../src/models/fc/relu-kernel.js";

// The NumPy baselines of bench/fc.bench.ts (fc_population_gradient.py), of the protocol benchmark
// (fc_protocol.py) and of bench/cholesky.bench.ts (cholesky.py) must compute what minima computes.
// CI installs NumPy; without it these tests skip.
const reference = (name: string) => fileURLToPath(new URL(`../../bench/reference/${name}`, import.meta.url));
const noNumpy =
  spawnSync("python3", ["-c", "import numpy"]).status === 0
    ? false
    : "python3 with NumPy is not available (python3 -c 'import numpy' fails); CI installs it";

function runPython<T>(script: string, input: unknown): T {
  const py = spawnSync("python3", [reference(script)], {
    input: JSON.stringify(input),
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  assert.equal(py.status, 0, `${script} failed: ${py.stderr}`);
  return JSON.parse(py.stdout) as T;
}

const flatten = (rows: number[][]) => Float64Array.from(rows.flat());
const maxAbs = (v: ArrayLike<number>) => Array.from(v).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const maxDiff = (u: ArrayLike<number>, v: ArrayLike<number>) =>
  Array.from(u).reduce((m, x, i) => Math.max(m, Math.abs(x - v[i])), 0);

/** max_j ‖g_j‖ over the rows of a K×d row-major gradient. */
function maxRowNorm(g: Float64Array, K: number, d: number): number {
  let worst = 0;
  for (let j = 0; j < K; j++) worst = Math.max(worst, Math.hypot(...g.subarray(j * d, (j + 1) * d)));
  return worst;
}

test("the BLAS Gram gradient (fc_population_gradient.py) equals FcPopulation's at K = d = 5", {
  skip: noNumpy,
}, () => {
  const K = 5;
  const d = 5;
  const rng = Rng.fromSeed(2017, 5);
  const W = rng.normals(K * d);
  const Ws = rng.normals(K * d);
  const out = runPython<{ evalsPerSecond: number; gradient: number[][] }>("fc_population_gradient.py", {
    W: rowsOf(K, d, W),
    Wstar: rowsOf(K, d, Ws),
    seconds: 0.01,
  });
  assert.ok(out.evalsPerSecond >= 0);
  const pop = new FcPopulation(reluPairKernel, makeNetwork(K, d, Ws), K);
  const g = new Float64Array(K * d);
  pop.lossAndGradient({ W, a: new Float64Array(K).fill(1) }, g);
  const py = flatten(out.gradient);
  assert.equal(py.length, K * d);
  assert.ok(maxDiff(py, g) <= 1e-12 * maxAbs(g), `max |Δ∇J| = ${maxDiff(py, g)} (max |∇J| = ${maxAbs(g)})`);
});

test("the Safran–Shamir protocol in NumPy (fc_protocol.py) ends where minima's J and ∇J say", {
  skip: noNumpy,
}, () => {
  const k = 3;
  const n = 3;
  const d = k;
  const rng = Rng.fromSeed(2018, 3);
  // One start near the teacher I_3 (converges within the budget) and one N(0, 1/d) start.
  const near = Float64Array.from(
    { length: n * d },
    (_, i) => (i % (d + 1) === 0 ? 1 : 0) + 0.05 * rng.normal(),
  );
  const random = rng.normals(n * d).map((v) => v / Math.sqrt(d));
  const gradTol = 1e-9 / (2 * Math.PI);
  const maxSteps = 3000;
  const out = runPython<{
    seconds: number;
    runs: { steps: number; loss: number; gradMax: number; W: number[][]; halvings: number }[];
  }>("fc_protocol.py", { starts: [rowsOf(n, d, near), rowsOf(n, d, random)], eta: 0.1, gradTol, maxSteps });
  assert.ok(Number.isFinite(out.seconds) && out.seconds >= 0);
  assert.equal(out.runs.length, 2);
  const identity = Float64Array.from({ length: k * d }, (_, i) => (i % (d + 1) === 0 ? 1 : 0));
  const pop = new FcPopulation(reluPairKernel, makeNetwork(k, d, identity), n);
  out.runs.forEach((run, r) => {
    assert.ok(Number.isFinite(run.loss) && run.loss >= 0, `run ${r}: J = ${run.loss}`);
    assert.ok(
      run.gradMax < gradTol || run.steps === maxSteps,
      `run ${r}: ${run.steps} steps, ${run.gradMax}`,
    );
    assert.ok(
      run.steps <= maxSteps && run.halvings === 0,
      `run ${r}: ${run.steps} steps, ${run.halvings} halvings`,
    );
    const W = flatten(run.W);
    const g = new Float64Array(n * d);
    const J = pop.lossAndGradient({ W, a: new Float64Array(n).fill(1) }, g);
    assert.ok(Math.abs(J - run.loss) <= 1e-12 * Math.max(1, J), `run ${r}: J ${run.loss} vs minima's ${J}`);
    const worst = maxRowNorm(g, n, d);
    assert.ok(Math.abs(worst - run.gradMax) <= 1e-13, `run ${r}: max ‖∂J/∂w_j‖ ${run.gradMax} vs ${worst}`);
  });
  assert.ok(
    out.runs[0].gradMax < gradTol && out.runs[0].loss < 1e-3,
    "the start near I_3 reaches the teacher",
  );
});

test("NumPy's Cholesky baseline (cholesky.py) factors the matrix minima factors", { skip: noNumpy }, () => {
  const n = 40;
  const rng = Rng.fromSeed(2006, n);
  const B = Array.from({ length: n }, () => rng.normals(n));
  const A = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => B[i].reduce((s, v, m) => s + v * B[j][m], 0) / n + (i === j ? 1 : 0)),
  );
  const out = runPython<{ msPerFactor: number; diagonal: number[]; lastRow: number[] }>("cholesky.py", {
    A,
    seconds: 0.01,
  });
  assert.ok(out.msPerFactor > 0);
  const f = cholesky(A);
  assert.ok(f);
  const scale = maxAbs(f.L);
  const diagonal = Array.from({ length: n }, (_, i) => f.L[i * n + i]);
  assert.ok(maxDiff(out.diagonal, diagonal) <= 1e-13 * scale, `diagonal: ${maxDiff(out.diagonal, diagonal)}`);
  assert.ok(maxDiff(out.lastRow, f.L.subarray((n - 1) * n)) <= 1e-13 * scale, "last row");
});
