/**
 * K ≥ 2 with an orthonormal teacher (Tian's Sec. 4): the 2-D (x, y) dynamics, their agreement with the
 * full d-dimensional population GD, symmetric starts → the saddle x*_K, symmetry breaking → (1, 0),
 * spontaneous symmetry breaking selecting a permutation, the saddle table and the vector field.
 *
 * Symmetric starts: in double precision the plain 2-D map drifts off x = y for larger K (rounding acts
 * as symmetry breaking, docs/tian.md#the-symmetric-saddle). Mode "diagonal" integrates the 1-D diagonal equation exactly on
 * x = y; mode "resymmetrise" steps the 2-D map and then sets x = y = (x + y)/2; mode "plain" does
 * neither and shows the drift.
 */

import { objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import {
  finiteNumber,
  integerInRange,
  nonNegativeNumber,
  oneOf,
  positiveNumber,
} from "../../core/validate.js";
import { Rng, type Seed } from "../../math/rng.js";
import { hessianSpectrum } from "../../math/spectrum.js";
import { FcPopulation } from "../../models/fc/population.js";
import {
  diagonalVelocity,
  reducedToWeights,
  reducedVelocity,
  symmetricSaddle,
} from "../../models/fc/reduced-2d.js";
import { reluPairKernel } from "../../models/fc/relu-kernel.js";
import { orthonormalTeacher } from "../../models/fc/teachers.js";
import { isDivergentUnchecked, type Trainable } from "../../train/contract.js";
import { descend } from "../../train/descent.js";
import { fcGradientDescent, fcTrainable } from "../../train/fc/gradient-descent.js";

export type SymmetryMode = "plain" | "diagonal" | "resymmetrise";

export interface Dynamics2dSpec {
  readonly K: number;
  readonly x0: number;
  readonly y0: number;
  readonly eta: number;
  readonly steps: number;
  readonly mode?: SymmetryMode;
  readonly recordEvery?: number;
}

export interface Point2d {
  readonly step: number;
  readonly x: number;
  readonly y: number;
  /** ‖w_j − w*_j‖² = (x − 1)² + (K − 1)y². */
  readonly error: number;
}

/** Where the map ended; "diverged": x or y passed DIVERGENCE_LIMIT (the step is in `divergedAt`). */
export type Limit2d = "teacher" | "saddle" | "singular" | "other" | "diverged";

export interface Dynamics2dResult {
  readonly K: number;
  readonly mode: SymmetryMode;
  readonly saddle: number;
  readonly trajectory: Point2d[];
  readonly final: Point2d;
  readonly limit: Limit2d;
  /** max y along the path and its step (the detour of Fig. 4(c)). */
  readonly maxY: { readonly y: number; readonly step: number };
  /** The step at which x or y passed DIVERGENCE_LIMIT (limit "diverged"); final is the step before. */
  readonly divergedAt?: number;
}

function classify(K: number, x: number, y: number): Limit2d {
  if (Math.hypot(x - 1, y) < 1e-4) return "teacher";
  const s = symmetricSaddle(K);
  if (Math.hypot(x - s, y - s) < 1e-4) return "saddle";
  if (Math.hypot(x, y) < 1e-8) return "singular";
  return "other";
}

/** The largest K of the 2-D map and of the full networks beside it (as `minima fc dynamics2d`). */
const MAX_K = 100000;

export function simulate2d(spec: Dynamics2dSpec): Dynamics2dResult {
  const o = objectArgument("spec", spec, "a spec {K, x0, y0, eta, steps, …}");
  integerInRange("K", o.K, 2, MAX_K);
  finiteNumber("x0", o.x0);
  finiteNumber("y0", o.y0);
  positiveNumber("eta", o.eta);
  integerInRange("steps", o.steps, 0);
  if (o.mode !== undefined) oneOf("mode", o.mode, ["plain", "diagonal", "resymmetrise"] as const);
  if (o.recordEvery !== undefined) integerInRange("recordEvery", o.recordEvery, 1);
  for (const field of ["x0", "y0"] as const)
    if (isDivergentUnchecked(spec[field]))
      throw new InputError(field, "must be below DIVERGENCE_LIMIT = 1e100 in absolute value", spec[field]);
  const { K, eta, steps } = spec;
  const mode = spec.mode ?? "plain";
  const every = spec.recordEvery ?? Math.max(1, Math.floor(steps / 100));
  let x = spec.x0;
  let y = spec.y0;
  if (mode !== "plain" && x !== y) throw new RangeError(`mode ${mode} needs a symmetric start x0 = y0`);
  const trajectory: Point2d[] = [];
  let maxY = { y, step: 0 };
  let stopped = false;
  const point = (step: number) => ({ step, x, y, error: (x - 1) ** 2 + (K - 1) * y * y });
  // The last point before a divergence: the trajectory keeps only finite points.
  let last = point(0);
  let divergedAt: number | undefined;
  for (let s = 0; s <= steps; s++) {
    if (isDivergentUnchecked(x) || isDivergentUnchecked(y) || isDivergentUnchecked(point(s).error)) {
      divergedAt = s;
      break;
    }
    last = point(s);
    if (s % every === 0 || s === steps) trajectory.push(point(s));
    if (y > maxY.y) maxY = { y, step: s };
    if (s === steps || stopped) break;
    if (mode === "diagonal") {
      const v = diagonalVelocity(K, x);
      if (v === undefined) stopped = true;
      else {
        x += eta * v;
        y = x;
      }
    } else {
      const v = reducedVelocity(K, x, y);
      if (v === undefined) stopped = true;
      else {
        x += eta * v.dx;
        y += eta * v.dy;
        if (mode === "resymmetrise") {
          const m = 0.5 * (x + y);
          x = m;
          y = m;
        }
      }
    }
  }
  const saddle = symmetricSaddle(K);
  if (divergedAt === undefined)
    return { K, mode, saddle, trajectory, final: point(steps), limit: classify(K, x, y), maxY };
  if (trajectory[trajectory.length - 1]?.step !== last.step && divergedAt > 0) trajectory.push(last);
  return { K, mode, saddle, trajectory, final: last, limit: "diverged", maxY, divergedAt };
}

export interface FullCheckResult {
  readonly K: number;
  readonly d: number;
  /** max over steps of |x_full − x_2d| + |y_full − y_2d| (x_full = mean w_jj, y_full = mean off-diagonal). */
  readonly maxDeviation: number;
  /** max over steps of how far the full W is from the (x, y) form (spread of diagonal/off-diagonal and leakage outside span{e_1..e_K}). */
  readonly maxStructureResidual: number;
  /** The step at which the map or the full GD passed DIVERGENCE_LIMIT; the maxima are over the steps before. */
  readonly divergedAt?: number;
}

/** Steps the 2-D map and full population GD (d ≥ K) side by side from the same (x₀, y₀). */
export function compareWithFull(spec: {
  K: number;
  d: number;
  x0: number;
  y0: number;
  eta: number;
  steps: number;
}): FullCheckResult {
  const o = objectArgument("spec", spec, "a spec {K, d, x0, y0, eta, steps}");
  integerInRange("K", o.K, 2, MAX_K);
  integerInRange("d", o.d, 1, MAX_K);
  finiteNumber("x0", o.x0);
  finiteNumber("y0", o.y0);
  positiveNumber("eta", o.eta);
  integerInRange("steps", o.steps, 0);
  const { K, d, eta, steps } = spec;
  const pop = new FcPopulation(reluPairKernel, orthonormalTeacher(K, d), K);
  const W = reducedToWeights(K, d, spec.x0, spec.y0);
  const a = new Float64Array(K).fill(1);
  let x = spec.x0;
  let y = spec.y0;
  let maxDev = 0;
  let maxRes = 0;
  let mapEnded = false;
  // Full GD on W (the shared loop); the 2-D map advances beside it after each step, and the full W's
  // (x, y) form is measured at every iterate before its step.
  const network = fcTrainable(pop, K, a);
  const model: Trainable<null> = {
    evaluate(Wt, grad) {
      let xs = 0;
      let ys = 0;
      for (let j = 0; j < K; j++)
        for (let k = 0; k < K; k++) {
          if (j === k) xs += Wt[j * d + k];
          else ys += Wt[j * d + k];
        }
      xs /= K;
      ys /= K * (K - 1);
      let res = 0;
      for (let j = 0; j < K; j++)
        for (let i = 0; i < d; i++)
          res = Math.max(res, Math.abs(Wt[j * d + i] - (i === j ? xs : i < K ? ys : 0)));
      maxRes = Math.max(maxRes, res);
      maxDev = Math.max(maxDev, Math.abs(xs - x) + Math.abs(ys - y));
      network.evaluate(Wt, grad);
      return null;
    },
  };
  const divergent = (Wt: Float64Array) =>
    isDivergentUnchecked(x) || isDivergentUnchecked(y) || Wt.some(isDivergentUnchecked);
  const end = descend(
    model,
    W,
    {
      before: (Wt) => (mapEnded ? "out-of-range" : divergent(Wt) ? "diverged" : undefined),
      check: () => undefined,
    },
    {
      eta,
      maxSteps: steps,
      afterStep: () => {
        const v = reducedVelocity(K, x, y);
        if (!v) {
          mapEnded = true;
          return;
        }
        x += eta * v.dx;
        y += eta * v.dy;
      },
    },
  );
  const divergedAt = end.stop === "diverged" ? { divergedAt: end.steps } : {};
  return { K, d, maxDeviation: maxDev, maxStructureResidual: maxRes, ...divergedAt };
}

export interface SaddleRow {
  readonly K: number;
  readonly saddle: number;
  /** Eigenvalues of the Jacobian of 2π·(ẋ, ẏ) at (x*_K, x*_K) (central differences, h = 1e-6), ascending. */
  readonly jacobianEigenvalues: [number, number];
  /** J at the saddle (closed form, full network, d = K). */
  readonly lossAtSaddle: number;
  /** J as w → 0⁺: ½Σ_ij k(w*_i, w*_j). */
  readonly lossAtOrigin: number;
  /** Gradient norm of the full network at the saddle (should vanish). */
  readonly gradNormAtSaddle: number;
  /** Index (negative Hessian eigenvalues) of the full K·d-dimensional Hessian at the saddle. */
  readonly hessianIndex: number;
}

export function saddleTable(Ks: readonly number[]): SaddleRow[] {
  return Ks.map((K) => {
    const s = symmetricSaddle(K);
    const h = 1e-6;
    const f = (x: number, y: number) => {
      const v = reducedVelocity(K, x, y)!;
      return [2 * Math.PI * v.dx, 2 * Math.PI * v.dy];
    };
    const fx = [f(s + h, s), f(s - h, s)];
    const fy = [f(s, s + h), f(s, s - h)];
    const j11 = (fx[0][0] - fx[1][0]) / (2 * h);
    const j21 = (fx[0][1] - fx[1][1]) / (2 * h);
    const j12 = (fy[0][0] - fy[1][0]) / (2 * h);
    const j22 = (fy[0][1] - fy[1][1]) / (2 * h);
    const tr = j11 + j22;
    const det = j11 * j22 - j12 * j21;
    const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
    const pop = new FcPopulation(reluPairKernel, orthonormalTeacher(K, K), K);
    const a = new Float64Array(K).fill(1);
    const W = reducedToWeights(K, K, s, s);
    const g = pop.gradient({ W, a }, false);
    let gn = 0;
    for (const v of g) gn += v * v;
    const tiny = reducedToWeights(K, K, 1e-12, 0);
    return {
      K,
      saddle: s,
      jacobianEigenvalues: [tr / 2 - disc, tr / 2 + disc],
      lossAtSaddle: pop.loss({ W, a }),
      lossAtOrigin: pop.loss({ W: tiny, a }),
      gradNormAtSaddle: Math.sqrt(gn),
      hessianIndex: hessianSpectrum(pop.hessian({ W, a }, false)).index,
    };
  });
}

export interface FieldSample {
  readonly x: number;
  readonly y: number;
  readonly dx: number;
  readonly dy: number;
}

/** (ẋ, ẏ) on an nx × ny grid over [xMin, xMax] × [yMin, yMax]; the singular point (0, 0) is left out. */
export function vectorField(spec: {
  K: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  nx: number;
  ny: number;
}): FieldSample[] {
  const out: FieldSample[] = [];
  for (let i = 0; i < spec.nx; i++) {
    for (let j = 0; j < spec.ny; j++) {
      const x = spec.nx === 1 ? spec.xMin : spec.xMin + ((spec.xMax - spec.xMin) * i) / (spec.nx - 1);
      const y = spec.ny === 1 ? spec.yMin : spec.yMin + ((spec.yMax - spec.yMin) * j) / (spec.ny - 1);
      const v = reducedVelocity(spec.K, x, y);
      if (v) out.push({ x, y, dx: v.dx, dy: v.dy });
    }
  }
  return out;
}

export interface SsbRun {
  readonly trial: number;
  /** permutation[j] = the teacher unit student j converged to (−1 if it did not converge). */
  readonly permutation: number[];
  /** J at the end (null when the run diverged). */
  readonly loss: number | null;
  readonly outcome: string;
}

export interface SsbResult {
  readonly K: number;
  readonly d: number;
  readonly runs: SsbRun[];
  /** Distinct permutations selected, as strings "2,0,1", with their counts. */
  readonly distinct: Record<string, number>;
  /** Deterministic check: start w_j = y Σ_k e_k + (x − y) e_{(j+shift) mod K} converges to e_{(j+shift) mod K}. */
  readonly shifted: { readonly shift: number; readonly permutation: number[]; readonly loss: number | null };
}

/**
 * Spontaneous symmetry breaking: from w_j = x₀ Σ_k e_k + noise (noise std `delta`, per entry, trial t's
 * numbers from Rng.fromSeed(seed, t)), full population GD picks one of the K! permutations of the teacher.
 */
export function symmetryBreaking(spec: {
  K: number;
  d: number;
  x0: number;
  delta: number;
  trials: number;
  seed: Seed;
  eta: number;
  maxSteps: number;
  shift?: number;
}): SsbResult {
  const o = objectArgument("spec", spec, "a spec {K, d, x0, delta, trials, seed, eta, maxSteps}");
  integerInRange("K", o.K, 2, 1000);
  integerInRange("d", o.d, 1, MAX_K);
  positiveNumber("x0", o.x0);
  nonNegativeNumber("delta", o.delta);
  integerInRange("trials", o.trials, 1);
  integerInRange("seed", o.seed, 0);
  positiveNumber("eta", o.eta);
  integerInRange("maxSteps", o.maxSteps, 0);
  if (o.shift !== undefined) integerInRange("shift", o.shift, 0);
  const { K, d, x0, delta, trials, seed, eta, maxSteps } = spec;
  const teacher = orthonormalTeacher(K, d);
  const pop = new FcPopulation(reluPairKernel, teacher, K);
  const a = new Float64Array(K).fill(1);
  const match = (W: Float64Array) =>
    Array.from({ length: K }, (_, j) => {
      for (let k = 0; k < K; k++) {
        let e = 0;
        for (let i = 0; i < d; i++) e += (W[j * d + i] - (i === k ? 1 : 0)) ** 2;
        if (e < 1e-6) return k;
      }
      return -1;
    });
  const runs: SsbRun[] = [];
  const distinct: Record<string, number> = {};
  for (let t = 0; t < trials; t++) {
    const rng = Rng.fromSeed(seed, t);
    const W = reducedToWeights(K, d, x0, x0);
    for (let i = 0; i < W.length; i++) W[i] += delta * rng.normal();
    const run = fcGradientDescent(pop, { W, a }, { eta, maxSteps, lossTol: 1e-12 });
    const permutation = match(run.W);
    runs.push({ trial: t, permutation, loss: run.loss, outcome: run.outcome });
    const key = permutation.join(",");
    distinct[key] = (distinct[key] ?? 0) + 1;
  }
  const shift = spec.shift ?? 1;
  const W = new Float64Array(K * d);
  const y = x0;
  const x = x0 + Math.max(delta, 1e-6);
  for (let j = 0; j < K; j++) for (let k = 0; k < K; k++) W[j * d + k] = k === (j + shift) % K ? x : y;
  const run = fcGradientDescent(pop, { W, a }, { eta, maxSteps, lossTol: 1e-12 });
  return { K, d, runs, distinct, shifted: { shift, permutation: match(run.W), loss: run.loss } };
}
