/**
 * One trial of the Du et al. experiment: a teacher from (k, ratio, anorm), a random start drawn from
 * `rng`, a training run, and its outcome. Pure and deterministic in (spec, rng): the sweep calls it
 * with the stream Rng.fromSeed(seed, cell, trial), so results never depend on workers or order.
 *
 * Random draws, in order: v₀ (p numbers), then a₀ (k numbers), from `rng` itself; data for
 * finite-sample runs come from the child stream rng.stream(1), so a trial's start is the same with
 * and without samples, and on the reduced and the full-vector path.
 *   init "paper":    v₀ uniform on S^{p−1}; a₀ uniform in the ball of radius |1ᵀa*|/√k (a₀ = 0 when 1ᵀa* = 0).
 *   init "gaussian": v₀ and a₀ with i.i.d. N(0, σ²) entries, σ = initStd (default 1/√k).
 * Methods: "wn-gd" (Algorithm 1, default) on the population loss runs on the exact reduction (or on
 * full vectors with path "full"); "gd" is plain GD on (w, a); `samples` = n gives GD on n drawn
 * inputs, `batch` = b mini-batch SGD (b of the n inputs, drawn with replacement, each step; fresh
 * inputs each step when `samples` is not set). Outcomes and early stopping: src/train/cnn/rules.ts (docs/du-cnn.md#outcomes).
 */
import type { Activation } from "../../activations/activation.js";
import { activationByName } from "../../activations/registry.js";
import { objectArgument, vectorArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { integerInRange } from "../../core/validate.js";
import { checkRng, type Rng } from "../../math/rng.js";
import { type CnnActivationKernel, checkCnnKernel } from "../../models/cnn/activation-kernel.js";
import { cnnKernelFor } from "../../models/cnn/kernels.js";
import {
  cnnSampledLossGradientFor,
  cnnSampledLossGradientUnchecked,
  cnnSampleLabels,
  drawCnnInputs,
} from "../../models/cnn/sampled.js";
import { type CnnSnapshot, type CnnTrajectoryPoint, trajectoryPoint } from "../../models/cnn/snapshot.js";
import { type CnnTeacher, checkCnnTeacher, cnnTeacherFromRatio } from "../../models/cnn/teacher.js";
import { type CnnGradientStep, runFullVectorCnn } from "../../train/cnn/full-vector.js";
import { CnnKernelRules } from "../../train/cnn/kernel-rules.js";
import { reduceCnn, runReducedWnGd } from "../../train/cnn/reduced.js";
import { CnnStopRules } from "../../train/cnn/rules.js";
import type { CnnOutcome, CnnRunEnd } from "../../train/cnn/run.js";
import { detectPhaseSwitch } from "../../train/phase-switch.js";
import { ThinnedRecorder, ThinnedSeries } from "../../train/trajectory.js";
import type { TrialContract } from "../trial.js";
import { type CnnTrialInput, type CnnTrialSpec, cnnTrialSpecOf, validateCnnTrialSpec } from "./spec.js";

/**
 * A trial's end. After a divergence (outcome "diverged", at step `steps`) the end state's loss,
 * gradient norm, aᵀa*, 1ᵀa and ‖v‖ are null: they have no finite value, and no stand-in is given.
 */
export interface CnnTrialResult {
  outcome: CnnOutcome;
  steps: number;
  loss: number | null;
  gradNorm: number | null;
  phi: number;
  aDotAstar: number | null;
  oneDotA: number | null;
  vNorm: number | null;
  phaseSwitch: number | null;
  phi0: number;
  a0DotAstar: number;
  oneDotA0: number;
}

/** The random start of a trial (consumes p + k numbers' worth of draws from rng). */
export function drawCnnStart(
  input: CnnTrialInput,
  teacher: CnnTeacher,
  rng: Rng,
): { v: Float64Array; a: Float64Array } {
  const spec = cnnTrialSpecOf(input);
  checkTrialTeacher(spec, checkCnnTeacher(teacher));
  checkRng("rng", rng);
  return drawStart(spec, teacher, rng);
}

/** A teacher of the spec's size. */
function checkTrialTeacher(spec: CnnTrialSpec, teacher: CnnTeacher): void {
  if (teacher.w.length !== spec.p || teacher.a.length !== spec.k)
    throw new InputError("teacher", `must have w of length p = ${spec.p} and a of length k = ${spec.k}`);
}

function drawStart(spec: CnnTrialSpec, teacher: CnnTeacher, rng: Rng): { v: Float64Array; a: Float64Array } {
  const { k, p } = spec;
  if (spec.init === "paper") {
    let S = 0;
    for (const x of teacher.a) S += x;
    const v = rng.onSphere(p);
    const a = rng.inBall(k, Math.abs(S) / Math.sqrt(k));
    return { v, a };
  }
  const std = spec.initStd ?? 1 / Math.sqrt(k);
  let v: Float64Array;
  do {
    v = rng.normals(p);
  } while (v.every((x) => x === 0));
  for (let i = 0; i < p; i++) v[i] *= std;
  const a = rng.normals(k);
  for (let j = 0; j < k; j++) a[j] *= std;
  return { v, a };
}

/** The given start (checked and copied) or, without one, the start drawn from `rng`. */
function startOf(
  spec: CnnTrialSpec,
  teacher: CnnTeacher,
  rng: Rng,
  given: CnnStart | undefined,
): { v: Float64Array; a: Float64Array } {
  if (!given) return drawStart(spec, teacher, rng);
  return { v: Float64Array.from(given.v), a: Float64Array.from(given.a) };
}

export interface CnnTrialDetail {
  readonly result: CnnTrialResult;
  readonly teacher: CnnTeacher;
  /** Present with `trajectoryPoints`. */
  readonly trajectory?: CnnTrajectoryPoint[];
}

/** Maximum recorded points kept for the phase-switch detector in plain trials. */
const PHASE_POINTS = 128;

/** A given starting point (v₀ of length p, a₀ of length k); it is copied, not changed. */
export interface CnnStart {
  readonly v: ArrayLike<number>;
  readonly a: ArrayLike<number>;
}

export interface CnnTrialOptions {
  /** Keep a thinned trajectory of about this many points. */
  readonly trajectoryPoints?: number;
  /** An explicit teacher (of size p × k) in place of the one built from (ratio, anorm). */
  readonly teacher?: CnnTeacher;
  /** Run through this activation kernel (tests run ReLU through its quadrature kernel). */
  readonly kernel?: CnnActivationKernel;
  /** Start here instead of drawing the start from the stream (the data stream is unchanged). */
  readonly start?: CnnStart;
}

/** The options, checked: the given teacher, kernel and start fit the spec. */
function checkTrialOptions(spec: CnnTrialSpec, options: unknown): CnnTrialOptions {
  const o = objectArgument("options", options) as CnnTrialOptions;
  if (o.trajectoryPoints !== undefined) integerInRange("options.trajectoryPoints", o.trajectoryPoints, 2);
  if (o.teacher !== undefined) checkTrialTeacher(spec, checkCnnTeacher(o.teacher, "options.teacher"));
  if (o.kernel !== undefined) checkCnnKernel("options.kernel", o.kernel);
  if (o.start !== undefined) {
    const start = objectArgument("options.start", o.start, "a start {v, a}");
    const v = vectorArgument("options.start.v", start.v, spec.p);
    vectorArgument("options.start.a", start.a, spec.k);
    if (Array.from(v).every((x) => x === 0))
      throw new InputError("options.start.v", "must not be the zero vector");
  }
  return o;
}

/**
 * The trial with the optional extras of `CnnTrialOptions`. The spec needs k, p and ratio; every
 * other field has the protocol's default (validateCnnTrialSpec), as on the command line.
 */
export function runCnnTrialDetailed(
  input: CnnTrialInput,
  rng: Rng,
  options: CnnTrialOptions = {},
): CnnTrialDetail {
  const spec = cnnTrialSpecOf(input);
  checkRng("rng", rng);
  checkTrialOptions(spec, options);
  const teacher = options.teacher ?? cnnTeacherFromRatio(spec.k, spec.p, spec.ratio, spec.anorm);
  const activation = activationByName(spec.activation ?? "relu");
  // ReLU keeps its exact closed forms; any other σ (or an explicit kernel) goes through its kernel.
  const kernel = options.kernel ?? (activation.name === "relu" ? undefined : cnnKernelFor(activation.name));
  if (kernel) checkKernelTrial(spec, teacher, activation);
  const start = startOf(spec, teacher, rng, options.start);
  const method = spec.method ?? "wn-gd";
  const plain = method === "gd";
  const sampled = spec.samples !== undefined || spec.batch !== undefined;
  const population = method === "wn-gd" && !sampled;
  const rules = kernel
    ? new CnnKernelRules(teacher, kernel, spec.eta, isOdd(activation), sampled)
    : new CnnStopRules(teacher, spec.eta, population);
  const recorders = trialRecorders(options.trajectoryPoints);
  const runOptions = {
    eta: spec.eta,
    maxSteps: spec.maxSteps,
    earlyStop: spec.earlyStop ?? true,
    recorder: recorders.display,
    lossSeries: recorders.phase,
  };
  const initial = reduceCnn(teacher, start.v, start.a);
  const begin = startGeometry(initial, spec.k);
  let end: CnnRunEnd;
  if (!kernel && population && spec.path !== "full") {
    end = runReducedWnGd(initial.system, initial.state, rules as CnnStopRules, runOptions);
  } else {
    const gradient = sampled
      ? sampledGradient(spec, teacher, rng.stream(1), !plain, kernel ? activation : undefined)
      : undefined;
    end = runFullVectorCnn(teacher, start.v, start.a, rules, { ...runOptions, plain, gradient, kernel });
  }
  return finishTrial(
    rules.classify(end.stop, end.snapshot, start.v, start.a),
    end,
    recorders,
    teacher,
    begin,
  );
}

export function runCnnTrial(spec: CnnTrialInput, rng: Rng): CnnTrialResult {
  return runCnnTrialDetailed(spec, rng).result;
}

/** The sampled gradient for finite-sample GD (fixed data) or mini-batch SGD. */
function sampledGradient(
  spec: CnnTrialSpec,
  teacher: CnnTeacher,
  dataRng: Rng,
  normalised: boolean,
  activation?: Activation,
): CnnGradientStep {
  const { k, p, samples, batch } = spec;
  // ReLU keeps its fast sampled terms; any other σ is used as itself (WN only).
  const data = samples !== undefined ? drawCnnInputs(dataRng, samples, k, p) : undefined;
  const fast = !activation || activation.name === "relu";
  // the labels of a fixed data set, computed once for the run
  const labels = data && fast ? cnnSampleLabels(teacher, data) : undefined;
  const evaluate = (
    v: Float64Array,
    a: Float64Array,
    patches: Float64Array,
    indices: ArrayLike<number> | number,
  ) =>
    fast
      ? cnnSampledLossGradientUnchecked(
          teacher,
          v,
          a,
          patches,
          indices,
          normalised,
          patches === data ? labels : undefined,
        )
      : cnnSampledLossGradientFor(activation, teacher, v, a, patches, indices);
  const indices = batch !== undefined ? new Int32Array(batch) : undefined;
  return (v, a, _step, out) => {
    let evaluation: { v: Float64Array; a: Float64Array };
    if (data && samples !== undefined && !indices) {
      evaluation = evaluate(v, a, data, samples);
    } else if (data && samples !== undefined && indices) {
      for (let i = 0; i < indices.length; i++) indices[i] = dataRng.int(samples);
      evaluation = evaluate(v, a, data, indices);
    } else {
      const fresh = drawCnnInputs(dataRng, batch ?? 1, k, p);
      evaluation = evaluate(v, a, fresh, batch ?? 1);
    }
    out.v.set(evaluation.v);
    out.a.set(evaluation.a);
  };
}

/** Positively homogeneous of degree 1: ‖w*‖ can move into a* without changing the labels. */
const HOMOGENEOUS = new Set(["relu", "leaky-relu", "linear"]);

/** σ(−x) = −σ(x) (tanh, erf, linear): then (−w*, −a*) computes what the teacher computes. */
function isOdd(activation: Activation): boolean {
  return [0.3, 1.7, 2.9].every((x) => activation.value(-x) === -activation.value(x));
}

/**
 * A trial through an activation kernel (any σ other than ReLU, or ReLU through its quadrature kernel,
 * as the tests do) runs WN-GD on full vectors with the same start and data streams as the ReLU
 * trial. The teacher's filter must be a unit vector unless σ is positively homogeneous (teacher.ts:
 * a teacher's ‖w*‖ is moved into a*, valid for those σ only).
 */
function checkKernelTrial(spec: CnnTrialSpec, teacher: CnnTeacher, activation: Activation): void {
  if (!HOMOGENEOUS.has(activation.name) && Math.abs(teacher.wNorm - 1) > 1e-12)
    throw new InputError(
      "teacher.w",
      `must be a unit vector for activation "${activation.name}" (not positively homogeneous; the student's w = v/‖v‖ is unit)`,
      teacher.wNorm,
    );
  if ((spec.method ?? "wn-gd") !== "wn-gd")
    throw new InputError("method", '"gd" is only for activation "relu" (use "wn-gd")', spec.method);
}

/** What a trial reports about its start: φ₀, a₀ᵀa* and 1ᵀa₀. */
interface StartGeometry {
  readonly phi0: number;
  readonly a0DotAstar: number;
  readonly oneDotA0: number;
}

function startGeometry(initial: ReturnType<typeof reduceCnn>, k: number): StartGeometry {
  return {
    phi0: initial.state.phi,
    a0DotAstar: initial.state.x * initial.system.sk + initial.state.y * initial.system.m,
    oneDotA0: Math.sqrt(k) * initial.state.x,
  };
}

interface TrialRecorders {
  /** The loss series the phase switch is read from. */
  readonly phase: ThinnedSeries;
  readonly display?: ThinnedRecorder<CnnTrajectoryPoint>;
}

/** The phase switch is always read from the same thinning, so it does not depend on trajectoryPoints. */
function trialRecorders(trajectoryPoints: number | undefined): TrialRecorders {
  const phase = new ThinnedSeries(PHASE_POINTS);
  const display =
    trajectoryPoints !== undefined ? new ThinnedRecorder<CnnTrajectoryPoint>(trajectoryPoints) : undefined;
  return { phase, display };
}

/** The trial's result from the end of its run: outcome, last snapshot, start and phase switch. */
function finishTrial(
  outcome: CnnOutcome,
  end: { readonly steps: number; readonly stop: string; readonly snapshot: CnnSnapshot },
  recorders: TrialRecorders,
  teacher: CnnTeacher,
  begin: StartGeometry,
): CnnTrialDetail {
  const last = end.stop === "diverged" ? undefined : trajectoryPoint(end.steps, end.snapshot);
  const series = recorders.phase.finish(last?.step, last?.loss);
  const phaseSwitch = outcome === "global" ? detectPhaseSwitch(series.steps, series.values) : null;
  const s = end.snapshot;
  const blown = end.stop === "diverged";
  const result: CnnTrialResult = {
    outcome,
    steps: end.steps,
    loss: blown ? null : s.loss,
    gradNorm: blown ? null : s.gradNorm,
    phi: s.phi,
    aDotAstar: blown ? null : s.aDotAstar,
    oneDotA: blown ? null : s.oneDotA,
    vNorm: blown ? null : s.vNorm,
    phaseSwitch,
    ...begin,
  };
  return recorders.display
    ? { result, teacher, trajectory: recorders.display.finish(last) }
    : { result, teacher };
}

/** The CNN trial as the shared contract (experiments/trial.ts). */
export const cnnTrial: TrialContract<CnnTrialSpec, CnnTrialResult> = {
  model: "cnn",
  validate: validateCnnTrialSpec,
  run: runCnnTrial,
};
