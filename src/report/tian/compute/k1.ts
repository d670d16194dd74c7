/** Tian (2017), K = 1: Thm 3.3's ball, P(w₀ ∈ Ω), GD's success and its linear rate. */
import {
  type K1InitResult,
  type K1InitSpec,
  k1Initialisation,
  k1Polar,
} from "../../../experiments/tian/k1.js";
import { bySize, type ReportSettings } from "../../settings.js";
import { slopeOf } from "./slope.js";

export interface TianK1Rate {
  readonly theta0: number;
  readonly r0: number;
  /** ‖w_t − w*‖ at the recorded steps. */
  readonly points: readonly { readonly step: number; readonly distance: number }[];
  /** Measured per-step contraction of ‖w_t − w*‖ over the points with distance in [1e-12, 1e-4]. */
  readonly factor: number;
  /** Steps until ‖w_t − w*‖ < 1e-6 (or the budget). */
  readonly stepsTo1e6: number;
}

export interface TianK1 {
  readonly eta: number;
  readonly maxSteps: number;
  readonly ball: readonly K1InitResult[];
  readonly gaussian: readonly K1InitResult[];
  /** Linear rate near w*: the Hessian there is E[1(w*ᵀx > 0) xxᵀ] = I/2, so GD contracts by 1 − η/2 per step. */
  readonly predictedFactor: number;
  readonly rates: readonly TianK1Rate[];
}

const ETA = 0.1;
const MAX_STEPS = 20_000;

/** The starts of Thm 3.3's ball (d × ε) and the N(0, 10²I) starts: one independent experiment each. */
export function k1Specs(settings: Pick<ReportSettings, "size" | "seed">): {
  readonly ball: readonly K1InitSpec[];
  readonly gaussian: readonly K1InitSpec[];
} {
  const trials = bySize(settings.size, { smoke: 10, quick: 100, full: 1000 });
  const ds = bySize(settings.size, { smoke: [2, 10], quick: [2, 10, 100, 1000], full: [2, 10, 100, 1000] });
  const ball = ds.flatMap((d) =>
    [0.1, 0.5, 0.9].map((epsilon) => ({
      d,
      epsilon,
      trials,
      seed: settings.seed,
      eta: ETA,
      maxSteps: MAX_STEPS,
    })),
  );
  const gTrials = bySize(settings.size, { smoke: 5, quick: 50, full: 200 });
  const gaussian = [2, 100].map((d) => ({
    d,
    epsilon: 0.5,
    trials: gTrials,
    seed: settings.seed,
    eta: ETA,
    maxSteps: MAX_STEPS,
    gaussianStd: 10,
  }));
  return { ball, gaussian };
}

/** The linear rate near w* from four starting angles (d = 2). */
export function k1Rates(settings: Pick<ReportSettings, "size">): TianK1Rate[] {
  const eta = ETA;
  const steps = 800;
  const every = bySize(settings.size, { smoke: 10, quick: 2, full: 1 });
  return [Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4, Math.PI - 0.05].map((theta0) => {
    const r0 = 0.05;
    const run = k1Polar({ d: 2, r0, theta0, eta, steps, recordEvery: every });
    // ‖w − w*‖² = (r − 1)² + 4r sin²(θ/2): no cancellation near w* (unlike r² + 1 − 2r cos θ)
    const points = run.trajectory.map((p) => ({
      step: p.step,
      distance: Math.sqrt((p.r - 1) ** 2 + 4 * p.r * Math.sin(p.theta / 2) ** 2),
    }));
    const tail = points.filter((p) => p.distance <= 1e-4 && p.distance >= 1e-12);
    const slope = slopeOf(
      tail.map((p) => p.step),
      tail.map((p) => Math.log(p.distance)),
    );
    return {
      theta0,
      r0,
      points,
      factor: tail.length >= 2 ? Math.exp(slope) : 1,
      stepsTo1e6: points.find((p) => p.distance < 1e-6)?.step ?? steps,
    };
  });
}

/** K = 1 from its parts (computed apart so that they can run on the worker pool). */
export function k1Of(
  ball: readonly K1InitResult[],
  gaussian: readonly K1InitResult[],
  rates: readonly TianK1Rate[],
): TianK1 {
  return { eta: ETA, maxSteps: MAX_STEPS, ball, gaussian, predictedFactor: 1 - ETA / 2, rates };
}

export function k1(settings: Pick<ReportSettings, "size" | "seed">): TianK1 {
  const { ball, gaussian } = k1Specs(settings);
  return k1Of(ball.map(k1Initialisation), gaussian.map(k1Initialisation), k1Rates(settings));
}
