/**
 * K = 1 (Tian's Sec. 3): the polar dynamics, the probability that a small uniform-ball start lies in
 * Ω (what Thm 3.3's (1−ε)/2 bounds) and the measured success rate of population GD from the same
 * starts — reported side by side because they differ: GD converges from almost every start with
 * θ₀ < π, not only from Ω.
 */

import { objectArgument } from "../../core/arguments.js";
import { integerInRange, numberInRange, positiveNumber } from "../../core/validate.js";
import { Rng, type Seed } from "../../math/rng.js";
import { type ProportionEstimate, wilsonInterval } from "../../math/stats.js";
import { makeNetwork } from "../../models/fc/network.js";
import { FcPopulation } from "../../models/fc/population.js";
import { reluPairKernel } from "../../models/fc/relu-kernel.js";
import { isDivergentUnchecked, type Trainable } from "../../train/contract.js";
import { descend } from "../../train/descent.js";
import { fcGradientDescent, fcTrainable } from "../../train/fc/gradient-descent.js";
import { checkEpsilon, probabilityInOmega, theoremRadius } from "./ball-probability.js";

export interface K1InitSpec {
  readonly d: number;
  readonly epsilon: number;
  readonly trials: number;
  readonly seed: Seed;
  readonly eta: number;
  readonly maxSteps: number;
  /** A run succeeds when ‖w − w*‖ < tol·‖w*‖ (default 1e-6). */
  readonly tol?: number;
  /**
   * Starts: uniform in Thm 3.3's ball (default), or i.i.d. N(0, std²) entries (the check of docs/tian.md#a-single-unit;
   * then exactInOmega is left out and only the Monte-Carlo hit rate of Ω is reported).
   */
  readonly gaussianStd?: number;
}

export interface K1InitResult {
  readonly d: number;
  readonly epsilon: number;
  readonly radius: number;
  /** Thm 3.3's lower bound (1 − ε)/2. */
  readonly bound: number;
  /** P(w₀ ∈ Ω) by quadrature (uniform-ball starts only). */
  readonly exactInOmega?: number;
  /** Per-entry std of Gaussian starts, when used instead of the ball. */
  readonly gaussianStd?: number;
  /** The same by Monte Carlo over the drawn starts, with a 95% Wilson interval. */
  readonly sampledInOmega: ProportionEstimate;
  /** The fraction of those starts from which population GD reached w*, with a 95% Wilson interval. */
  readonly gdSuccess: ProportionEstimate;
  /** Median number of GD steps among the successful runs (0 if none). */
  readonly medianSteps: number;
}

function teacherK1(d: number) {
  const W = new Float64Array(d);
  W[0] = 1;
  return makeNetwork(1, d, W);
}

export function k1Initialisation(spec: K1InitSpec): K1InitResult {
  const o = objectArgument("spec", spec, "a spec {d, epsilon, trials, seed, eta, maxSteps}");
  integerInRange("d", o.d, 1, 100000);
  checkEpsilon("epsilon", o.epsilon);
  integerInRange("trials", o.trials, 1);
  integerInRange("seed", o.seed, 0);
  positiveNumber("eta", o.eta);
  integerInRange("maxSteps", o.maxSteps, 0);
  if (o.tol !== undefined) positiveNumber("tol", o.tol);
  if (o.gaussianStd !== undefined) positiveNumber("gaussianStd", o.gaussianStd);
  const { d, epsilon, trials, seed, eta, maxSteps } = spec;
  const tol = spec.tol ?? 1e-6;
  const radius = theoremRadius(d, epsilon);
  const teacher = teacherK1(d);
  const pop = new FcPopulation(reluPairKernel, teacher, 1);
  let inOmega = 0;
  let success = 0;
  const steps: number[] = [];
  const one = Float64Array.of(1);
  for (let t = 0; t < trials; t++) {
    const rng = Rng.fromSeed(seed, t);
    const w0 =
      spec.gaussianStd === undefined
        ? rng.inBall(d, radius)
        : rng.normals(d).map((v) => v * spec.gaussianStd!);
    let dist2 = 0;
    for (let i = 0; i < d; i++) dist2 += (w0[i] - teacher.W[i]) ** 2;
    if (dist2 < 1) inOmega++;
    const run = fcGradientDescent(pop, { W: w0, a: one }, { eta, maxSteps, lossTol: (tol * tol) / 100 });
    let err2 = 0;
    for (let i = 0; i < d; i++) err2 += (run.W[i] - teacher.W[i]) ** 2;
    if (Math.sqrt(err2) < tol) {
      success++;
      steps.push(run.steps);
    }
  }
  steps.sort((x, y) => x - y);
  return {
    d,
    epsilon,
    radius,
    bound: (1 - epsilon) / 2,
    ...(spec.gaussianStd === undefined
      ? { exactInOmega: probabilityInOmega(d, radius) }
      : { gaussianStd: spec.gaussianStd }),
    sampledInOmega: wilsonInterval(inOmega, trials),
    gdSuccess: wilsonInterval(success, trials),
    medianSteps: steps.length ? steps[Math.floor(steps.length / 2)] : 0,
  };
}

export interface K1PolarPoint {
  readonly step: number;
  readonly r: number;
  readonly theta: number;
  readonly loss: number;
}

export interface K1PolarResult {
  readonly trajectory: K1PolarPoint[];
  /** max over recorded points of |ṙ_polar − ṙ_GD| and |θ̇_polar − θ̇_GD| (the polar equations of docs/tian.md#a-single-unit vs −∇J). */
  readonly maxRateMismatch: number;
  readonly final: { readonly r: number; readonly theta: number; readonly distance: number };
  /** The step at which ‖w‖ or J passed DIVERGENCE_LIMIT; the trajectory and final stop before it. */
  readonly divergedAt?: number;
}

/** ṙ and θ̇ of docs/tian.md#a-single-unit for ‖w*‖ = 1. */
export function polarRates(r: number, theta: number): { dr: number; dtheta: number } {
  return {
    dr: -r / 2 + ((Math.PI - theta) * Math.cos(theta) + Math.sin(theta)) / (2 * Math.PI),
    dtheta: (-(Math.PI - theta) * Math.sin(theta)) / (2 * Math.PI * r),
  };
}

/** Population GD for K = 1 from (r₀, θ₀) in the plane of w* = e₁ (d ≥ 2), recorded in polar form. */
export function k1Polar(spec: {
  d: number;
  r0: number;
  theta0: number;
  eta: number;
  steps: number;
  recordEvery: number;
}): K1PolarResult {
  const o = objectArgument("spec", spec, "a spec {d, r0, theta0, eta, steps, recordEvery}");
  integerInRange("d", o.d, 2, 100000);
  positiveNumber("r0", o.r0);
  numberInRange("theta0", o.theta0, 0, Math.PI);
  positiveNumber("eta", o.eta);
  integerInRange("steps", o.steps, 0);
  integerInRange("recordEvery", o.recordEvery, 1);
  const { d, r0, theta0, eta, steps, recordEvery } = spec;
  const teacher = teacherK1(d);
  const pop = new FcPopulation(reluPairKernel, teacher, 1);
  const w = new Float64Array(d);
  w[0] = r0 * Math.cos(theta0);
  w[1] = r0 * Math.sin(theta0);
  const one = Float64Array.of(1);
  const trajectory: K1PolarPoint[] = [];
  let mismatch = 0;
  const polar = () => {
    const r = Math.hypot(...w);
    return { r, theta: Math.atan2(Math.hypot(...w.subarray(1)), w[0]) };
  };
  // The gradient at the current iterate, kept by the model for the rate check.
  let g: Float64Array = new Float64Array(d);
  const network = fcTrainable(pop, 1, one);
  const model: Trainable<{ loss: number }> = {
    evaluate(x, grad) {
      if (grad) g = grad;
      return network.evaluate(x, grad);
    },
  };
  // The last iterate before a divergence (the final point reported then).
  const lastFinite = Float64Array.from(w);
  const end = descend(
    model,
    w,
    {
      before: (x) => (x.some(isDivergentUnchecked) ? "diverged" : undefined),
      check: ({ loss }) => (isDivergentUnchecked(loss) ? "diverged" : undefined),
    },
    {
      eta,
      maxSteps: steps,
      observe: (s, { loss }, stop) => {
        if (stop === "diverged") return;
        lastFinite.set(w);
        if (s % recordEvery !== 0 && s !== steps) return;
        const { r, theta } = polar();
        trajectory.push({ step: s, r, theta, loss });
        // The rates divide by r: below 1e-100 (a start at the origin's rounding) they are not finite.
        if (r > 1e-100 && Math.sin(theta) > 1e-8) {
          // ṙ = ŵ·(−∇J); θ̇ = −(d cos θ/dt)/sin θ with d cos θ/dt = (ê₁ − cos θ ŵ)·(−∇J)/r.
          let wdotg = 0;
          for (let i = 0; i < d; i++) wdotg += w[i] * g[i];
          const dr = -wdotg / r;
          const dcos = (-g[0] + (Math.cos(theta) * wdotg) / r) / r;
          const pred = polarRates(r, theta);
          mismatch = Math.max(
            mismatch,
            Math.abs(dr - pred.dr),
            Math.abs(-dcos / Math.sin(theta) - pred.dtheta),
          );
        }
      },
    },
  );
  const diverged = end.stop === "diverged";
  if (diverged) w.set(lastFinite);
  const { r, theta } = polar();
  return {
    trajectory,
    maxRateMismatch: mismatch,
    final: { r, theta, distance: Math.hypot(w[0] - 1, ...w.subarray(1)) },
    ...(diverged ? { divergedAt: end.steps } : {}),
  };
}
