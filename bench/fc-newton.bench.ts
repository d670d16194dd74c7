/**
 * The Newton finish against pure GD on 1,000 runs of the Safran–Shamir protocol (k = n = 6…10, 200
 * runs each, the same streams): the outcomes, the families of end points and the end points
 * themselves must be equal; prints the time of each. This is the evidence behind the claim that the
 * Newton finish changes nothing but the time (train/newton.ts states the rule).
 */
import { fcFamilies } from "../src/experiments/fc/families.js";
import { validateFcTrialSpec } from "../src/experiments/fc/spec.js";
import { type FcTrialResult, runFcTrial } from "../src/experiments/fc/trial.js";
import { Rng } from "../src/math/rng.js";

const RUNS = 200;
let total = 0;
let sameOutcome = 0;
let maxEndDiff = 0;
const time = { newton: 0, gd: 0 };
const familyLines: string[] = [];
for (const k of [6, 7, 8, 9, 10]) {
  const results: Record<"newton" | "gd", FcTrialResult[]> = { newton: [], gd: [] };
  for (const finish of ["newton", "gd"] as const) {
    const spec = validateFcTrialSpec({ n: k, k, finish });
    const t0 = performance.now();
    for (let t = 0; t < RUNS; t++) results[finish].push(runFcTrial(spec, Rng.fromSeed(11, k, t)));
    time[finish] += (performance.now() - t0) / 1000;
  }
  for (let t = 0; t < RUNS; t++) {
    const a = results.newton[t];
    const b = results.gd[t];
    total++;
    if (a.outcome === b.outcome) sameOutcome++;
    for (let i = 0; i < a.end.length; i++) maxEndDiff = Math.max(maxEndDiff, Math.abs(a.end[i] - b.end[i]));
  }
  const spec = validateFcTrialSpec({ n: k, k });
  const describe = (rs: FcTrialResult[]) =>
    fcFamilies(spec, rs)
      .map((f) => `${f.count}×${f.loss.toPrecision(6)}`)
      .join(" ");
  const fn = describe(results.newton);
  const fg = describe(results.gd);
  familyLines.push(
    `  k = n = ${k}: ${fn || "none"}${fn === fg ? "  (equal)" : `  DIFFERENT from pure GD: ${fg}`}`,
  );
}
console.log(
  `${total} runs, k = n = 6…10: the same outcome in ${sameOutcome}; end points differ by at most ${maxEndDiff.toExponential(1)}`,
);
console.log("families (runs × loss), GD + Newton against pure GD:");
for (const line of familyLines) console.log(line);
console.log(
  `time: GD + Newton ${time.newton.toFixed(1)} s, pure GD ${time.gd.toFixed(1)} s (${(time.gd / time.newton).toFixed(2)}x)`,
);
