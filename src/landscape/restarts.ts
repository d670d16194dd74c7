/**
 * Perturbed restarts: the empirical test that a point whose Hessian is only positive
 * semi-definite is a local minimum. From x* + ε·ξ (ξ standard normal, seeded) a small-step
 * gradient descent runs; at a local minimum every run ends at loss ≥ L* (up to rounding), while
 * a higher-order saddle lets some run go below L*.
 */
import { float64Argument, objectArgument } from "../core/arguments.js";
import { integerInRange, nonNegativeNumber, positiveNumber } from "../core/validate.js";
import { Rng, type Seed } from "../math/rng.js";
import { checkObjective, type Objective } from "../train/objective.js";
import { gradientDescent } from "../train/objective-descent.js";

export interface RestartOptions {
  readonly count: number;
  /** Perturbation scale ε per coordinate. */
  readonly radius: number;
  /** Gradient-descent step, e.g. 0.5/λ_max of the Hessian at x*. */
  readonly step: number;
  readonly iterations: number;
  readonly seed: Seed;
  /** Losses below L* − tolerance count as descent; default 1e-10·max(1, L*). */
  readonly tolerance?: number;
}

export interface RestartSummary {
  readonly referenceLoss: number;
  readonly finalLosses: number[];
  /** Largest distance ‖x_final − x*‖ over the runs. */
  readonly maxDistance: number;
  /** Some run ended below L* − tolerance: x* is not a local minimum. */
  readonly descended: boolean;
  /** Every run ended within [L* − tolerance, L* + 1e-6·max(1, L*)]. */
  readonly returned: boolean;
  readonly tolerance: number;
}

/** Stream: Rng.fromSeed(seed, RESTART_STREAM, run). */
export const RESTART_STREAM = 7;

export function perturbedRestarts(
  f: Objective,
  point: Float64Array,
  options: RestartOptions,
): RestartSummary {
  checkObjective("f", f);
  float64Argument("point", point);
  const o = objectArgument("options", options, "options {count, radius, step, iterations, seed}");
  integerInRange("options.count", o.count, 0);
  positiveNumber("options.radius", o.radius);
  positiveNumber("options.step", o.step);
  integerInRange("options.iterations", o.iterations, 0);
  integerInRange("options.seed", o.seed, 0);
  if (o.tolerance !== undefined) nonNegativeNumber("options.tolerance", o.tolerance);
  const referenceLoss = f.loss(point);
  const tolerance = options.tolerance ?? 1e-10 * Math.max(1, Math.abs(referenceLoss));
  const finalLosses: number[] = [];
  let maxDistance = 0;
  for (let run = 0; run < options.count; run++) {
    const rng = Rng.fromSeed(options.seed, RESTART_STREAM, run);
    const start = Float64Array.from(point, (v) => v + options.radius * rng.normal());
    const result = gradientDescent(f, start, {
      step: options.step,
      iterations: options.iterations,
      gradTol: 1e-13,
      // Once clearly below L*, the verdict is settled.
      targetLoss: referenceLoss - 1e-3 * Math.max(Math.abs(referenceLoss), 1e-6),
    });
    finalLosses.push(result.loss);
    let d = 0;
    for (let i = 0; i < point.length; i++) d += (result.x[i] - point[i]) ** 2;
    maxDistance = Math.max(maxDistance, Math.sqrt(d));
  }
  const upper = referenceLoss + 1e-6 * Math.max(1, Math.abs(referenceLoss));
  const descended = finalLosses.some((l) => !(l >= referenceLoss - tolerance));
  const returned = finalLosses.every((l) => l >= referenceLoss - tolerance && l <= upper);
  return { referenceLoss, finalLosses, maxDistance, descended, returned, tolerance };
}
