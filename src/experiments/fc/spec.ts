/**
 * The two-layer network's trial spec (the Safran–Shamir experiment and its variations) and its one
 * validator. Defaults are the protocol's (models/fc/protocol.ts): orthonormal teacher with d = k,
 * unit top weights fixed, fan-in normal start, η = 0.1 with halving on blow-up, the protocol's
 * gradient tolerance, and a Newton finish once GD has decided where it goes.
 *
 * Fields: n student units (or excess = n − k, so that a sweep grid over k can keep n = k + 1), k teacher
 * units, d inputs; teacher "orthonormal" (w*_j = e_j, needs
 * d ≥ k) or "gaussian" (i.i.d. N(0, 1) rows drawn from the trial's teacher stream, the same for every
 * trial of a cell) or given rows {W, a?}; top "ones" (fixed), "trained", or given fixed weights; init
 * "fan-in" (N(0, 1/d)), "glorot" (N(0, 2/(d + n))) or "normal" with initStd; finish "newton" or
 * "gd" (pure GD to the tolerance); optimizer "gd" (the protocol) or "flow" (gradient flow followed to
 * the relative and absolute tolerances flowRtol, flowAtol; experiments/fc/flow.ts), where "finish gd"
 * means the flow itself to the tolerance, and eta and blowUp do not apply.
 *
 * The GD spec has no optimizer field (a given "gd" is dropped), so its canonical form, and with it a
 * sweep cell's stream key and every GD result, is what it was before gradient flow existed.
 */
import { activationByName } from "../../activations/registry.js";
import { functionArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { checkKeys } from "../../core/keys.js";
import {
  finiteMatrix,
  finiteNumber,
  finiteVector,
  integerInRange,
  numberInRange,
  oneOf,
  positiveNumber,
} from "../../core/validate.js";
import {
  FC_PROTOCOL_BLOW_UP,
  FC_PROTOCOL_ETA,
  FC_PROTOCOL_GLOBAL_LOSS,
  FC_PROTOCOL_GRAD_TOL,
} from "../../models/fc/protocol.js";
import { FLOW_DEFAULT_ATOL, FLOW_DEFAULT_RTOL } from "../../train/gradient-flow.js";

export interface FcGivenTeacher {
  readonly W: readonly (readonly number[])[];
  readonly a?: readonly number[];
}

export interface FcTrialSpec {
  n: number;
  k: number;
  d: number;
  teacher: "orthonormal" | "gaussian" | FcGivenTeacher;
  top: "ones" | "trained" | readonly number[];
  init: "fan-in" | "glorot" | "normal";
  /** Std of the "normal" init. */
  initStd?: number;
  eta: number;
  /** A unit's gradient norm above this restarts the run from its start with half the step. */
  blowUp: number;
  /** The run stops once max_j ‖∂J/∂w_j‖ (and ‖∂J/∂a‖ when trained) is below this. */
  gradTol: number;
  /** A run ending below this loss reached the global minimum. */
  globalLoss: number;
  /**
   * Stop as "global" as soon as J < globalLoss (default true). The outcome cannot change after that:
   * GD at this step size decreases J monotonically, so the run can only end below globalLoss; what is
   * saved is the crawl into a degenerate global minimum (n > k: a valley of minima, reached at a
   * sublinear rate, up to 10⁶ steps for the gradient threshold).
   */
  settleGlobal: boolean;
  maxSteps: number;
  finish: "newton" | "gd";
  /** σ by registry name; default relu (the exact Hessian; others use central differences). */
  activation?: string;
  /** Present only for gradient flow; absent means GD (see the file's comment). */
  optimizer?: "flow";
  /** Gradient flow's relative and absolute error tolerance per step (only with optimizer flow). */
  flowRtol?: number;
  flowAtol?: number;
}

/** Sizes this machine class handles (the exact Hessian has (n·d)² entries). */
export const FC_TRIAL_MAX_WIDTH = 200;
export const FC_TRIAL_MAX_DIMENSION = 200;
export const FC_TRIAL_MAX_PARAMETERS = 4000;

export const FC_TRIAL_FIELDS = [
  "n",
  "excess",
  "k",
  "d",
  "teacher",
  "top",
  "init",
  "initStd",
  "eta",
  "blowUp",
  "gradTol",
  "globalLoss",
  "settleGlobal",
  "maxSteps",
  "finish",
  "activation",
  "optimizer",
  "flowRtol",
  "flowAtol",
] as const;

function booleanField(field: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new InputError(field, "must be true or false", value);
  return value;
}

/**
 * What the library's fc trial functions take: n (or k and excess) and any of the other fields; the
 * rest get the protocol's defaults from `validateFcTrialSpec`, as on the command line.
 */
export type FcTrialInput = Partial<FcTrialSpec> & { readonly excess?: number };

export function validateFcTrialSpec(input: unknown, name: (field: string) => string = (f) => f): FcTrialSpec {
  functionArgument("name", name);
  if (input === null || typeof input !== "object" || Array.isArray(input))
    throw new InputError(name("spec"), "must be an object with n, k (and optional settings)", input);
  const o = input as Record<string, unknown>;
  checkKeys(name, o, FC_TRIAL_FIELDS, "an fc trial field");
  if (o.n !== undefined && o.excess !== undefined)
    throw new InputError(name("excess"), "cannot be set together with n; give one", o.excess);
  let n = o.excess === undefined ? integerInRange(name("n"), o.n, 1, FC_TRIAL_MAX_WIDTH) : 0;
  let teacher: FcTrialSpec["teacher"] = "orthonormal";
  let k: number;
  let d: number;
  if (o.teacher !== undefined && typeof o.teacher === "object" && o.teacher !== null) {
    const t = o.teacher as Record<string, unknown>;
    checkKeys((key) => name(`teacher.${key}`), t, ["W", "a"], "a teacher field");
    const rows = finiteMatrix(name("teacher.W"), t.W);
    k = rows.length;
    d = rows[0].length;
    const a = t.a === undefined ? undefined : Array.from(finiteVector(name("teacher.a"), t.a, k));
    teacher = { W: rows.map((r) => Array.from(r)), ...(a ? { a } : {}) };
    if (o.k !== undefined && o.k !== k)
      throw new InputError(name("k"), `must equal the teacher's ${k} rows`, o.k);
    if (o.d !== undefined && o.d !== d)
      throw new InputError(name("d"), `must equal the teacher's ${d} columns`, o.d);
  } else {
    teacher =
      o.teacher === undefined
        ? "orthonormal"
        : oneOf(name("teacher"), o.teacher, ["orthonormal", "gaussian"] as const);
    if (o.excess !== undefined && o.k === undefined)
      throw new InputError(name("k"), "is needed with excess (n = k + excess)", o.k);
    k = integerInRange(name("k"), o.k === undefined ? n : o.k, 1, FC_TRIAL_MAX_WIDTH);
    d = integerInRange(name("d"), o.d === undefined ? k : o.d, 1, FC_TRIAL_MAX_DIMENSION);
    if (teacher === "orthonormal" && d < k)
      throw new InputError(name("d"), `must be >= k = ${k} for an orthonormal teacher (w*_j = e_j)`, d);
  }
  if (o.excess !== undefined)
    n = integerInRange(
      name("n"),
      k + integerInRange(name("excess"), o.excess, 1 - k, FC_TRIAL_MAX_WIDTH),
      1,
      FC_TRIAL_MAX_WIDTH,
    );
  let top: FcTrialSpec["top"] = "ones";
  if (Array.isArray(o.top)) top = Array.from(finiteVector(name("top"), o.top, n));
  else if (o.top !== undefined) top = oneOf(name("top"), o.top, ["ones", "trained"] as const);
  const parameters = n * d + (top === "trained" ? n : 0);
  if (parameters > FC_TRIAL_MAX_PARAMETERS)
    throw new InputError(
      name("n"),
      `must keep the parameter count n·d${top === "trained" ? " + n" : ""} <= ${FC_TRIAL_MAX_PARAMETERS} (the exact Hessian is dense)`,
      parameters,
    );
  const init =
    o.init === undefined ? "fan-in" : oneOf(name("init"), o.init, ["fan-in", "glorot", "normal"] as const);
  const spec: FcTrialSpec = {
    n,
    k,
    d,
    teacher,
    top,
    init,
    eta: o.eta === undefined ? FC_PROTOCOL_ETA : positiveNumber(name("eta"), o.eta),
    blowUp: o.blowUp === undefined ? FC_PROTOCOL_BLOW_UP : positiveNumber(name("blowUp"), o.blowUp),
    gradTol: o.gradTol === undefined ? FC_PROTOCOL_GRAD_TOL : positiveNumber(name("gradTol"), o.gradTol),
    globalLoss:
      o.globalLoss === undefined ? FC_PROTOCOL_GLOBAL_LOSS : positiveNumber(name("globalLoss"), o.globalLoss),
    settleGlobal: o.settleGlobal === undefined ? true : booleanField(name("settleGlobal"), o.settleGlobal),
    maxSteps: o.maxSteps === undefined ? 1_000_000 : integerInRange(name("maxSteps"), o.maxSteps, 0, 1e9),
    finish: o.finish === undefined ? "newton" : oneOf(name("finish"), o.finish, ["newton", "gd"] as const),
  };
  if (o.initStd !== undefined) {
    if (init !== "normal") throw new InputError(name("initStd"), `is only for ${name("init")} normal`);
    spec.initStd = positiveNumber(name("initStd"), o.initStd);
  } else if (init === "normal")
    throw new InputError(name("initStd"), `is required with ${name("init")} normal`);
  if (o.activation !== undefined) {
    const act = activationByName(o.activation, name("activation")).name;
    if (act !== "relu") spec.activation = act;
  }
  const optimizer =
    o.optimizer === undefined ? "gd" : oneOf(name("optimizer"), o.optimizer, ["gd", "flow"] as const);
  if (optimizer === "flow") {
    spec.optimizer = "flow";
    spec.flowRtol =
      o.flowRtol === undefined ? FLOW_DEFAULT_RTOL : numberInRange(name("flowRtol"), o.flowRtol, 1e-14, 0.1);
    spec.flowAtol =
      o.flowAtol === undefined ? FLOW_DEFAULT_ATOL : numberInRange(name("flowAtol"), o.flowAtol, 1e-16, 0.1);
  } else
    for (const field of ["flowRtol", "flowAtol"] as const)
      if (o[field] !== undefined)
        throw new InputError(name(field), `is only for ${name("optimizer")} flow`, o[field]);
  finiteNumber(name("eta"), spec.eta);
  validated.add(spec);
  return spec;
}

/**
 * Specs this validator returned. The trial functions take them as they are, so a sweep's trials skip
 * the validation and keep the spec's identity (the fc trial caches per spec what its trials share);
 * any other input goes through the validator.
 */
const validated = new WeakSet<object>();

/** The validated spec of `input`: itself when the validator made it, otherwise validated now. */
export function fcTrialSpecOf(input: unknown): FcTrialSpec {
  return typeof input === "object" && input !== null && validated.has(input)
    ? (input as FcTrialSpec)
    : validateFcTrialSpec(input);
}
