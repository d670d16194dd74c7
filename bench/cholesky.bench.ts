/**
 * The Cholesky factorisation at orders 100, 400 and 1000: the TypeScript factorisation
 * (`choleskyScalar`, the fallback), the WebAssembly SIMD one (`cholesky`, what the library uses), and
 * NumPy's numpy.linalg.cholesky (LAPACK's blocked dpotrf through OpenBLAS, one thread:
 * bench/reference/cholesky.py) on the same matrix, B·Bᵀ/n + I with B a seeded Gaussian matrix. Rounds
 * alternate the three sides, so a burst of load on the shared machine hurts all alike, and the best
 * CPU time of each is kept (see `best`; NumPy's side measures its process time the same way). Prints
 * ms per factorisation, the ratios, and the largest difference of the
 * SIMD factor from the TypeScript one (all entries) and from NumPy's (diagonal and last row), relative
 * to max |L|.
 *
 * Then the Hessian work of one k = n = d = 20 Safran–Shamir trial that ends at a spurious minimum:
 * the exact Hessian (400 × 400) is assembled and factorised twice (the Newton finish and the final
 * verdict); timed at such an end point with either factorisation.
 *
 * Short run: MINIMA_BENCH_SECONDS (per side and round, default 1), MINIMA_BENCH_ROUNDS (default 3),
 * MINIMA_BENCH_SIZES (default 100,400,1000), e.g. MINIMA_BENCH_SECONDS=0.2 MINIMA_BENCH_ROUNDS=2.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { validateFcTrialSpec } from "../src/experiments/fc/spec.js";
import { fcTrialModel, fcTrialSetup, hessianVerdict, runFcTrial } from "../src/experiments/fc/trial.js";
import { cholesky, choleskyScalar } from "../src/math/cholesky.js";
import { Rng } from "../src/math/rng.js";

const SECONDS = Number(process.env.MINIMA_BENCH_SECONDS ?? 1);
const ROUNDS = Number(process.env.MINIMA_BENCH_ROUNDS ?? 3);
const SIZES = (process.env.MINIMA_BENCH_SIZES ?? "100,400,1000").split(",").map(Number);

const haveNumpy = spawnSync("python3", ["-c", "import numpy"]).status === 0;

/** CPU time of this process in ms (user + system). */
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * The best CPU time of one call of f in ms, over about `seconds` of wall time: calls in batches of at
 * least ~2 ms (the clock counts microseconds), at least two batches. CPU time, not wall time: on the
 * shared machine a call that takes longer than a time slice is interrupted by the other processes, and
 * wall time would count their slices too.
 */
function best(f: () => unknown, seconds: number): number {
  let batch = 1;
  let min = Number.POSITIVE_INFINITY;
  const start = performance.now();
  for (let runs = 0; runs < 2 || performance.now() - start < seconds * 1000; runs++) {
    const t0 = cpuMs();
    for (let i = 0; i < batch; i++) f();
    const t = cpuMs() - t0;
    min = Math.min(min, t / batch);
    if (t < 2) batch *= 2;
  }
  return min;
}

function testMatrix(n: number): Float64Array[] {
  const rng = Rng.fromSeed(1000, n);
  const B = Array.from({ length: n }, () => rng.normals(n));
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let m = 0; m < n; m++) s += B[i][m] * B[j][m];
      return s / n + (i === j ? 1 : 0);
    }),
  );
}

interface NumpyResult {
  msPerFactor: number;
  diagonal: number[];
  lastRow: number[];
}

function numpyRound(A: Float64Array[]): NumpyResult {
  const py = spawnSync("python3", ["bench/reference/cholesky.py"], {
    input: JSON.stringify({ A: A.map((r) => Array.from(r)), seconds: SECONDS }),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (py.status !== 0) throw new Error(`NumPy baseline failed: ${py.stderr}`);
  return JSON.parse(py.stdout) as NumpyResult;
}

const load = () => loadavg()[0].toFixed(1);
console.log(
  `load average at start ${load()} (2 cores shared); best of ${ROUNDS} alternating rounds of ${SECONDS} s per side`,
);
console.log(
  "n      TypeScript ms   SIMD ms   NumPy ms   TS/SIMD   NumPy/SIMD   GFLOP/s SIMD   max |ΔL| vs TS   vs NumPy",
);
for (const n of SIZES) {
  const A = testMatrix(n);
  // Warm-up for the JIT and the module's memory.
  best(() => choleskyScalar(A), 0.1);
  best(() => cholesky(A), 0.1);
  let ts = Number.POSITIVE_INFINITY;
  let simd = Number.POSITIVE_INFINITY;
  let numpy = Number.POSITIVE_INFINITY;
  let reference: NumpyResult | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    ts = Math.min(
      ts,
      best(() => choleskyScalar(A), SECONDS),
    );
    simd = Math.min(
      simd,
      best(() => cholesky(A), SECONDS),
    );
    if (haveNumpy) {
      reference = numpyRound(A);
      numpy = Math.min(numpy, reference.msPerFactor);
    }
  }
  const L = cholesky(A)?.L;
  const Lts = choleskyScalar(A)?.L;
  if (!L || !Lts) throw new Error(`n = ${n}: the test matrix did not factor`);
  let scale = 0;
  let vsTs = 0;
  for (let k = 0; k < n * n; k++) {
    scale = Math.max(scale, Math.abs(Lts[k]));
    vsTs = Math.max(vsTs, Math.abs(L[k] - Lts[k]));
  }
  let vsNumpy = Number.NaN;
  if (reference) {
    vsNumpy = 0;
    for (let i = 0; i < n; i++) {
      vsNumpy = Math.max(vsNumpy, Math.abs(L[i * n + i] - reference.diagonal[i]));
      vsNumpy = Math.max(vsNumpy, Math.abs(L[(n - 1) * n + i] - reference.lastRow[i]));
    }
  }
  const gflops = n ** 3 / 3 / (simd * 1e6);
  console.log(
    `${String(n).padEnd(6)} ${ts.toFixed(3).padStart(13)} ${simd.toFixed(3).padStart(9)} ${haveNumpy ? numpy.toFixed(3).padStart(10) : "       n/a"} ${(ts / simd).toFixed(2).padStart(8)}x ${haveNumpy ? `${(numpy / simd).toFixed(2).padStart(11)}x` : "         n/a"} ${gflops.toFixed(2).padStart(14)} ${(vsTs / scale).toExponential(1).padStart(16)} ${haveNumpy ? (vsNumpy / scale).toExponential(1).padStart(10) : "       n/a"}`,
  );
}
if (!haveNumpy) console.log("(python3 with NumPy not found: no NumPy column)");

// The Hessian work of one trial, at the end point of a k = n = 20 trial that ends at a spurious minimum.
const spec = validateFcTrialSpec({ n: 20, k: 20 });
const model = fcTrialModel(fcTrialSetup(spec));
let end: Float64Array | undefined;
for (let t = 0; t < 24 && !end; t++) {
  const trial = runFcTrial(spec, Rng.fromSeed(7, 20, t));
  if (trial.outcome === "spurious") end = Float64Array.from(trial.end);
}
if (!end) throw new Error("no spurious end point among 24 trials");
const x = end;
const H = model.hessian(x);
let tau = 1;
for (let i = 0; i < H.length; i++) tau = Math.max(tau, Math.abs(H[i][i]));
tau *= 1e-8;
if (hessianVerdict(H) !== "minimum") throw new Error("the end point's Hessian is not positive definite");
let assemble = Number.POSITIVE_INFINITY;
let factorTs = Number.POSITIVE_INFINITY;
let factorSimd = Number.POSITIVE_INFINITY;
for (let r = 0; r < ROUNDS; r++) {
  assemble = Math.min(
    assemble,
    best(() => model.hessian(x), SECONDS),
  );
  factorTs = Math.min(
    factorTs,
    best(() => choleskyScalar(H, -tau), SECONDS),
  );
  factorSimd = Math.min(
    factorSimd,
    best(() => cholesky(H, -tau), SECONDS),
  );
}
const withTs = 2 * (assemble + factorTs);
const withSimd = 2 * (assemble + factorSimd);
console.log(
  `\nHessian work of a k = n = d = 20 trial (2 × (assembly + factorisation), ${H.length} × ${H.length}):` +
    `\n  assembly ${assemble.toFixed(2)} ms; factorisation TypeScript ${factorTs.toFixed(2)} ms, SIMD ${factorSimd.toFixed(2)} ms` +
    `\n  per trial: ${withTs.toFixed(1)} ms with the TypeScript factorisation, ${withSimd.toFixed(1)} ms with SIMD (${(withTs / withSimd).toFixed(2)}x)`,
);
console.log(`load average at end ${load()}`);
