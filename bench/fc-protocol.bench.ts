/**
 * Trials per second of the Safran–Shamir (2018) protocol at k = n = 10 and k = n = 20, one core each
 * side: minima's fc trial (GD on the exact population loss, the Newton finish, the outcome from the
 * exact Hessian at the end point), minima's pure-GD trial (finish "gd": no Newton, still classified),
 * and the protocol in NumPy (bench/reference/fc_protocol.py: per step two BLAS products through the
 * Gram matrices and elementwise work on n × (n + k) arrays, one OpenBLAS thread; pure GD, no
 * classification) — all from the same starts (the trial's own start draw, sent to NumPy as
 * matrices). Two alternating rounds, the best of each side kept. Prints the ratios and checks that
 * the three agree on which runs reach the global minimum and on the final losses.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { validateFcTrialSpec } from "../src/experiments/fc/spec.js";
import { drawFcStart, runFcTrial } from "../src/experiments/fc/trial.js";
import { Rng } from "../src/math/rng.js";

const ROUNDS = 2;
const SIZES: readonly { k: number; trials: number }[] = [
  { k: 10, trials: 40 },
  { k: 20, trials: 12 },
];

interface Run {
  readonly global: boolean;
  readonly loss: number;
}

function timeMinima(k: number, trials: number, finish: "newton" | "gd"): { seconds: number; runs: Run[] } {
  const spec = validateFcTrialSpec({ n: k, k, finish });
  const runs: Run[] = [];
  const t0 = performance.now();
  for (let t = 0; t < trials; t++) {
    const r = runFcTrial(spec, Rng.fromSeed(7, k, t));
    runs.push({ global: r.outcome === "global", loss: r.loss ?? Number.NaN });
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
  const out = JSON.parse(py.stdout) as { seconds: number; runs: { loss: number }[] };
  return {
    seconds: out.seconds,
    runs: out.runs.map((r) => ({ global: r.loss < spec.globalLoss, loss: r.loss })),
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
}
console.log(
  `load average at end ${loadavg()[0].toFixed(1)} (target: minima ≥ 10x the NumPy protocol per trial)`,
);
