/**
 * WN-GD on full vectors for the CNN with any activation, through its kernel (μ, m2, κ, κ'; see
 * src/models/cnn/activation-kernel.ts) — the path for activations other than ReLU, whose exact ReLU
 * paths (cnn-reduced.ts, cnn-full.ts) stay as they are. The gradient is the population one, or comes
 * from a callback (finite-sample GD / SGD on σ itself); the outcome is always judged on the
 * population quantities (cnn-kernel-outcome.ts).
 *
 * Teacher convention: w* is the unit filter of the teacher (WN students have unit w = v/‖v‖). For an
 * activation that is not positively homogeneous the labels depend on ‖w*‖, so callers must give a
 * teacher with ‖w*‖ = 1 (cnn-trial.ts checks `wNorm`).
 */
import type { CnnActivationKernel } from "../models/cnn/activation-kernel.js";
import { filterAngle } from "../models/cnn/filter-angle.js";
import type { CnnTeacher } from "../models/cnn/teacher.js";
import type { CnnGradientStep } from "./cnn-full.js";
import type { CnnKernelRules } from "./cnn-kernel-outcome.js";
import { DIVERGENCE_LIMIT } from "./cnn-outcome.js";
import { type CnnRunOptions, divergedSnapshot, trajectoryPoint } from "./cnn-reduced.js";
import type { CnnSnapshot } from "./cnn-snapshot.js";

export type CnnKernelStop = "global" | "stationary" | "budget" | "diverged";

export interface CnnKernelRunEnd {
  readonly steps: number;
  readonly stop: CnnKernelStop;
  readonly snapshot: CnnSnapshot;
}

/**
 * Population loss, gradient norm and the tracked quantities at (v, a) with kernel κ; the WN
 * gradient is written into `grad` when given. One κ and one κ' evaluation.
 */
export function cnnKernelState(
  teacher: CnnTeacher,
  kernel: CnnActivationKernel,
  v: Float64Array,
  a: Float64Array,
  grad?: { v: Float64Array; a: Float64Array },
): CnnSnapshot {
  const p = v.length;
  const k = a.length;
  const tw = teacher.w;
  const ta = teacher.a;
  const { r, rho, phi } = filterAngle(v, tw);
  const kappa = kernel.kappa(rho);
  const dkappa = kernel.dkappa(rho);
  const mu2 = kernel.mean * kernel.mean;
  const alpha = kernel.meanSquare - mu2;
  const gap = kernel.meanSquare - kappa;
  let s = 0;
  let oneA = 0;
  let oneErr = 0;
  let err2 = 0;
  for (let j = 0; j < k; j++) {
    s += a[j] * ta[j];
    oneA += a[j];
    oneErr += a[j] - ta[j];
    err2 += (a[j] - ta[j]) ** 2;
  }
  // ℓ = ½(a − a*)ᵀA(a − a*) + (m2 − κ)·aᵀa*, A = αI + μ²11ᵀ (population.ts).
  const loss = 0.5 * (alpha * err2 + mu2 * oneErr * oneErr) + gap * s;
  let gradNorm2 = 0;
  for (let j = 0; j < k; j++) {
    const ga = alpha * (a[j] - ta[j]) + mu2 * oneErr + gap * ta[j];
    if (grad) grad.a[j] = ga;
    gradNorm2 += ga * ga;
  }
  const cv = (-dkappa * s) / r;
  for (let i = 0; i < p; i++) {
    const gv = cv * (tw[i] - (rho * v[i]) / r);
    if (grad) grad.v[i] = gv;
    gradNorm2 += gv * gv;
  }
  return {
    loss,
    gradNorm: Math.sqrt(gradNorm2),
    phi,
    aDotAstar: s,
    oneDotA: oneA,
    vNorm: r,
    aError: Math.sqrt(err2),
  };
}

/**
 * v ← v − η·g_v, a ← a − η·g_a (simultaneous), with the population WN gradient or `gradient`'s.
 * Early stops (with `earlyStop`): "global" once the global rule holds and the minimum is linearly
 * stable for this step; "stationary" once ‖∇ℓ‖ is tiny (the caller classifies the point).
 * v and a are updated in place.
 */
export function runKernelCnn(
  teacher: CnnTeacher,
  kernel: CnnActivationKernel,
  v: Float64Array,
  a: Float64Array,
  rules: CnnKernelRules,
  options: CnnRunOptions & { readonly gradient?: CnnGradientStep },
): CnnKernelRunEnd {
  const { eta, maxSteps, recorder, lossSeries, gradient } = options;
  const earlyStop = options.earlyStop ?? true;
  const grad = { v: new Float64Array(v.length), a: new Float64Array(a.length) };
  let stop: CnnKernelStop = "budget";
  let t = 0;
  let snap: CnnSnapshot;
  for (; ; t++) {
    snap = cnnKernelState(teacher, kernel, v, a, gradient ? undefined : grad);
    if (
      !(Math.abs(snap.aDotAstar) + snap.vNorm + snap.aError + Math.abs(snap.loss) < DIVERGENCE_LIMIT) ||
      !(snap.vNorm > 0)
    ) {
      stop = "diverged";
      break;
    }
    if (earlyStop) {
      if (rules.globalSettled(snap.phi, snap.aError * snap.aError, snap.vNorm, snap.aDotAstar)) {
        stop = "global";
        break;
      }
      if (!gradient && rules.stationary(snap.gradNorm)) {
        stop = "stationary";
        break;
      }
    }
    if (lossSeries?.wants(t)) lossSeries.add(t, snap.loss);
    if (recorder?.wants(t)) recorder.push(trajectoryPoint(t, snap));
    if (t >= maxSteps) break;
    if (gradient) gradient(v, a, t, grad);
    for (let i = 0; i < v.length; i++) v[i] -= eta * grad.v[i];
    for (let j = 0; j < a.length; j++) a[j] -= eta * grad.a[j];
  }
  if (stop === "diverged") snap = divergedSnapshot(snap.phi, snap.vNorm);
  return { steps: t, stop, snapshot: snap };
}
