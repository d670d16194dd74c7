/**
 * Near-symmetric noisy starts (Tian 2017, Fig. 5 and Conjecture 4.3): orthonormal teacher w*_j = e_j,
 * w_j⁽¹⁾ = 10⁻³ w*_j + ε_j with ε_j ~ N(0, (10⁻³·noise)² I) (the noise read as a standard deviation),
 * population GD. Reports success counts per noise level and, for the failures, where they stop: loss,
 * gradient norm, Hessian index, and the distinct stopping points counted modulo permutation of units.
 * Run t of noise level i uses Rng.fromSeed(seed, i, t). Any activation (`fcPairKernelFor`; ReLU by
 * its closed form): success and the failure diagnostics use only J, ‖∇J‖ and the Hessian.
 */

import { float64Argument, listArgument, objectArgument } from "../../core/arguments.js";
import { integerInRange, nonNegativeNumber, positiveNumber } from "../../core/validate.js";
import { Rng, type Seed } from "../../math/rng.js";
import { hessianSpectrum } from "../../math/spectrum.js";
import { type ProportionEstimate, wilsonInterval } from "../../math/stats.js";
import { fcPairKernelFor } from "../../models/fc/kernels.js";
import { FcPopulation } from "../../models/fc/population.js";
import { orthonormalTeacher } from "../../models/fc/teachers.js";
import { fcGradientDescent } from "../../train/fc/gradient-descent.js";
import { equalUpToPermutation } from "./permutation.js";

export interface NoisySpec {
  readonly K: number;
  readonly d: number;
  readonly noises: readonly number[];
  readonly runs: number;
  readonly eta: number;
  readonly maxSteps: number;
  readonly seed: Seed;
  /** Top weights of teacher and student (fixed, not trained); default all ones. */
  readonly a?: Float64Array;
  /** A run succeeds when J < successLoss (default 1e-8). */
  readonly successLoss?: number;
  /** σ of teacher and student (a name of the activations registry); default "relu". */
  readonly activation?: string;
}

export interface NoisyFailure {
  readonly run: number;
  /**
   * "stationary" (‖∇J‖ < 1e-12), "max-steps" (budget spent: see gradNorm), "diverged", or
   * "out-of-range" (a unit's norm left the range of σ's quadrature kernel).
   */
  readonly outcome: string;
  readonly loss: number;
  readonly gradNorm: number;
  /**
   * Number of negative eigenvalues of the Hessian at the stopping point (0 = a local minimum); null,
   * with minEigenvalue, when the run diverged or went out of range (no finite Hessian to speak of).
   */
  readonly hessianIndex: number | null;
  readonly minEigenvalue: number | null;
  /** Index into `distinctFailures` of this level. */
  readonly pointId: number;
}

export interface NoisyLevel {
  readonly noise: number;
  readonly success: ProportionEstimate;
  readonly failures: NoisyFailure[];
  /** Distinct stopping points of the failed runs, modulo permutation of hidden units: loss and count. */
  readonly distinctFailures: Array<{ readonly loss: number; readonly count: number }>;
  /**
   * Distinct loss values among the failures (within 1e-8). Points distinct modulo unit permutation can
   * still be images of each other under the teacher's own symmetry (permuting the coordinates e_j),
   * which keeps the loss; this coarser count is invariant under both.
   */
  readonly lossLevels: number[];
  /** Runs that diverged (J or a weight beyond DIVERGENCE_LIMIT): failures with no point to describe. */
  readonly diverged: number;
}

export interface NoisyResult {
  readonly K: number;
  readonly d: number;
  readonly levels: NoisyLevel[];
}

export function noisyStarts(spec: NoisySpec): NoisyResult {
  const o = objectArgument("spec", spec, "a spec {K, d, noises, runs, eta, maxSteps, seed}");
  const units = integerInRange("K", o.K, 1, 500);
  integerInRange("d", o.d, 1, 10000);
  listArgument("noises", o.noises, nonNegativeNumber);
  integerInRange("runs", o.runs, 1);
  positiveNumber("eta", o.eta);
  integerInRange("maxSteps", o.maxSteps, 0);
  integerInRange("seed", o.seed, 0);
  if (o.a !== undefined) float64Argument("a", o.a, units);
  if (o.successLoss !== undefined) positiveNumber("successLoss", o.successLoss);
  const { K, d, runs, eta, maxSteps, seed } = spec;
  const successLoss = spec.successLoss ?? 1e-8;
  const a = spec.a ?? new Float64Array(K).fill(1);
  const teacher = orthonormalTeacher(K, d, a);
  const pop = new FcPopulation(fcPairKernelFor(spec.activation ?? "relu"), teacher, K);
  const levels = spec.noises.map((noise, level) => {
    let successes = 0;
    let diverged = 0;
    const failures: NoisyFailure[] = [];
    const points: Array<{ W: Float64Array; loss: number; count: number }> = [];
    for (let t = 0; t < runs; t++) {
      const rng = Rng.fromSeed(seed, level, t);
      const W = new Float64Array(K * d);
      for (let i = 0; i < W.length; i++) W[i] = 1e-3 * teacher.W[i] + 1e-3 * noise * rng.normal();
      const run = fcGradientDescent(
        pop,
        { W, a },
        { eta, maxSteps, lossTol: successLoss * 1e-2, gradTol: 1e-12 },
      );
      const { loss, gradNorm } = run;
      if (loss === null || gradNorm === null) {
        diverged++;
        continue;
      }
      if (loss < successLoss) {
        successes++;
        continue;
      }
      const spectrum =
        run.outcome === "out-of-range" ? undefined : hessianSpectrum(pop.hessian({ W: run.W, a }, false));
      const finite = spectrum?.eigenvalues.every(Number.isFinite) === true;
      let pointId = points.findIndex(
        (p) => Math.abs(p.loss - loss) < 1e-6 && equalUpToPermutation(p.W, run.W, K, d, 1e-3),
      );
      if (pointId === -1) {
        points.push({ W: run.W, loss, count: 0 });
        pointId = points.length - 1;
      }
      points[pointId].count++;
      failures.push({
        run: t,
        outcome: run.outcome,
        loss,
        gradNorm,
        hessianIndex: finite && spectrum ? spectrum.index : null,
        minEigenvalue: finite && spectrum ? spectrum.eigenvalues[0] : null,
        pointId,
      });
    }
    return {
      noise,
      success: wilsonInterval(successes, runs),
      failures,
      distinctFailures: points.map((p) => ({ loss: p.loss, count: p.count })),
      lossLevels: points
        .map((p) => p.loss)
        .sort((x, y) => x - y)
        .filter((l, i, all) => i === 0 || l - all[i - 1] > 1e-8),
      diverged,
    };
  });
  return { K, d, levels };
}
