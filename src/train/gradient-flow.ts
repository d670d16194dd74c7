/**
 * Gradient flow dθ/dt = −∇L(θ) for any `Trainable` (train/contract.ts), followed by an adaptive ODE
 * integrator instead of fixed steps: where GD at step η follows the flow only to O(η) and may jump
 * between basins, this follows it to a stated tolerance, so its end point is the flow's.
 *
 * Methods. Explicit Dormand–Prince 5(4) (train/dormand-prince.ts: six gradients a step) while the flow
 * is not stiff. A model with an exact Hessian may be stiff (near a minimum with λ_max ≫ λ_min the
 * explicit step is held to h·λ_max < 3.3 while the slow directions need a time of order 1/λ_min): there
 * each explicit step also takes one step of a power iteration for λ_max (a Hessian–vector product by a
 * difference of gradients, one more gradient), and once 15 accepted steps sat at the stability bound
 * (h·λ_max ≥ 2.5, or Hairer's own test h·|λ| > 3.25 from the last two stages) with no run of 6 steps
 * below it in between, the run hands over
 * to the linearly implicit RODAS4 (train/rosenbrock.ts: a Hessian, an LU and six gradients a step,
 * stable at any step length). It hands back when the implicit method covers less flow time per
 * gradient-equivalent than the explicit one would at its bound (h/(c_H + 6) < (2.5/ρ(H))/7, c_H the
 * Hessian's cost in gradients, ρ by power iteration on H) for 3 steps running, and each hand-back
 * doubles the count of stiff steps the next hand-over waits for. Without a Hessian the explicit
 * method runs throughout (correct, only slow where the flow is stiff).
 *
 * Step control. A step is accepted when its error estimate, in the root mean square of
 * err_i / (atol + rtol·max(|y_i|, |y_new_i|)), is at most 1; the next step is h·0.9·err^(−1/q) within
 * [0.2h, 10h] (q = 5 explicit, with Hairer's β = 0.04 memory against oscillating step sizes; q = 4
 * implicit, within [0.2h, 6h]) and never longer after a rejection. A step shorter than 1e-14·max(1, t)
 * ends the run as "diverged" (the values stopped being finite, or the flow left every scale).
 *
 * Stopping. The model's `StopRule` sees every accepted point (its `before` and `check`, as in the
 * fixed-step loop; stage points in between are not shown to it), and the run stops with "budget" after
 * `maxSteps` accepted steps or at `maxTime` (the last step is shortened to land on it exactly).
 *
 * Newton's finish (train/newton.ts), optional: once the model's gradient norm is below `switchAt`
 * (and `when` allows), Newton is tried from the current point; if it converges its end point replaces
 * the flow's, otherwise the flow goes on and Newton is tried again once the norm is 10× below where it
 * declined, as long as that is above Newton's tolerance.
 */
import { float64Argument, functionArgument, methodsArgument, objectArgument } from "../core/arguments.js";
import { InputError } from "../core/errors.js";
import { integerInRange, nonNegativeNumber, oneOf, positiveNumber } from "../core/validate.js";
import type { RunEnd, StopReason, StopRule, Trainable } from "./contract.js";
import {
  DORMAND_PRINCE_ERROR_ORDER,
  DORMAND_PRINCE_STIFF_PRODUCT,
  dormandPrinceStep,
  dormandPrinceWork,
} from "./dormand-prince.js";
import { errorNorm, initialStep, powerStep, spectralRadius } from "./flow-control.js";
import { newtonFinish } from "./newton.js";
import { ROSENBROCK_ERROR_ORDER, rosenbrockStep, rosenbrockWork } from "./rosenbrock.js";

export interface FlowModel<S> extends Trainable<S> {
  /** The exact Hessian at x, as rows: enables the implicit method and Newton's finish. */
  hessian?(x: Float64Array): ReadonlyArray<ArrayLike<number>>;
}

/** "auto": explicit, handing over to implicit where stiff; or one method throughout. */
export type FlowMethod = "auto" | "explicit" | "implicit";

export const FLOW_DEFAULT_RTOL = 1e-6;
export const FLOW_DEFAULT_ATOL = 1e-9;
/** Explicit steps at the stability bound before the run counts as stiff (Hairer's 15). */
const STIFF_STEPS = 15;
/** Explicit steps below the bound that reset that count. */
const NONSTIFF_RESET = 6;
/** h·λ_max (from the power iteration) from which an explicit step counts as at its stability bound. */
const POWER_STIFF_PRODUCT = 2.5;
/** Implicit steps in a row that cost more per unit of flow time than explicit ones, before handing back. */
const HAND_BACK_STEPS = 3;

export interface FlowNewtonFinish<S> {
  /** The model's gradient norm at a state (the one its stop rule reads). */
  readonly gradNorm: (state: S) => number;
  /** Newton is tried once gradNorm is below this, then at each further 10× decrease. */
  readonly switchAt: number;
  /** Newton's own stopping tolerance on `norm` of the gradient. */
  readonly gradTol: number;
  /** The norm Newton applies to a gradient vector (default Euclidean). */
  readonly norm?: (g: Float64Array) => number;
  /** Whether Newton may be tried at this state (default: always). */
  readonly when?: (state: S) => boolean;
}

export interface FlowObservation<S> {
  /** Accepted steps so far (0 at the start). */
  readonly step: number;
  readonly time: number;
  readonly state: S;
  /** The point and ∇L there (live buffers: copy what is kept). */
  readonly x: Float64Array;
  readonly gradient: Float64Array;
  /** The reason the run stops here, or undefined. */
  readonly stop: StopReason | undefined;
  /** The step that reached this point was implicit. */
  readonly implicit: boolean;
  /** This point is Newton's end point. */
  readonly newton: boolean;
}

export interface FlowOptions<S> {
  /** Accepted steps at most. */
  readonly maxSteps: number;
  /** Relative and absolute tolerance of each step's error (defaults 1e-6, 1e-9). */
  readonly rtol?: number;
  readonly atol?: number;
  /** Stop ("budget") at this flow time (default ∞). */
  readonly maxTime?: number;
  /** The first step (default: chosen from the gradient's scale and change, Hairer's rule). */
  readonly initialStep?: number;
  readonly method?: FlowMethod;
  /**
   * The cost of one Hessian in gradients (default: the dimension, what a Hessian from gradients
   * costs), for the choice between the methods: an implicit step costs it plus six gradients.
   */
  readonly hessianCost?: number;
  readonly newton?: FlowNewtonFinish<S>;
  /** Sees the start and every accepted point (trajectory recorders). */
  readonly observe?: (o: FlowObservation<S>) => void;
}

export interface FlowEnd<S> extends RunEnd<S> {
  /** The flow time reached (Newton's jump takes none). */
  readonly time: number;
  readonly rejected: number;
  readonly implicitSteps: number;
  /** Hand-overs between the methods, either way. */
  readonly switches: number;
  /** Gradient and Hessian evaluations (Newton's included). */
  readonly gradients: number;
  readonly hessians: number;
  readonly newtonSteps: number;
  /** Set when the integrator gave up: the step size fell below 1e-14·max(1, t). */
  readonly failure?: "step-size";
}

export function gradientFlow<S>(
  model: FlowModel<S>,
  x: Float64Array,
  rule: StopRule<S>,
  options: FlowOptions<S>,
): FlowEnd<S> {
  checkFlowArguments(model, x, rule, options);
  const n = x.length;
  const rtol = options.rtol === undefined ? FLOW_DEFAULT_RTOL : positiveNumber("rtol", options.rtol);
  const atol = options.atol === undefined ? FLOW_DEFAULT_ATOL : positiveNumber("atol", options.atol);
  const maxTime =
    options.maxTime === undefined ? Number.POSITIVE_INFINITY : positiveNumber("maxTime", options.maxTime);
  const method = oneOf("method", options.method ?? "auto", ["auto", "explicit", "implicit"] as const);
  const hessianCost =
    options.hessianCost === undefined ? n : nonNegativeNumber("hessianCost", options.hessianCost);
  const hessianOf = model.hessian?.bind(model);
  if (method === "implicit" && !hessianOf)
    throw new InputError("method", "implicit needs a model with an exact Hessian", method);
  let gradients = 0;
  let hessians = 0;
  const gradient = (y: Float64Array, out: Float64Array): S => {
    gradients++;
    return model.evaluate(y, out);
  };
  const hessian = (y: Float64Array) => {
    hessians++;
    return (hessianOf as NonNullable<typeof hessianOf>)(y);
  };
  const explicit = dormandPrinceWork(n);
  const implicitWork = hessianOf ? rosenbrockWork(n) : undefined;
  const candidate = new Float64Array(n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  // ∇L at x lives in explicit.k[0] throughout (the implicit step reads it there too).
  let g = explicit.k[0];

  let t = 0;
  let steps = 0;
  let rejected = 0;
  let implicitSteps = 0;
  let switches = 0;
  let newtonSteps = 0;
  let state: S | undefined;
  let previous: S | undefined;
  const end = (stop: StopReason, failure?: "step-size"): FlowEnd<S> => ({
    steps,
    stop,
    state,
    previous,
    time: t,
    rejected,
    implicitSteps,
    switches,
    gradients,
    hessians,
    newtonSteps,
    ...(failure ? { failure } : {}),
  });
  const show = (stop: StopReason | undefined, implicit: boolean, newton: boolean) =>
    options.observe?.({ step: steps, time: t, state: state as S, x, gradient: g, stop, implicit, newton });
  /** The rule at the current point, then the budget; shows the point either way. */
  const verdict = (implicit: boolean, newton: boolean): StopReason | undefined => {
    const reason =
      rule.check(state as S, x, steps) ?? (steps >= options.maxSteps || t >= maxTime ? "budget" : undefined);
    show(reason, implicit, newton);
    return reason;
  };

  const early = rule.before?.(x, 0);
  if (early) return end(early);
  state = gradient(x, g);
  const first = verdict(false, false);
  if (first) return end(first);

  const finish = options.newton;
  let switchAt = finish?.switchAt ?? 0;
  const newtonModel = {
    gradient: (y: Float64Array, out: Float64Array) => {
      gradient(y, out);
    },
    hessian,
    gradientNorm: finish?.norm,
  };

  let h = options.initialStep ?? initialStep(gradient, x, g, rtol, atol, candidate, explicit.stage);
  // The power iteration's vector: no special alignment with the model's coordinates.
  for (let i = 0; i < n; i++) v[i] = (1 + ((i * 0.618034) % 1)) / Math.sqrt(n * 2.2);
  let stiff = method === "implicit";
  let stiffCount = 0;
  let stiffSteps = STIFF_STEPS;
  let nonStiffCount = 0;
  let handBack = 0;
  let facOld = 1e-4;
  let lastRejected = false;
  let H: ReadonlyArray<ArrayLike<number>> | undefined;

  for (;;) {
    // Newton's finish from here, when asked and allowed.
    if (finish && (finish.when?.(state as S) ?? true) && finish.gradNorm(state as S) < switchAt) {
      const result = newtonFinish(newtonModel, x, { gradTol: finish.gradTol });
      if (result.converged) {
        x.set(result.x);
        newtonSteps += result.steps;
        previous = state;
        state = gradient(x, g);
        H = undefined;
        const reason = verdict(false, true);
        if (reason) return end(reason);
      }
      // Again once the norm is 10× below where Newton declined (not at this same point).
      switchAt = Math.min(switchAt, finish.gradNorm(state as S)) / 10;
      if (switchAt <= finish.gradTol) switchAt = 0;
    }
    const hStep = Math.min(h, maxTime - t);
    if (!(hStep >= 1e-14 * Math.max(1, t))) return end("diverged", "step-size");
    let err: number;
    let next: S | undefined;
    let stiffness = 0;
    if (!stiff) {
      const step = dormandPrinceStep(gradient, x, hStep, explicit, candidate);
      next = step.state;
      stiffness = step.stiffness;
      err = errorNorm(explicit.err, x, candidate, rtol, atol);
    } else {
      const work = implicitWork as NonNullable<typeof implicitWork>;
      H ??= hessian(x);
      const ok = rosenbrockStep(gradient, x, g, H, hStep, work, candidate);
      err = ok ? errorNorm(work.err, x, candidate, rtol, atol) : Number.NaN;
    }
    const order = stiff ? ROSENBROCK_ERROR_ORDER : DORMAND_PRINCE_ERROR_ORDER;
    if (!(err <= 1)) {
      // Rejected (or not finite): shorter, by at most 5× (10× when the estimate is not finite).
      rejected++;
      lastRejected = true;
      h = Number.isFinite(err) ? hStep * Math.max(0.2, 0.9 * err ** (-1 / order)) : hStep * 0.1;
      continue;
    }
    // Accepted.
    const implicit = stiff;
    t = hStep === maxTime - t ? maxTime : t + hStep;
    steps++;
    previous = state;
    x.set(candidate);
    if (!stiff) {
      // FSAL: the last stage is ∇L at the new point.
      const k = explicit.k;
      const k7 = k[6];
      k[6] = k[0];
      k[0] = k7;
      g = k7;
      state = next as S;
    } else {
      implicitSteps++;
      state = gradient(x, g);
    }
    let factor: number;
    if (!stiff) {
      const e = Math.max(err, 1e-10);
      const beta = 0.04;
      factor = (0.9 * e ** (beta * 0.75 - 1 / order)) / facOld ** -beta;
      factor = Math.min(10, Math.max(0.2, factor));
      facOld = Math.max(err, 1e-4);
    } else factor = Math.min(6, Math.max(0.2, 0.9 * Math.max(err, 1e-10) ** (-1 / order)));
    if (lastRejected) factor = Math.min(1, factor);
    lastRejected = false;
    h = hStep * factor;

    // Hand-overs between the methods.
    if (!stiff && hessianOf && method === "auto") {
      const rho = powerStep(gradient, x, g, v, w, explicit.stage);
      if (stiffness > DORMAND_PRINCE_STIFF_PRODUCT || hStep * rho >= POWER_STIFF_PRODUCT) {
        nonStiffCount = 0;
        if (++stiffCount >= stiffSteps) {
          stiff = true;
          switches++;
          stiffCount = 0;
          handBack = 0;
        }
      } else if (++nonStiffCount >= NONSTIFF_RESET) stiffCount = 0;
      H = undefined;
    } else if (stiff) {
      H = hessian(x);
      if (method === "auto") {
        // Flow time per gradient-equivalent: the explicit method at its stability bound (seven
        // gradients a step with the power iteration's) against this method's next step.
        const explicitStep = POWER_STIFF_PRODUCT / Math.max(spectralRadius(H, v, w), 1e-300);
        if (h / (hessianCost + 6) < explicitStep / 7) {
          if (++handBack >= HAND_BACK_STEPS) {
            stiff = false;
            switches++;
            handBack = 0;
            nonStiffCount = 0;
            // Each hand-back makes the next hand-over wait twice as long (no ping-pong).
            stiffSteps *= 2;
            facOld = 1e-4;
            h = Math.min(h, explicitStep);
            H = undefined;
          }
        } else handBack = 0;
      }
    }

    const out = rule.before?.(x, steps);
    if (out) {
      show(out, implicit, false);
      return end(out);
    }
    const reason = verdict(implicit, false);
    if (reason) return end(reason);
  }
}

/** The model and rule have their methods, x is finite, and the options' budget and callbacks are sound. */
function checkFlowArguments(model: unknown, x: unknown, rule: unknown, options: unknown): void {
  methodsArgument("model", model, ["evaluate"]);
  const hessian = (model as { hessian?: unknown }).hessian;
  if (hessian !== undefined) functionArgument("model.hessian", hessian);
  float64Argument("x", x);
  methodsArgument("rule", rule, ["check"]);
  const o = objectArgument("options", options, "options {maxSteps, …}");
  integerInRange("maxSteps", o.maxSteps, 0);
  if (o.initialStep !== undefined) positiveNumber("initialStep", o.initialStep);
  if (o.observe !== undefined) functionArgument("observe", o.observe);
  if (o.newton !== undefined) {
    const newton = objectArgument("newton", o.newton, "a Newton finish {gradNorm, switchAt, gradTol}");
    functionArgument("newton.gradNorm", newton.gradNorm);
    positiveNumber("newton.switchAt", newton.switchAt);
    positiveNumber("newton.gradTol", newton.gradTol);
    for (const f of ["norm", "when"]) if (newton[f] !== undefined) functionArgument(`newton.${f}`, newton[f]);
  }
}
