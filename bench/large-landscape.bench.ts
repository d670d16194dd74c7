/**
 * A full classification (gradient, Hessian spectrum, label) at k = n = d = 20, 50, 100 (400, 2,500 and
 * 10,000 parameters) of the fc network with the orthonormal teacher: Lanczos on the exact
 * Hessian–vector product against the dense path (form the Hessian, decompose it) where that runs.
 * Points: at k = 20 a spurious minimum (the end of a Safran–Shamir trial, stream (1, 0)); at 50 and 100
 * the global minimum W = I perturbed by 0.05·N(0, 1) per entry (a trial there takes too long here).
 * Times are CPU seconds of this process (the machine is shared).
 *
 * The proof (landscape/prove-point.ts: Newton polish, then Newton–Kantorovich with a verified Cholesky)
 * is timed at a point near a minimum: the trial end at k = 20, and W = I + 10⁻⁶·N(0, 1) at 50 and 100 (the
 * classification's point is 0.05 away from any critical point, where no proof can succeed). Its
 * factorisations are dense (order = parameters), so it is the one cubic step left at 10⁴ parameters.
 * MINIMA_BENCH_PROOF_MAX (default 10,000) is the largest size for which it is run.
 *
 * Env: MINIMA_BENCH_LARGE_SIZES (default "20,50,100"; "20" for the short run), MINIMA_BENCH_DENSE_MAX
 * (largest parameter count for the dense baseline, default 2,500, where it takes minutes; at 10,000 the
 * matrix alone is 800 MB).
 */
import { validateFcTrialSpec } from "../src/experiments/fc/spec.js";
import { runFcTrial } from "../src/experiments/fc/trial.js";
import { classifyPoint } from "../src/landscape/classify.js";
import { proveProblemPoint } from "../src/landscape/prove-point.js";
import { Rng } from "../src/math/rng.js";
import { makeNetwork } from "../src/models/fc/network.js";
import { fcProblem } from "../src/models/fc/problem-format.js";
import { reluPairKernel } from "../src/models/fc/relu-kernel.js";
import { orthonormalTeacher } from "../src/models/fc/teachers.js";

const sizes = (process.env.MINIMA_BENCH_LARGE_SIZES ?? "20,50,100").split(",").map(Number);
const denseMax = Number(process.env.MINIMA_BENCH_DENSE_MAX ?? 2500);
const proofMax = Number(process.env.MINIMA_BENCH_PROOF_MAX ?? 10000);

function cpuSeconds<T>(f: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1e6];
}

function problemAt(k: number, W: Float64Array) {
  return fcProblem({
    teacher: orthonormalTeacher(k, k),
    student: makeNetwork(k, k, W),
    trainA: false,
    kernel: reluPairKernel,
  });
}

/** The point the proof is timed at (see the file's comment). */
function proofPointFor(k: number, classified: Float64Array): Float64Array {
  if (k === 20) return classified;
  const rng = Rng.fromSeed(6, k);
  return Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0) + 1e-6 * rng.normal());
}

function pointFor(k: number): { W: Float64Array; what: string } {
  if (k === 20) {
    const end = runFcTrial(validateFcTrialSpec({ n: k, k }), Rng.fromSeed(1, 0));
    return {
      W: Float64Array.from(end.end),
      what: `trial end (${end.outcome}, J = ${end.loss?.toPrecision(6)})`,
    };
  }
  const rng = Rng.fromSeed(5, k);
  const W = Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0) + 0.05 * rng.normal());
  return { W, what: "W = I + 0.05·N" };
}

console.log(
  "k = n = d | parameters | point | lanczos s (products) | dense s | dense/lanczos | label | index | λ_min lanczos (residual) | λ_min dense | proof s | proof",
);
for (const k of sizes) {
  const { W, what } = pointFor(k);
  const problem = problemAt(k, W);
  const n = problem.point.length;
  // End points are stored rounded to 1e-7, so their gradient is ~1e-6 rather than 0.
  const options = { gradTol: 1e-5, restarts: 0 } as const;
  const [lz, tl] = cpuSeconds(() =>
    classifyPoint(problem, problem.point, { ...options, spectrum: "lanczos" }),
  );
  const residual = (lz.spectrum.residuals as Float64Array)[0];
  let denseCells = "— | —";
  let denseMin = "—";
  if (n <= denseMax) {
    const [dense, td] = cpuSeconds(() =>
      classifyPoint(problem, problem.point, { ...options, spectrum: "dense" }),
    );
    denseCells = `${td.toFixed(2)} | ${(td / tl).toFixed(1)}×`;
    denseMin = dense.eigenvalues[0].toPrecision(10);
    if (dense.index !== lz.index || dense.label !== lz.label)
      console.log(
        `!! k = ${k}: dense says ${dense.label} (index ${dense.index}), lanczos ${lz.label} (index ${lz.index})`,
      );
  }
  let proofCells = "— | not run";
  if (n <= proofMax) {
    const [proof, tp] = cpuSeconds(() => proveProblemPoint(problemAt(k, proofPointFor(k, W))));
    const what = proof.certified
      ? `certified ${proof.kind}, r = ${proof.radius?.toExponential(2)}, λ_min ≥ ${proof.lambdaMinLower?.toPrecision(4)}`
      : `not certified: ${proof.reason}`;
    proofCells = `${tp.toFixed(2)} | ${what}`;
  }
  console.log(
    `${k} | ${n} | ${what} | ${tl.toFixed(2)} (${lz.spectrum.products}) | ${denseCells} | ${lz.label} | ${lz.index} | ${lz.eigenvalues[0].toPrecision(10)} (${residual.toExponential(1)}) | ${denseMin} | ${proofCells}`,
  );
}
