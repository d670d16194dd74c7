/**
 * Cost of one population-GD step (J and ∇J) of the two-layer network for each activation, against
 * ReLU's closed form in the same run: K = K* = d ∈ {2, 5}, orthonormal teacher (norms 1), a student
 * with unit-scale rows (N(0, 1/d) entries, norms ≈ 1, the scale of the quadrature grid). Each line is
 * the best of three rounds (0.5 s each, kernels interleaved) so a burst of load on the shared machine
 * hurts every kernel alike. Prints ms/step and the ratio to ReLU, and the load average.
 * Run with: npm run bench -- fc-activation
 */
import { loadavg } from "node:os";
import { Rng } from "../src/math/rng.js";
import { fcPairKernelFor } from "../src/models/fc/kernels.js";
import { FcPopulation } from "../src/models/fc/population.js";
import { orthonormalTeacher } from "../src/models/fc/teachers.js";

const ROUND_MS = 500;
const ROUNDS = 3;
const NAMES = ["relu", "leaky-relu", "tanh", "softplus", "sigmoid", "gelu", "erf", "elu"];

function msPerStep(pop: FcPopulation, x: { W: Float64Array; a: Float64Array }, g: Float64Array): number {
  let n = 0;
  const start = performance.now();
  do {
    pop.lossAndGradient(x, g);
    n++;
  } while (performance.now() - start < ROUND_MS);
  return (performance.now() - start) / n;
}

for (const K of [2, 5]) {
  const d = K;
  const teacher = orthonormalTeacher(K, d);
  const W = Rng.fromSeed(7, K)
    .normals(K * d)
    .map((v) => v / Math.sqrt(d));
  const x = { W, a: new Float64Array(K).fill(1) };
  const g = new Float64Array(K * d);
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++)
    for (const name of NAMES) {
      // elu (generic quadrature split at the kink) is ~100x slower than the rest: one round is enough.
      if (name === "elu" && round > 0) continue;
      const pop = new FcPopulation(fcPairKernelFor(name), teacher, K);
      const ms = msPerStep(pop, x, g);
      best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, ms));
    }
  const relu = best.get("relu") ?? 1;
  console.log(`K = K* = d = ${K}: ms per step (J and ∇J), best of ${ROUNDS} rounds, ratio to relu`);
  for (const name of NAMES) {
    const ms = best.get(name) ?? Number.NaN;
    console.log(
      `  ${name.padEnd(11)} ${ms.toExponential(2).padStart(9)} ms   ${(ms / relu).toFixed(0).padStart(7)}x`,
    );
  }
}
console.log(`load average (1 min): ${loadavg()[0].toFixed(2)} on the shared machine`);
