/**
 * One population-GD run of the two-layer network from a seeded start (or, with optimizer "flow", one
 * run of gradient flow from it): the general entry point behind `minima fc train`. Teacher: orthonormal, Gaussian or given; start: Gaussian (per-entry std), uniform
 * in a ball, or given. The start uses Rng.fromSeed(seed, 1) and a Gaussian teacher Rng.fromSeed(seed, 0).
 * Any activation: σ's pair kernel comes from `fcPairKernelFor` (ReLU: the closed form, unchanged).
 * The outcome rules use only J and ‖∇J‖ (fcGradientDescent), so they hold for every σ as they are.
 */
import { activationByName } from "../../activations/registry.js";
import { booleanArgument, float64Argument, functionArgument, objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { finiteNumber, integerInRange, numberInRange, oneOf, positiveNumber } from "../../core/validate.js";
import { Rng, type Seed } from "../../math/rng.js";
import { hessianSpectrum } from "../../math/spectrum.js";
import { fcPairKernelFor } from "../../models/fc/kernels.js";
import { checkFcNetwork, type FcNetwork, rowNorms } from "../../models/fc/network.js";
import type { PairKernel } from "../../models/fc/pair-kernel.js";
import { FcPopulation } from "../../models/fc/population.js";
import { gaussianTeacher, orthonormalTeacher } from "../../models/fc/teachers.js";
import { type FcOutcome, type FcTracePoint, fcGradientDescent } from "../../train/fc/gradient-descent.js";
import { type FcFlowResult, fcGradientFlow } from "../../train/fc/gradient-flow.js";
import { matchRows } from "./permutation.js";

export type TeacherSpec =
  | { kind: "orthonormal" }
  | { kind: "gaussian"; scale: number }
  | { kind: "given"; network: FcNetwork };
export type StartSpec =
  | { kind: "gaussian"; std: number }
  | { kind: "ball"; radius: number }
  | { kind: "given"; W: Float64Array; a?: Float64Array };

export interface TrainSpec {
  readonly K: number;
  /** Teacher width (ignored for a given teacher); default K. */
  readonly Kstar?: number;
  readonly d: number;
  readonly teacher: TeacherSpec;
  readonly start: StartSpec;
  readonly trainA: boolean;
  readonly eta: number;
  readonly maxSteps: number;
  readonly seed: Seed;
  readonly recordEvery?: number;
  /** Compute the Hessian spectrum at the end (O((Kd)³)). */
  readonly hessian?: boolean;
  /** σ of teacher and student (a name of the activations registry); default "relu". */
  readonly activation?: string;
  /** "gd" (default) or "flow": gradient flow to flowRtol, flowAtol (train/fc/gradient-flow.ts); eta unused. */
  readonly optimizer?: "gd" | "flow";
  readonly flowRtol?: number;
  readonly flowAtol?: number;
}

export interface TrainResult {
  readonly outcome: FcOutcome;
  /** GD steps, or accepted steps of gradient flow. */
  readonly steps: number;
  /** Gradient flow only: the flow time reached. */
  readonly time?: number;
  /** J, ‖∇J‖ and the weights at the end; null after a divergence (outcome "diverged" at `steps`). */
  readonly loss: number | null;
  readonly gradNorm: number | null;
  readonly W: number[][] | null;
  readonly a: number[] | null;
  readonly trace: FcTracePoint[];
  /**
   * When K = K*: max over units of ‖w_j − w*_π(j)‖ for the best greedy matching π, and π. For an odd σ
   * with trained a, units are compared up to their mirror (−w_j, −a_j) (rows taken with a_j ≥ 0).
   */
  readonly teacherDistance?: { readonly max: number; readonly permutation: number[] };
  readonly hessian?: { readonly index: number; readonly zeroModes: number; readonly minEigenvalue: number };
}

export function buildTeacher(spec: Pick<TrainSpec, "K" | "Kstar" | "d" | "teacher" | "seed">): FcNetwork {
  const Ks = spec.Kstar ?? spec.K;
  switch (spec.teacher.kind) {
    case "orthonormal":
      return orthonormalTeacher(Ks, spec.d);
    case "gaussian":
      return gaussianTeacher(Ks, spec.d, Rng.fromSeed(spec.seed, 0), spec.teacher.scale);
    case "given":
      return spec.teacher.network;
  }
}

/** σ(−x) = −σ(x) (tanh, erf, linear): then (−w, −a) computes what (w, a) computes. */
function isOdd(name: string): boolean {
  const act = activationByName(name);
  return [0.3, 1.7, 2.9].every((x) => act.value(-x) === -act.value(x));
}

/** Rows flipped to the representative with a_j ≥ 0 of each unit's mirror pair {(w, a), (−w, −a)}. */
function signNormalised(W: Float64Array, a: Float64Array, d: number): Float64Array {
  const out = Float64Array.from(W);
  for (let j = 0; j < a.length; j++) if (a[j] < 0) for (let i = 0; i < d; i++) out[j * d + i] = -W[j * d + i];
  return out;
}

/** Quadrature kernels serve ‖w‖ ≤ kernel.maxNorm: a teacher or start beyond it is an input error. */
export function checkNormRange(
  kernel: PairKernel,
  field: string,
  W: Float64Array,
  K: number,
  d: number,
): void {
  if (kernel.maxNorm === undefined) return;
  const largest = Math.max(...rowNorms(W, K, d));
  if (!(largest <= kernel.maxNorm))
    throw new InputError(
      field,
      `rows must have norm <= ${kernel.maxNorm} for activation ${kernel.activation} (the range its quadrature serves; scale them down or use relu)`,
      largest,
    );
}

/** The largest widths and dimension `fc train` accepts. */
export const FC_MAX_WIDTH = 10000;
export const FC_MAX_DIMENSION = 100000;

/** The defaults of `fc train`, for the library and the CLI alike. */
export const FC_TRAIN_DEFAULTS = {
  teacher: { kind: "orthonormal" },
  start: { kind: "gaussian", std: 1e-3 },
  trainA: false,
  eta: 0.1,
  maxSteps: 10000,
  seed: 1,
} as const satisfies Partial<TrainSpec>;

/** What `trainFc` takes: K and d, and any of the other fields (the rest from FC_TRAIN_DEFAULTS). */
export type TrainInput = Pick<TrainSpec, "K" | "d"> & Partial<TrainSpec>;

/**
 * The one validator of a `TrainSpec`: sizes, step, budget, start scale, the activation and the
 * shapes of a given teacher or start; missing fields take FC_TRAIN_DEFAULTS. `trainFc` calls it; the
 * CLI parses its flags into a spec and lets it speak, with `name` mapping a field to the flag the
 * user typed.
 */
export function validateFcTrainSpec(
  input: TrainInput,
  name: (field: string) => string = (f) => f,
): TrainSpec {
  functionArgument("name", name);
  const given = objectArgument(name("spec"), input, "a spec {K, d, …}");
  const spec = {
    ...FC_TRAIN_DEFAULTS,
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
  } as TrainSpec;
  checkTeacherAndStart(spec, name);
  booleanArgument(name("trainA"), spec.trainA);
  if (spec.hessian !== undefined) booleanArgument(name("hessian"), spec.hessian);
  if (spec.recordEvery !== undefined) integerInRange(name("recordEvery"), spec.recordEvery, 0);
  const K = integerInRange(name("K"), spec.K, 1, FC_MAX_WIDTH);
  const d = integerInRange(name("d"), spec.d, 1, FC_MAX_DIMENSION);
  if (spec.Kstar !== undefined) integerInRange(name("Kstar"), spec.Kstar, 1, FC_MAX_WIDTH);
  const eta = finiteNumber(name("eta"), spec.eta);
  if (!(eta > 0)) throw new InputError(name("eta"), "must be > 0", eta);
  integerInRange(name("maxSteps"), spec.maxSteps, 0, 1e12);
  integerInRange(name("seed"), spec.seed, 0);
  if (spec.activation !== undefined) activationByName(spec.activation, name("activation"));
  const optimizer = oneOf(name("optimizer"), spec.optimizer ?? "gd", ["gd", "flow"] as const);
  for (const field of ["flowRtol", "flowAtol"] as const) {
    if (spec[field] === undefined) continue;
    if (optimizer !== "flow")
      throw new InputError(name(field), `is only for ${name("optimizer")} flow`, spec[field]);
    numberInRange(name(field), spec[field], field === "flowRtol" ? 1e-14 : 1e-16, 0.1);
  }
  if (spec.start.kind === "gaussian") positiveNumber(name("start.std"), spec.start.std);
  if (spec.start.kind === "ball") positiveNumber(name("start.radius"), spec.start.radius);
  if (spec.start.kind === "given" && spec.start.W.length !== K * d)
    throw new InputError(name("start.W"), `must have K·d = ${K * d} entries`, spec.start.W.length);
  if (spec.start.kind === "given" && spec.start.a !== undefined && spec.start.a.length !== K)
    throw new InputError(name("start.a"), `must have K = ${K} entries`, spec.start.a.length);
  if (spec.teacher.kind === "given" && spec.teacher.network.d !== d)
    throw new InputError(name("d"), `must match the teacher's dimension ${spec.teacher.network.d}`, d);
  return spec;
}

/** The teacher and start: known kinds, and a given network or start of finite numbers. */
function checkTeacherAndStart(spec: TrainSpec, name: (field: string) => string): void {
  const teacher = objectArgument(name("teacher"), spec.teacher, "a teacher {kind, …}");
  oneOf(name("teacher.kind"), teacher.kind, ["orthonormal", "gaussian", "given"] as const);
  if (teacher.kind === "gaussian") positiveNumber(name("teacher.scale"), teacher.scale);
  if (teacher.kind === "given") checkFcNetwork(name("teacher.network"), teacher.network);
  const start = objectArgument(name("start"), spec.start, "a start {kind, …}");
  oneOf(name("start.kind"), start.kind, ["gaussian", "ball", "given"] as const);
  if (start.kind === "given") {
    float64Argument(name("start.W"), start.W);
    if (start.a !== undefined) float64Argument(name("start.a"), start.a);
  }
}

export function trainFc(input: TrainInput): TrainResult {
  const spec = validateFcTrainSpec(input);
  const { K, d } = spec;
  const teacher = buildTeacher(spec);
  const kernel = fcPairKernelFor(spec.activation ?? "relu");
  checkNormRange(kernel, "teacher", teacher.W, teacher.K, d);
  const pop = new FcPopulation(kernel, teacher, K);
  const rng = Rng.fromSeed(spec.seed, 1);
  let W: Float64Array;
  let a = new Float64Array(K).fill(1);
  switch (spec.start.kind) {
    case "gaussian":
      W = rng.normals(K * d).map((v) => v * (spec.start as { std: number }).std);
      break;
    case "ball": {
      W = new Float64Array(K * d);
      for (let j = 0; j < K; j++) W.set(rng.inBall(d, spec.start.radius), j * d);
      break;
    }
    case "given":
      W = Float64Array.from(spec.start.W);
      if (spec.start.a) a = Float64Array.from(spec.start.a);
      break;
  }
  checkNormRange(kernel, "start", W, K, d);
  const run =
    spec.optimizer === "flow"
      ? fcGradientFlow(
          pop,
          { W, a },
          { maxSteps: spec.maxSteps, trainA: spec.trainA, rtol: spec.flowRtol, atol: spec.flowAtol },
        )
      : fcGradientDescent(
          pop,
          { W, a },
          {
            eta: spec.eta,
            maxSteps: spec.maxSteps,
            trainA: spec.trainA,
            recordEvery: spec.recordEvery ?? Math.max(1, Math.floor(spec.maxSteps / 50)),
          },
        );
  const rows = Array.from({ length: K }, (_, j) => Array.from(run.W.subarray(j * d, (j + 1) * d)));
  const diverged = run.outcome === "diverged";
  let teacherDistance: TrainResult["teacherDistance"];
  if (teacher.K === K && !diverged) {
    // An odd σ with trained a: (−w_j, −a_j) is the same unit, so compare sign-normalised units.
    const mirror = spec.trainA && isOdd(spec.activation ?? "relu");
    const m = mirror
      ? matchRows(signNormalised(run.W, run.a, d), signNormalised(teacher.W, teacher.a, d), K, d)
      : matchRows(run.W, teacher.W, K, d);
    teacherDistance = { max: m.maxDistance, permutation: m.match };
  }
  let hessian: TrainResult["hessian"];
  if (spec.hessian && run.outcome !== "diverged") {
    const s = hessianSpectrum(pop.hessian({ W: run.W, a: run.a }, spec.trainA));
    if (s.eigenvalues.every(Number.isFinite))
      hessian = { index: s.index, zeroModes: s.zeroModes, minEigenvalue: s.eigenvalues[0] };
  }
  return {
    outcome: run.outcome,
    steps: run.steps,
    ...(spec.optimizer === "flow" ? { time: (run as FcFlowResult).time } : {}),
    loss: run.loss,
    gradNorm: run.gradNorm,
    W: diverged ? null : rows,
    a: diverged ? null : Array.from(run.a),
    trace: run.trace,
    ...(teacherDistance ? { teacherDistance } : {}),
    ...(hessian ? { hessian } : {}),
  };
}
