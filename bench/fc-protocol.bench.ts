/**
 * Trials per second of the Safran–Shamir (2018) protocol at k = n = 10 and k = n = 20, one core each
 * side: minima's fc trial (GD on the exact population loss, the Newton finish, the outcome from the
 * exact Hessian at the end point), minima's pure-GD trial (finish "gd": no Newton, still classified),
 * and the protocol in NumPy (bench/reference/fc_protocol.py: per step two BLAS products through the
 * Gram matrices and elementwise work on n × (n + k) arrays, one OpenBLAS thread; pure GD, no
 * classification) — all from the same starts (the trial's own start draw, sent to NumPy as
 * matrices). Two alternating rounds, the best of each side kept. Prints the ratios and checks that
 * the three agree on which runs reach the global minimum and on the final losses. Then where the ratio
 * comes from (GD steps per run and time per step) and, at k = n = 20, the time of the WebAssembly parts
 * that any step computing this gradient this way must pay: the 590 pair angles and the two products.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { validateFcTrialSpec } from "../src/experiments/fc/spec.js";
import { drawFcStart, runFcTrial } from "../src/experiments/fc/trial.js";
import { Rng } from "../src/math/rng.js";
import { reluGramLayout } from "../src/models/fc/relu-gram.js";
import { gramKernel } from "../src/models/fc/relu-gram-wasm.js";

const ROUNDS = 2;
const SIZES: readonly { k: number; trials: number }[] = [
  { k: 10, trials: 40 },
  { k: 20, trials: 12 },
];

interface Run {
  readonly global: boolean;
  readonly loss: number;
  /** GD steps of the run (for minima, before Newton's finish). */
  readonly steps: number;
}

function timeMinima(k: number, trials: number, finish: "newton" | "gd"): { seconds: number; runs: Run[] } {
  const spec = validateFcTrialSpec({ n: k, k, finish });
  const runs: Run[] = [];
  const t0 = performance.now();
  for (let t = 0; t < trials; t++) {
    const r = runFcTrial(spec, Rng.fromSeed(7, k, t));
    runs.push({ global: r.outcome === "global", loss: r.loss ?? Number.NaN, steps: r.steps });
  }
  return { seconds: (performance.now() - t0) / 1000, runs };
}

function timeNumpy(k: number, trials: number): { seconds: number; runs: Run[] } {
  const spec = validateFcTrialSpec({ n: k, k });
  const starts = Array.from({ length: trials }, (_, t) => {
    const x = drawFcStart(spec, Rng.fromSeed(7, k, t));
    return Array.from({ length: k }, (_, j) => Array.from(x.subarray(j * k, (j + 1) * k)));
  });
  const py = spawnSync("python3", ["bench/reference/fc_protocol.py"], {
    input: JSON.stringify({ starts, eta: spec.eta, gradTol: spec.gradTol, maxSteps: spec.maxSteps }),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (py.status !== 0) throw new Error(`NumPy protocol failed: ${py.stderr}`);
  const out = JSON.parse(py.stdout) as { seconds: number; runs: { loss: number; steps: number }[] };
  return {
    seconds: out.seconds,
    runs: out.runs.map((r) => ({ global: r.loss < spec.globalLoss, loss: r.loss, steps: r.steps })),
  };
}

const haveNumpy = spawnSync("python3", ["-c", "import numpy"]).status === 0;
console.log(
  `load average at start ${loadavg()[0].toFixed(1)}; best of ${ROUNDS} alternating rounds, one core per side`,
);
console.log(
  "k = n   trials   minima (GD+Newton)   minima (pure GD)   NumPy (pure GD)   ratio   agree   max |ΔJ|",
);
timeMinima(6, 10, "newton"); // JIT warm-up
const perStep: string[] = [];
for (const { k, trials } of SIZES) {
  let best: Record<string, { seconds: number; runs: Run[] } | undefined> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const sides = {
      newton: timeMinima(k, trials, "newton"),
      gd: timeMinima(k, trials, "gd"),
      numpy: haveNumpy ? timeNumpy(k, trials) : undefined,
    };
    best = Object.fromEntries(
      Object.entries(sides).map(([name, r]) => {
        const b = best[name];
        return [name, !r || (b && b.seconds <= r.seconds) ? b : r];
      }),
    );
  }
  const rate = (r?: { seconds: number }) => (r ? trials / r.seconds : Number.NaN);
  const n = best.newton as { seconds: number; runs: Run[] };
  const np = best.numpy;
  let agree = 0;
  let diff = 0;
  if (np)
    n.runs.forEach((r, i) => {
      if (r.global === np.runs[i].global) agree++;
      // Global runs: minima stops once J < 1e-3 (settleGlobal), NumPy at the gradient threshold.
      if (!r.global) diff = Math.max(diff, Math.abs(r.loss - np.runs[i].loss));
    });
  console.log(
    `${String(k).padEnd(7)} ${String(trials).padStart(6)}   ${rate(n).toFixed(2).padStart(12)}/s   ${rate(best.gd).toFixed(2).padStart(12)}/s   ${np ? `${rate(np).toFixed(2).padStart(11)}/s` : "  (no NumPy)"}   ${np ? `${(rate(n) / rate(np)).toFixed(1)}x` : "-"}   ${np ? `${agree}/${trials}` : "-"}   ${np ? diff.toExponential(1) : "-"}`,
  );
  // Where the ratio comes from: GD steps per run and the time per step (a run's whole time over its
  // GD steps, so Newton's finish and the verdict are in minima's figure), and what 10x would need.
  const steps = (r: { runs: Run[] }) => r.runs.reduce((s, x) => s + x.steps, 0);
  const usPerStep = (r: { seconds: number; runs: Run[] }) => ((r.seconds * 1e6) / steps(r)).toFixed(1);
  const gd = best.gd as { seconds: number; runs: Run[] };
  perStep.push(
    `${String(k).padEnd(7)} ${(steps(n) / trials).toFixed(0).padStart(6)} × ${usPerStep(n).padStart(5)} µs   ${(steps(gd) / trials).toFixed(0).padStart(6)} × ${usPerStep(gd).padStart(5)} µs   ${np ? `${(steps(np) / trials).toFixed(0).padStart(6)} × ${usPerStep(np).padStart(5)} µs` : "-".padEnd(17)}   ${np ? `${((np.seconds * 1e6) / 10 / steps(n)).toFixed(1)} µs per GD step` : "-"}`,
  );
}
console.log("\nGD steps per run × time per GD step (a run's whole time over its GD steps):");
console.log("k = n   minima (GD+Newton)    minima (pure GD)      NumPy (pure GD)       10x needs minima at");
for (const line of perStep) console.log(line);
console.log(
  `load average at end ${loadavg()[0].toFixed(1)} (target: minima ≥ 10x the NumPy protocol per trial)`,
);

/**
 * Microseconds for the fixed WebAssembly parts of one step at k = n = d (orthonormal teacher), on the
 * kernel alone with relu-gram.ts's layout: the pair angles (student pairs once, all teacher
 * pairs: fdlibm's acos and a square root each) and the two products G = W·Wᵀ and M·[W; W*].
 */
function stepFloor(k: number): { angles: number; products: number; pairs: number } {
  const { Kp, n, dw, offV, offG, offTheta, offSin, offM, offOut, offInv, doubles } = reluGramLayout(k, k, k);
  const kernel = gramKernel(doubles);
  if (!kernel) throw new Error("no WebAssembly SIMD");
  const f = kernel.f64;
  const rng = Rng.fromSeed(5, k);
  const W = rng.normals(k * k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) f[offV + j * dw + i] = W[j * k + i] / Math.sqrt(k);
    f[offV + (Kp + j) * dw + j] = 1; // teacher row e_j
  }
  kernel.abt(offV, Kp, offV, n, dw, offG, n, Kp);
  for (let j = 0; j < k; j++) f[offInv + j] = 1 / Math.sqrt(f[offG + j * n + j]);
  for (let j = 0; j < k; j++) f[offInv + Kp + j] = 1;
  for (let p = 0; p < Kp * n; p++) f[offM + p] = rng.normal();
  const gram = f.slice(offG, offG + Kp * n);
  const even = k + (k & 1);
  const best = (fn: () => void) => {
    const reps = 20_000;
    let t = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) fn();
      t = Math.min(t, ((performance.now() - t0) * 1000) / reps);
    }
    return t;
  };
  const restore = () => f.set(gram, offG); // angles overwrite G with cos θ
  const copy = best(restore);
  const angles =
    best(() => {
      restore();
      kernel.angles(offG, n, k, offInv, offTheta, offSin, "diagonal", even);
      kernel.angles(offG, n, k, offInv, offTheta, offSin, Kp, Kp + even);
    }) - copy;
  const products = best(() => {
    kernel.abt(offV, Kp, offV, Kp, dw, offG, n, Kp);
    kernel.ab(offM, Kp, offV, dw, Kp, offOut, n);
  });
  return { angles, products, pairs: (k * (k - 1)) / 2 + k * k };
}

const floor = stepFloor(20);
console.log(
  `k = n = 20, the WebAssembly parts of one step: ${floor.pairs} pair angles ${floor.angles.toFixed(2)} µs, the two products ${floor.products.toFixed(2)} µs; together ${(floor.angles + floor.products).toFixed(2)} µs`,
);
