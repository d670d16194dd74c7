/**
 * The CNN trial's spec and its one validator. The CLI (`minima cnn train`, `cnn probability`), the
 * sweep model, the report and the lab all build a raw spec and call `validateCnnTrialSpec`; only the
 * names in its messages differ (`name` maps a field to what the user wrote: `--steps` for maxSteps
 * in the CLI, `cells[3].eta` in a sweep).
 *
 * Defaults, from the model's protocol (models/cnn/protocol.ts): anorm 1, init "paper",
 * eta = the default step for the activation, maxSteps = ⌈6000/η⌉ (a fixed gradient-flow time).
 * Optional fields equal to their defaults are left out of the result, so that a setting has one
 * canonical form: sweep cells are keyed by a hash of it, and {method: "wn-gd"} draws the same
 * trials as {}.
 */
import { activationByName } from "../../activations/registry.js";
import { functionArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { checkKeys } from "../../core/keys.js";
import { finiteNumber, integerInRange, oneOf, positiveNumber } from "../../core/validate.js";
import { CNN_DEFAULT_HORIZON, cnnDefaultEtaFor, stepsForHorizon } from "../../models/cnn/protocol.js";
import { validateCnnTeacherSettings } from "../../models/cnn/teacher.js";

export interface CnnTrialSpec {
  k: number;
  p: number;
  ratio: number;
  anorm: number;
  eta: number;
  maxSteps: number;
  init: "paper" | "gaussian";
  /** Std of the gaussian init (default 1/√k). */
  initStd?: number;
  /** Default "wn-gd" (Algorithm 1). */
  method?: "wn-gd" | "gd";
  /** Finite-sample GD on this many drawn inputs. */
  samples?: number;
  /** Mini-batch SGD with this batch size. */
  batch?: number;
  /** Population WN-GD only: "reduced" (default, exact and fast) or "full" (p- and k-vectors). */
  path?: "reduced" | "full";
  /** Stop as soon as the outcome is decided (default true). */
  earlyStop?: boolean;
  /**
   * Activation by registry name (default "relu", the exact paths). Any other runs WN-GD on the
   * full-vector path with its quadrature kernel (population), or on σ itself (samples / batch);
   * outcomes by src/train/cnn/kernel-rules.ts. Plain GD ("gd") is ReLU only.
   */
  activation?: string;
}

/**
 * The defaults of the fields a caller may leave out, for the library and the CLI alike (eta and
 * maxSteps follow from k and the activation).
 */
export const CNN_TRIAL_DEFAULTS = { anorm: 1, init: "paper", method: "wn-gd" } as const;

/** The largest data set (in float64 numbers, 400 MB) a finite-sample trial may draw. */
export const MAX_SAMPLE_NUMBERS = 5e7;
/**
 * The largest step budget: 1e9 steps of a k = p = 25 trial take ~1–2 min on one core, larger k and p
 * proportionally longer (1e12, the limit before, took days: an accepted run that never ends).
 */
export const MAX_STEPS = 1e9;
/** The largest start scale of init "gaussian" (the problem is scale-free in v; beyond, ‖v‖² overflows). */
export const MAX_INIT_STD = 1e6;
/** The largest mini-batch drawn fresh at each step. */
export const MAX_BATCH = 1e7;

export const CNN_TRIAL_FIELDS = [
  "k",
  "p",
  "ratio",
  "anorm",
  "eta",
  "maxSteps",
  "init",
  "initStd",
  "method",
  "samples",
  "batch",
  "path",
  "earlyStop",
  "activation",
] as const;

/**
 * What the library's trial functions take: k, p and ratio, and any of the other fields; the rest
 * get the protocol's defaults from `validateCnnTrialSpec`, as on the command line.
 */
export type CnnTrialInput = Pick<CnnTrialSpec, "k" | "p" | "ratio"> & Partial<CnnTrialSpec>;

export function validateCnnTrialSpec(
  input: unknown,
  name: (field: string) => string = (f) => f,
): CnnTrialSpec {
  functionArgument("name", name);
  if (input === null || typeof input !== "object" || Array.isArray(input))
    throw new InputError(name("spec"), "must be an object with k, p, ratio (and optional settings)", input);
  const o = input as Record<string, unknown>;
  checkKeys(name, o, CNN_TRIAL_FIELDS, "a cnn trial field");
  const { k, p, ratio, anorm } = validateCnnTeacherSettings(
    { ...o, anorm: o.anorm === undefined ? CNN_TRIAL_DEFAULTS.anorm : o.anorm },
    name,
  );
  const activation =
    o.activation === undefined ? "relu" : activationByName(o.activation, name("activation")).name;
  const eta = o.eta === undefined ? cnnDefaultEtaFor(activation, k) : finiteNumber(name("eta"), o.eta);
  if (!(eta > 0)) throw new InputError(name("eta"), "must be > 0", eta);
  const maxSteps =
    o.maxSteps === undefined
      ? stepsForHorizon(CNN_DEFAULT_HORIZON, eta)
      : integerInRange(name("maxSteps"), o.maxSteps, 0, MAX_STEPS);
  if (maxSteps > MAX_STEPS)
    throw new InputError(
      name("eta"),
      `is too small: the default budget ⌈6000/η⌉ exceeds ${MAX_STEPS} steps`,
      eta,
    );
  const init =
    o.init === undefined
      ? CNN_TRIAL_DEFAULTS.init
      : oneOf(name("init"), o.init, ["paper", "gaussian"] as const);
  const spec: CnnTrialSpec = { k, p, ratio, anorm, eta, maxSteps, init };
  if (o.initStd !== undefined) {
    if (init !== "gaussian") throw new InputError(name("initStd"), `is only for ${name("init")} gaussian`);
    spec.initStd = positiveNumber(name("initStd"), o.initStd);
    if (spec.initStd > MAX_INIT_STD)
      throw new InputError(name("initStd"), `must be <= ${MAX_INIT_STD}`, spec.initStd);
  }
  if (o.method !== undefined) spec.method = oneOf(name("method"), o.method, ["wn-gd", "gd"] as const);
  if (o.samples !== undefined) {
    spec.samples = integerInRange(name("samples"), o.samples, 1, 1e9);
    // The data set is held in memory: n·k·p float64 numbers.
    if (spec.samples * k * p > MAX_SAMPLE_NUMBERS)
      throw new InputError(
        name("samples"),
        `must keep samples·k·p <= ${MAX_SAMPLE_NUMBERS} (memory)`,
        spec.samples,
      );
  }
  if (o.batch !== undefined)
    spec.batch = integerInRange(name("batch"), o.batch, 1, spec.samples ?? MAX_BATCH);
  if (o.path !== undefined) {
    spec.path = oneOf(name("path"), o.path, ["reduced", "full"] as const);
    if (
      spec.path === "reduced" &&
      (spec.method === "gd" || spec.samples !== undefined || spec.batch !== undefined)
    )
      throw new InputError(name("path"), '"reduced" is only for population WN-GD', o.path);
  }
  if (o.earlyStop !== undefined) {
    if (typeof o.earlyStop !== "boolean")
      throw new InputError(name("earlyStop"), "must be true or false", o.earlyStop);
    spec.earlyStop = o.earlyStop;
  }
  if (activation !== "relu") {
    if (spec.method === "gd")
      throw new InputError(name("method"), `gd is only for ${name("activation")} relu (use wn-gd)`, o.method);
    if (spec.path === "reduced")
      throw new InputError(name("path"), `"reduced" is only for ${name("activation")} relu`, o.path);
    spec.activation = activation;
  }
  if (spec.method === CNN_TRIAL_DEFAULTS.method) delete spec.method;
  if (spec.earlyStop === true) delete spec.earlyStop;
  validated.add(spec);
  return spec;
}

/**
 * Specs this validator returned. The trial functions take them as they are, so a sweep's trials skip
 * the validation and keep the spec's identity (the cnn trial caches per spec what its trials share);
 * any other input goes through the validator.
 */
const validated = new WeakSet<object>();

/** The validated spec of `input`: itself when the validator made it, otherwise validated now. */
export function cnnTrialSpecOf(input: unknown): CnnTrialSpec {
  return typeof input === "object" && input !== null && validated.has(input)
    ? (input as CnnTrialSpec)
    : validateCnnTrialSpec(input);
}
