/**
 * Gradient flow against GD at step 0.1 on the Safran–Shamir protocol (k = n = 6…10, the same starts:
 * each trial's own start draw from Rng.fromSeed(23, k, t)), both with the Newton finish.
 *
 * (a) Basins: how often both end at the same outcome, and at the same family (both global, or both at
 *     a spurious minimum or saddle of one family modulo the symmetries, experiments/fc/families.ts);
 *     the runs where they differ, by (GD, flow) outcome; and whether the flow's side of each difference
 *     survives tolerances 1000× tighter (then the difference is GD's, not the integrator's).
 * (b) Time to a minimum: wall time per run of GD + Newton and of flow + Newton, for the runs that end
 *     at a spurious minimum (both) and for the global ones; gradients per run (GD: one per step; the
 *     flow's count includes its stages, power iteration and Newton) and the flow's Hessians.
 *
 * FLOW_BENCH_RUNS sets the runs per k (default 200: about 4 minutes on one core; FLOW_BENCH_RUNS=10
 * for a check of about 10 seconds). bench/run.mjs runs it with the others (it takes every *.bench.ts).
 */
import { fcFamilies } from "../src/experiments/fc/families.js";
import { validateFcTrialSpec } from "../src/experiments/fc/spec.js";
import { type FcTrialResult, runFcTrial } from "../src/experiments/fc/trial.js";
import { Rng } from "../src/math/rng.js";

const RUNS = Number(process.env.FLOW_BENCH_RUNS ?? 200);
if (!(Number.isInteger(RUNS) && RUNS >= 1))
  throw new Error(`FLOW_BENCH_RUNS must be an integer >= 1, got ${RUNS}`);
const SEED = 23;
const KS = [6, 7, 8, 9, 10];

interface Timed {
  readonly result: FcTrialResult;
  readonly ms: number;
}

function timed(spec: ReturnType<typeof validateFcTrialSpec>, k: number, t: number): Timed {
  const t0 = performance.now();
  const result = runFcTrial(spec, Rng.fromSeed(SEED, k, t));
  return { result, ms: performance.now() - t0 };
}

// Warm up the JIT on both paths before timing.
for (const optimizer of ["gd", "flow"]) {
  const spec = validateFcTrialSpec({ n: 6, k: 6, optimizer });
  for (let t = 0; t < 5; t++) runFcTrial(spec, Rng.fromSeed(SEED + 1, 6, t));
}

const rows: string[] = [];
const diffLines: string[] = [];
const totals = { runs: 0, sameOutcome: 0, sameFamily: 0, differences: 0, flowConfirmed: 0 };
const time = {
  spurious: { gd: 0, flow: 0, n: 0 },
  global: { gd: 0, flow: 0, n: 0 },
};
let gdGradients = 0;
let flowGradients = 0;
let flowHessians = 0;
for (const k of KS) {
  const gdSpec = validateFcTrialSpec({ n: k, k });
  const flowSpec = validateFcTrialSpec({ n: k, k, optimizer: "flow" });
  const tightSpec = validateFcTrialSpec({ n: k, k, optimizer: "flow", flowRtol: 1e-9, flowAtol: 1e-12 });
  let sameOutcome = 0;
  let sameFamily = 0;
  const spurious = { gd: 0, flow: 0 };
  for (let t = 0; t < RUNS; t++) {
    const gd = timed(gdSpec, k, t);
    const flow = timed(flowSpec, k, t);
    const a = gd.result;
    const b = flow.result;
    gdGradients += (a.steps as number) + (a.newtonSteps as number);
    flowGradients += b.gradients as number;
    flowHessians += b.hessians as number;
    if (a.outcome === "spurious") spurious.gd++;
    if (b.outcome === "spurious") spurious.flow++;
    for (const kind of ["spurious", "global"] as const)
      if (a.outcome === kind && b.outcome === kind) {
        time[kind].gd += gd.ms;
        time[kind].flow += flow.ms;
        time[kind].n++;
      }
    const same = a.outcome === b.outcome;
    const family =
      same &&
      (a.outcome === "global" ||
        ((a.outcome === "spurious" || a.outcome === "saddle") && fcFamilies(gdSpec, [a, b]).length === 1));
    if (same) sameOutcome++;
    if (family) sameFamily++;
    else {
      const tight = runFcTrial(tightSpec, Rng.fromSeed(SEED, k, t));
      const confirmed =
        tight.outcome === b.outcome &&
        (b.outcome === "global" || (b.end.length > 0 && fcFamilies(gdSpec, [b, tight]).length === 1));
      totals.differences++;
      if (confirmed) totals.flowConfirmed++;
      const describe = (r: FcTrialResult) =>
        r.outcome === "global" || r.loss === null ? r.outcome : `${r.outcome} J=${r.loss.toPrecision(6)}`;
      diffLines.push(
        `  k = n = ${k}, start ${t}: GD ${describe(a)}, flow ${describe(b)}${confirmed ? "" : ` (tighter flow: ${describe(tight)})`}`,
      );
    }
  }
  totals.runs += RUNS;
  totals.sameOutcome += sameOutcome;
  totals.sameFamily += sameFamily;
  rows.push(
    `  ${String(k).padStart(2)}  ${String(RUNS).padStart(5)}  ${String(sameOutcome).padStart(12)}  ${String(sameFamily).padStart(11)}  ${String(spurious.gd).padStart(11)}  ${String(spurious.flow).padStart(13)}`,
  );
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(
  `gradient flow against GD (η = 0.1), both with the Newton finish; ${RUNS} starts per k, seed ${SEED}`,
);
console.log("(a) basins");
console.log("   k   runs  same outcome  same family  spurious GD  spurious flow");
for (const r of rows) console.log(r);
console.log(
  `  all: ${totals.runs} runs, same outcome ${totals.sameOutcome} (${pct(totals.sameOutcome, totals.runs)}), same family ${totals.sameFamily} (${pct(totals.sameFamily, totals.runs)})`,
);
console.log(
  `  ${totals.differences} differences; the flow's end is unchanged at 1000× tighter tolerances in ${totals.flowConfirmed} of them`,
);
for (const line of diffLines) console.log(line);
console.log("(b) time to a minimum, mean per run where both end at the same kind of minimum");
for (const kind of ["spurious", "global"] as const) {
  const { gd, flow, n } = time[kind];
  if (n === 0) console.log(`  ${kind}: no runs`);
  else
    console.log(
      `  ${kind.padEnd(8)} (${n} runs): GD + Newton ${(gd / n).toFixed(1)} ms, flow + Newton ${(flow / n).toFixed(1)} ms (flow/GD ${(flow / gd).toFixed(2)}x)`,
    );
}
console.log(
  `  gradients per run: GD ${(gdGradients / totals.runs).toFixed(0)}, flow ${(flowGradients / totals.runs).toFixed(0)} and ${(flowHessians / totals.runs).toFixed(1)} Hessians`,
);
