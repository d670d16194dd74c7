/** Tian (2017), K = 1: Thm 3.3's ball, P(w₀ ∈ Ω), GD's success and its linear rate. */
import { type K1InitResult, k1Initialisation, k1Polar } from "../../../experiments/tian/k1.js";
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

export function k1(settings: ReportSettings): TianK1 {
  const eta = 0.1;
  const maxSteps = 20_000;
  const trials = bySize(settings.size, { smoke: 10, quick: 100, full: 1000 });
  const ds = bySize(settings.size, { smoke: [2, 10], quick: [2, 10, 100, 1000], full: [2, 10, 100, 1000] });
  const ball = ds.flatMap((d) =>
    [0.1, 0.5, 0.9].map((epsilon) =>
      k1Initialisation({ d, epsilon, trials, seed: settings.seed, eta, maxSteps }),
    ),
  );
  const gTrials = bySize(settings.size, { smoke: 5, quick: 50, full: 200 });
  const gaussian = [2, 100].map((d) =>
    k1Initialisation({
      d,
      epsilon: 0.5,
      trials: gTrials,
      seed: settings.seed,
      eta,
      maxSteps,
      gaussianStd: 10,
    }),
  );
  const steps = 800;
  const every = bySize(settings.size, { smoke: 10, quick: 2, full: 1 });
  const rates = [Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4, Math.PI - 0.05].map((theta0) => {
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
  return { eta, maxSteps, ball, gaussian, predictedFactor: 1 - eta / 2, rates };
}
