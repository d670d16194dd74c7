/**
 * Throughput of population WN-GD (Algorithm 1) on the Du et al. CNN at k = p = 25, one core:
 * trial-steps per second for the full-vector path (p- and k-vectors per trial), the exact reduction
 * (φ, r, x, y, ‖c‖), and a batched NumPy baseline (bench/reference/cnn_wngd.py, one array row per
 * trial, single-threaded BLAS) run on the same starts in this run. Prints the ratios and checks that
 * all three end in the same state. Installs Debian's python3-numpy with apt-get when NumPy is missing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drawCnnStart } from "../src/experiments/cnn/trial.js";
import { Rng } from "../src/math/rng.js";
import { cnnTeacherFromRatio } from "../src/models/cnn/teacher.js";
import { runFullVectorCnn } from "../src/train/cnn/full-vector.js";
import { reduceCnn, runReducedWnGd } from "../src/train/cnn/reduced.js";
import { CnnStopRules } from "../src/train/cnn/rules.js";

const k = 25;
const p = 25;
const ratio = 4;
const eta = 0.2;
const trials = 2000;
const steps = 2000;
const spec = { k, p, ratio, anorm: 1, eta, maxSteps: steps, init: "paper" as const };
const teacher = cnnTeacherFromRatio(k, p, ratio, 1);
const starts = Array.from({ length: trials }, (_, t) => drawCnnStart(spec, teacher, Rng.fromSeed(2024, t)));
const rules = new CnnStopRules(teacher, eta, true);
const options = { eta, maxSteps: steps, earlyStop: false };

function ensureNumpy(): boolean {
  if (spawnSync("python3", ["-c", "import numpy"]).status === 0) return true;
  console.log("NumPy not found: installing Debian's python3-numpy with apt-get …");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
  const run = (args: string[]) =>
    spawnSync(sudo.length ? sudo[0] : args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "python3-numpy"]);
  return spawnSync("python3", ["-c", "import numpy"]).status === 0;
}

function timeFull(): { seconds: number; phi: Float64Array; s: Float64Array } {
  const phi = new Float64Array(trials);
  const s = new Float64Array(trials);
  const copies = starts.map((st) => ({ v: Float64Array.from(st.v), a: Float64Array.from(st.a) }));
  const t0 = performance.now();
  copies.forEach((st, i) => {
    const end = runFullVectorCnn(teacher, st.v, st.a, rules, options);
    phi[i] = end.snapshot.phi;
    s[i] = end.snapshot.aDotAstar;
  });
  return { seconds: (performance.now() - t0) / 1000, phi, s };
}

function timeReduced(): { seconds: number; phi: Float64Array; s: Float64Array } {
  const phi = new Float64Array(trials);
  const s = new Float64Array(trials);
  const t0 = performance.now();
  starts.forEach((st, i) => {
    const { system, state } = reduceCnn(teacher, st.v, st.a);
    const end = runReducedWnGd(system, state, rules, options);
    phi[i] = end.snapshot.phi;
    s[i] = end.snapshot.aDotAstar;
  });
  return { seconds: (performance.now() - t0) / 1000, phi, s };
}

function maxDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

// Warm up the JIT on a slice, then measure.
for (const st of starts.slice(0, 50)) {
  runFullVectorCnn(teacher, Float64Array.from(st.v), Float64Array.from(st.a), rules, options);
  const r = reduceCnn(teacher, st.v, st.a);
  runReducedWnGd(r.system, r.state, rules, options);
}
// Best of REPEATS for every contender: the machine may be shared, and the fastest run is the least disturbed.
const REPEATS = 3;
const best = <T extends { seconds: number }>(run: () => T): T => {
  let b = run();
  for (let i = 1; i < REPEATS; i++) {
    const r = run();
    if (r.seconds < b.seconds) b = r;
  }
  return b;
};
const full = best(timeFull);
const reduced = best(timeReduced);
const trialSteps = trials * steps;
const rate = (seconds: number) => trialSteps / seconds;

console.log(
  `population WN-GD, k = p = ${k}, ${trials} trials × ${steps} steps, one core, best of ${REPEATS}`,
);
console.log(`  full-vector path (TypeScript)   ${(rate(full.seconds) / 1e6).toFixed(2)} M trial-steps/s`);
console.log(`  exact reduction (TypeScript)    ${(rate(reduced.seconds) / 1e6).toFixed(2)} M trial-steps/s`);
console.log(`  reduced vs full agree to        ${maxDiff(full.phi, reduced.phi).toExponential(1)} in φ`);

if (!ensureNumpy()) {
  console.log("  NumPy baseline: unavailable (python3-numpy could not be installed); no ratio printed");
} else {
  const dir = mkdtempSync(join(tmpdir(), "minima-bench-"));
  try {
    const file = join(dir, "cnn.json");
    writeFileSync(
      file,
      JSON.stringify({
        k,
        p,
        steps,
        eta,
        wstar: Array.from(teacher.w),
        astar: Array.from(teacher.a),
        v0: starts.map((st) => Array.from(st.v)),
        a0: starts.map((st) => Array.from(st.a)),
      }),
    );
    const threads = { OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
    const py = spawnSync("python3", ["bench/reference/cnn_wngd.py", file, String(REPEATS)], {
      encoding: "utf8",
      env: { ...process.env, ...threads },
      maxBuffer: 256 * 1024 * 1024,
    });
    if (py.status !== 0) throw new Error(`NumPy baseline failed: ${py.stderr}`);
    const np = JSON.parse(py.stdout) as { seconds: number; phi: number[]; aDotAstar: number[] };
    const npRate = rate(np.seconds);
    console.log(`  batched NumPy baseline          ${(npRate / 1e6).toFixed(2)} M trial-steps/s`);
    console.log(`  NumPy vs full path agree to     ${maxDiff(np.phi, full.phi).toExponential(1)} in φ`);
    console.log(`ratio full-vector / NumPy:  ${(rate(full.seconds) / npRate).toFixed(2)}×`);
    console.log(`ratio reduced / NumPy:      ${(rate(reduced.seconds) / npRate).toFixed(2)}×  (target ≥ 3×)`);
  } finally {
    rmSync(dir, { recursive: true });
  }
}
