/**
 * Full-vector CNN training: the shared descent loop (train/descent.ts) on x = [v; a] ∈ R^{p+k}, for
 * every activation and optimiser — population WN-GD (Algorithm 1) with ReLU in closed form or any
 * activation through its kernel, plain GD on (w, a) (ReLU), and finite-sample GD / mini-batch SGD
 * through a gradient override. The outcome is always judged on the population quantities, by the
 * rules given (rules.ts or kernel-rules.ts). The exact reduction (reduced.ts) is the fast path for
 * population ReLU WN-GD; this loop is its reference. v and a are updated in place.
 */
import { booleanArgument, float64Argument, functionArgument, methodsArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { type CnnActivationKernel, checkCnnKernel } from "../../models/cnn/activation-kernel.js";
import { cnnKernelState, cnnPopulationState } from "../../models/cnn/population-state.js";
import { type CnnSnapshot, divergedSnapshot, trajectoryPoint } from "../../models/cnn/snapshot.js";
import { type CnnTeacher, checkCnnTeacher } from "../../models/cnn/teacher.js";
import type { GradientOverride, StopRule, Trainable } from "../contract.js";
import { descend } from "../descent.js";
import { type CnnRules, type CnnRunEnd, type CnnRunOptions, checkCnnRunOptions } from "./run.js";

/** A gradient for the step from another source (drawn data), written into out.v and out.a. */
export type CnnGradientStep = (
  v: Float64Array,
  a: Float64Array,
  step: number,
  out: { v: Float64Array; a: Float64Array },
) => void;

export interface CnnFullVectorOptions extends CnnRunOptions {
  /** Plain GD on (w, a) instead of WN-GD (ReLU only: the effective weights are ‖w‖a). */
  readonly plain?: boolean;
  /** The population quantities through this activation kernel instead of ReLU's closed form. */
  readonly kernel?: CnnActivationKernel;
  /** Finite-sample or stochastic gradients for the steps. */
  readonly gradient?: CnnGradientStep;
}

/** Views of a flat [v; a] vector, made once per buffer. */
function splitter(p: number) {
  let last: Float64Array | undefined;
  let parts: { v: Float64Array; a: Float64Array } = { v: new Float64Array(0), a: new Float64Array(0) };
  return (x: Float64Array) => {
    if (x !== last) {
      last = x;
      parts = { v: x.subarray(0, p), a: x.subarray(p) };
    }
    return parts;
  };
}

/**
 * The CNN as a Trainable on [v; a]: its snapshot, with the population (WN or plain) gradient. For
 * ReLU its update sums ‖v‖² and vᵀw* of the new filter in the same pass (the same numbers the next
 * evaluation would sum, in the same order), which saves a pass over v per step.
 */
export function cnnTrainable(
  teacher: CnnTeacher,
  p: number,
  options: { readonly plain?: boolean; readonly kernel?: CnnActivationKernel },
): Trainable<CnnSnapshot> {
  const point = splitter(p);
  const gradient = splitter(p);
  const { kernel } = options;
  const plain = options.plain ?? false;
  const tw = teacher.w;
  // The sums of the last update, valid for the iterate `at` until the next evaluation.
  const fused = { at: undefined as Float64Array | undefined, r2: 0, vw: 0 };
  const model: Trainable<CnnSnapshot> = {
    evaluate(x, grad) {
      const { v, a } = point(x);
      const g = grad ? gradient(grad) : undefined;
      const sums = fused.at === x ? fused : undefined;
      fused.at = undefined;
      return kernel
        ? cnnKernelState(teacher, kernel, v, a, g)
        : cnnPopulationState(teacher, v, a, plain, g, sums);
    },
  };
  if (!kernel)
    model.update = (x, grad, eta) => {
      const { v, a } = point(x);
      const { v: gv, a: ga } = gradient(grad);
      let r2 = 0;
      let vw = 0;
      for (let i = 0; i < p; i++) {
        const vi = v[i] - eta * gv[i];
        v[i] = vi;
        r2 += vi * vi;
        vw += vi * tw[i];
      }
      for (let j = 0; j < a.length; j++) a[j] -= eta * ga[j];
      fused.at = x;
      fused.r2 = r2;
      fused.vw = vw;
    };
  return model;
}

export function runFullVectorCnn(
  teacher: CnnTeacher,
  v: Float64Array,
  a: Float64Array,
  rules: CnnRules,
  options: CnnFullVectorOptions,
): CnnRunEnd {
  checkCnnTeacher(teacher);
  float64Argument("v", v, teacher.w.length);
  float64Argument("a", a, teacher.a.length);
  if (v.every((x) => x === 0)) throw new InputError("v", "must be a non-zero vector (w = v/‖v‖)");
  methodsArgument("rules", rules, ["diverged", "earlyStop", "classify"]);
  checkCnnRunOptions(options);
  if (options.plain !== undefined) booleanArgument("options.plain", options.plain);
  if (options.kernel !== undefined) checkCnnKernel("options.kernel", options.kernel);
  if (options.gradient !== undefined) functionArgument("options.gradient", options.gradient);
  const p = v.length;
  const x = new Float64Array(p + a.length);
  x.set(v);
  x.set(a, p);
  const earlyStop = options.earlyStop ?? true;
  const rule: StopRule<CnnSnapshot> = {
    check: (snap) => (rules.diverged(snap) ? "diverged" : earlyStop ? rules.earlyStop(snap) : undefined),
  };
  const { recorder, lossSeries } = options;
  let override: GradientOverride | undefined;
  if (options.gradient) {
    const step = options.gradient;
    const point = splitter(p);
    const out = splitter(p);
    override = (xt, t, g) => {
      const { v: vt, a: at } = point(xt);
      step(vt, at, t, out(g));
    };
  }
  const end = descend(cnnTrainable(teacher, p, options), x, rule, {
    eta: options.eta,
    maxSteps: options.maxSteps,
    gradient: override,
    observe: (t, snap, stop) => {
      if (stop !== undefined && stop !== "budget") return;
      if (lossSeries?.wants(t)) lossSeries.add(t, snap.loss);
      if (recorder?.wants(t)) recorder.push(trajectoryPoint(t, snap));
    },
  });
  v.set(x.subarray(0, p));
  a.set(x.subarray(p));
  const snap = end.state as CnnSnapshot; // the rule never stops before the first evaluation
  return {
    steps: end.steps,
    stop: end.stop,
    snapshot: end.stop === "diverged" ? divergedSnapshot(snap.phi, snap.vNorm) : snap,
  };
}
