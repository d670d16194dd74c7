/**
 * One trial of the two-layer network's GD experiment (Safran & Shamir 2018 by default): a teacher, a
 * random start drawn from `rng`, gradient descent by the protocol (restarted from the same start
 * with half the step on a blow-up), a Newton finish once GD has decided where it goes, and the
 * outcome decided by the Hessian at the end point. With optimizer "flow" the same start is followed
 * by gradient flow instead (experiments/fc/flow.ts), and the same rules decide its outcome. Pure in (spec, rng): the start is n·d normals
 * drawn from `rng` (times the init's std); a Gaussian teacher comes from its own stream
 * Rng.fromSeed(TEACHER_SEED) so that every trial of a cell shares it.
 *
 * Outcomes (the shared vocabulary of train/contract.ts):
 *   diverged     the step was halved FC_PROTOCOL_MAX_HALVINGS times and the run still blew up;
 *   unconverged  the budget ran out before max_j ‖∂J/∂w_j‖ < gradTol, or the end point's Hessian is
 *                singular beyond the model's symmetries (neither a strict minimum nor a saddle);
 *   global       the run stopped with J < globalLoss (with settleGlobal, as soon as J < globalLoss:
 *                GD decreases J monotonically at the protocol's step, so it cannot end elsewhere);
 *   spurious     it stopped with J ≥ globalLoss and a Hessian positive definite on the directions
 *                that are not symmetries (H − τI has a Cholesky factor, τ = HESSIAN_TOL);
 *   saddle       it stopped with J ≥ globalLoss and a negative Hessian eigenvalue (H + τI has none).
 * With trained top weights each unit's rescaling (c·w_j, a_j/c) is a symmetry: its tangent
 * (w_j, −a_j) is a zero mode of the Hessian at a critical point, so those directions are lifted
 * (H + ‖H‖·P_S) before the test.
 */

import { choleskyUnchecked, positiveDefinite } from "../../math/cholesky.js";
import type { Rng } from "../../math/rng.js";
import { checkRng, Rng as RngClass } from "../../math/rng.js";
import { fcPairKernelFor } from "../../models/fc/kernels.js";
import { type FcNetwork, makeNetwork } from "../../models/fc/network.js";
import { FcPopulation } from "../../models/fc/population.js";
import { FC_PROTOCOL_MAX_HALVINGS, fanInStd, glorotStd } from "../../models/fc/protocol.js";
import { gaussianTeacher, orthonormalTeacher } from "../../models/fc/teachers.js";
import { isDivergentUnchecked, type Outcome, type StopRule, type Trainable } from "../../train/contract.js";
import { descend } from "../../train/descent.js";
import { newtonFinish } from "../../train/newton.js";
import type { TrialContract } from "../trial.js";
import { runFcFlow } from "./flow.js";
import { type FcTrialInput, type FcTrialSpec, fcTrialSpecOf, validateFcTrialSpec } from "./spec.js";

/** The seed of a Gaussian teacher's stream: the same teacher for every trial and cell. */
export const TEACHER_SEED = 0x7eac;
/** GD hands over to Newton once max_j ‖∂J/∂w_j‖ is below this (and the Hessian is positive definite). */
export const NEWTON_SWITCH = 1e-4;
/** Eigenvalues within ±HESSIAN_TOL·max(1, max|H_ii|) count as zero. */
export const HESSIAN_TOL = 1e-8;
/** End points are stored rounded to this many decimals (compact records; families need far less). */
export const END_POINT_DECIMALS = 7;

export interface FcTrialResult {
  readonly outcome: Outcome;
  /** GD steps of the attempt that counted (accepted steps for gradient flow). */
  readonly steps: number;
  readonly newtonSteps: number;
  /** Times the step was halved after a blow-up. */
  readonly halvings: number;
  /** The step of the attempt that counted (null for gradient flow, which has none). */
  readonly eta: number | null;
  /** J at the end point (null after a divergence). */
  readonly loss: number | null;
  /** max_j ‖∂J/∂w_j‖ (and |∂J/∂a_j| when trained) at the end point (null after a divergence). */
  readonly gradMax: number | null;
  /** The end point, row-major W (n·d numbers) then a when trained, rounded; empty after a divergence. */
  readonly end: readonly number[];
  readonly [field: string]: string | number | null | readonly number[];
}

/** What every trial of a cell shares: the teacher, the population landscape, the fixed top weights. */
export interface FcTrialSetup {
  readonly spec: FcTrialSpec;
  readonly teacher: FcNetwork;
  readonly pop: FcPopulation;
  readonly trainA: boolean;
  /** Student top weights when fixed. */
  readonly fixedA: Float64Array | undefined;
  /** Parameters: n·d (+ n when trained). */
  readonly size: number;
}

const setups = new WeakMap<FcTrialSpec, FcTrialSetup>();

export function fcTrialSetup(spec: FcTrialSpec): FcTrialSetup {
  const cached = setups.get(spec);
  if (cached) return cached;
  const { n, k, d } = spec;
  let teacher: FcNetwork;
  if (spec.teacher === "orthonormal") teacher = orthonormalTeacher(k, d);
  else if (spec.teacher === "gaussian") teacher = gaussianTeacher(k, d, RngClass.fromSeed(TEACHER_SEED));
  else {
    const W = Float64Array.from(spec.teacher.W.flat());
    teacher = makeNetwork(k, d, W, spec.teacher.a ? Float64Array.from(spec.teacher.a) : undefined);
  }
  const pop = new FcPopulation(fcPairKernelFor(spec.activation ?? "relu"), teacher, n);
  const trainA = spec.top === "trained";
  const fixedA = trainA
    ? undefined
    : spec.top === "ones"
      ? new Float64Array(n).fill(1)
      : Float64Array.from(spec.top as readonly number[]);
  const setup = { spec, teacher, pop, trainA, fixedA, size: n * d + (trainA ? n : 0) };
  setups.set(spec, setup);
  return setup;
}

/** The start: n·d normals from `rng` times the init's std (top weights 1 when trained). */
export function drawFcStart(spec: FcTrialSpec, rng: Rng): Float64Array {
  const { n, d } = spec;
  const std =
    spec.init === "fan-in" ? fanInStd(d) : spec.init === "glorot" ? glorotStd(d, n) : (spec.initStd ?? 1);
  const W = rng.normals(n * d);
  const x = new Float64Array(n * d + (spec.top === "trained" ? n : 0));
  for (let i = 0; i < W.length; i++) x[i] = std * W[i];
  if (spec.top === "trained") x.fill(1, n * d);
  return x;
}

interface FcState {
  readonly loss: number;
  /** max over units of ‖∂J/∂w_j‖ (and |∂J/∂a_j|). */
  readonly gradMax: number;
}

/** The largest unit gradient norm of a flat gradient [∇_W; ∇_a]. */
function unitGradMax(g: Float64Array, n: number, d: number): number {
  let max = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = j * d; i < (j + 1) * d; i++) s += g[i] * g[i];
    max = Math.max(max, Math.sqrt(s));
  }
  for (let i = n * d; i < g.length; i++) max = Math.max(max, Math.abs(g[i]));
  return max;
}

export type FcTrialModel = ReturnType<typeof makeFcTrialModel>;

const models = new WeakMap<FcTrialSetup, FcTrialModel>();

/**
 * The landscape as the optimisers see it: loss and gradient on x = [W; a?], the exact Hessian. One
 * model per setup, so that its buffers serve every trial of a cell.
 */
export function fcTrialModel(setup: FcTrialSetup): FcTrialModel {
  const cached = models.get(setup);
  if (cached) return cached;
  const model = makeFcTrialModel(setup);
  models.set(setup, model);
  return model;
}

function makeFcTrialModel(setup: FcTrialSetup) {
  const { pop, fixedA, spec } = setup;
  const nd = spec.n * spec.d;
  const point = (x: Float64Array) => ({ W: x.subarray(0, nd), a: fixedA ?? x.subarray(nd) });
  // GD calls this thousands of times with the same two arrays, so their views are made once per
  // array (making them costs about a tenth of a k = 10 step).
  let xSeen: Float64Array | undefined;
  let gSeen: Float64Array | undefined;
  let at = point(new Float64Array(nd + (fixedA ? 0 : spec.n)));
  let gW: Float64Array = new Float64Array(0);
  let ga: Float64Array | undefined;
  const lossAndGradient = (x: Float64Array, g: Float64Array) => {
    if (x !== xSeen) {
      xSeen = x;
      at = point(x);
    }
    if (g !== gSeen) {
      gSeen = g;
      gW = g.subarray(0, nd);
      ga = fixedA ? undefined : g.subarray(nd);
    }
    return pop.lossAndGradient(at, gW, ga);
  };
  const trainable: Trainable<FcState> = {
    evaluate(x, grad) {
      const g = grad ?? new Float64Array(x.length);
      const loss = lossAndGradient(x, g);
      return { loss, gradMax: unitGradMax(g, spec.n, spec.d) };
    },
  };
  /** The Hessian with the rescaling symmetries of trained top weights lifted (see the file's comment). */
  const hessian = (x: Float64Array, out?: Float64Array): Float64Array[] => {
    const H = pop.hessian(point(x), !fixedA, out);
    if (!fixedA) liftRescalings(H, x, spec.n, spec.d);
    return H;
  };
  // The trial's own Hessians are factored or judged at once, so they share two buffers: a fresh one
  // of 1.28 MB (400 parameters) costs 3–7 ms of page faults on the 2-core machine, more than the
  // Hessian itself (1.1 ms) or its factor (1.7 ms).
  let hessianBuffer: Float64Array | undefined;
  let factorBuffer: Float64Array | undefined;
  const size2 = setup.size * setup.size;
  const scratchHessian = (x: Float64Array) => {
    hessianBuffer ??= new Float64Array(size2);
    return hessian(x, hessianBuffer);
  };
  return {
    point,
    trainable,
    /** A new Hessian, the caller's to keep. */
    hessian,
    /** The factor of the Hessian at x (Newton's finish), in the model's buffers. */
    hessianFactor: (x: Float64Array) => {
      factorBuffer ??= new Float64Array(size2);
      return choleskyUnchecked(scratchHessian(x), 0, factorBuffer);
    },
    /** `hessianVerdict` at x. */
    verdict: (x: Float64Array) => hessianVerdict(scratchHessian(x)),
    gradient: (x: Float64Array, out: Float64Array) => lossAndGradient(x, out),
    gradientNorm: (g: Float64Array) => unitGradMax(g, spec.n, spec.d),
  };
}

/** H += s·P_S with S the span of the units' rescaling tangents (w_j, −a_j), s = the largest |H_ii|. */
function liftRescalings(H: Float64Array[], x: Float64Array, n: number, d: number): void {
  let s = 0;
  for (let i = 0; i < H.length; i++) s = Math.max(s, Math.abs(H[i][i]));
  const nd = n * d;
  for (let j = 0; j < n; j++) {
    // The tangents of different units have disjoint supports, so they are orthogonal already.
    const idx: number[] = [];
    const val: number[] = [];
    for (let i = 0; i < d; i++) {
      idx.push(j * d + i);
      val.push(x[j * d + i]);
    }
    idx.push(nd + j);
    val.push(-x[nd + j]);
    let norm2 = 0;
    for (const v of val) norm2 += v * v;
    if (!(norm2 > 0)) continue;
    for (let p = 0; p < idx.length; p++)
      for (let q = 0; q < idx.length; q++) H[idx[p]][idx[q]] += (s * val[p] * val[q]) / norm2;
  }
}

/** Strict minimum (H − τI positive definite), saddle (H + τI not), or neither. */
export function hessianVerdict(H: readonly Float64Array[]): "minimum" | "saddle" | "degenerate" {
  let scale = 1;
  for (let i = 0; i < H.length; i++) scale = Math.max(scale, Math.abs(H[i][i]));
  const tau = HESSIAN_TOL * scale;
  if (positiveDefinite(H, -tau)) return "minimum";
  if (!positiveDefinite(H, tau)) return "saddle";
  return "degenerate";
}

function rounded(x: Float64Array): number[] {
  const f = 10 ** END_POINT_DECIMALS;
  return Array.from(x, (v) => Math.round(v * f) / f);
}

/**
 * The outcome at the end point (the same rules for GD and gradient flow): global when the run settled
 * as global or stopped below globalLoss; unconverged when the gradient is not below gradTol; otherwise
 * the Hessian's verdict.
 */
function outcomeAt(
  spec: FcTrialSpec,
  model: FcTrialModel,
  settled: boolean,
  state: FcState,
  x: Float64Array,
): Outcome {
  if (settled) return "global";
  if (!(state.gradMax < spec.gradTol)) return "unconverged";
  if (state.loss < spec.globalLoss) return "global";
  const verdict = model.verdict(x);
  return verdict === "minimum" ? "spurious" : verdict === "saddle" ? "saddle" : "unconverged";
}

/** The trial by gradient flow (experiments/fc/flow.ts), outcomes decided as for GD. */
function runFcFlowTrial(
  spec: FcTrialSpec,
  model: FcTrialModel,
  start: Float64Array,
  switchTol: number,
): FcTrialResult {
  const x = Float64Array.from(start);
  const end = runFcFlow(spec, model, x, spec.finish === "newton" ? switchTol : 0);
  const stats = {
    time: end.time,
    rejected: end.rejected,
    implicitSteps: end.implicitSteps,
    gradients: end.gradients,
    hessians: end.hessians,
  };
  const common = { steps: end.steps, newtonSteps: end.newtonSteps, halvings: 0, eta: null };
  if (end.stop === "diverged" || !end.state)
    return { outcome: "diverged", ...common, loss: null, gradMax: null, end: [], ...stats };
  const state = end.state;
  return {
    outcome: outcomeAt(spec, model, end.stop === "global", state, x),
    ...common,
    loss: state.loss,
    gradMax: state.gradMax,
    end: rounded(x),
    ...stats,
  };
}

/**
 * One trial. The spec needs n (or k and excess); every other field has the protocol's default
 * (validateFcTrialSpec), as on the command line.
 */
export function runFcTrial(input: FcTrialInput, rng: Rng): FcTrialResult {
  const spec = fcTrialSpecOf(input);
  checkRng("rng", rng);
  const setup = fcTrialSetup(spec);
  const model = fcTrialModel(setup);
  const start = drawFcStart(spec, rng);
  const newton = spec.finish === "newton";
  const switchTol = newton ? Math.max(spec.gradTol, NEWTON_SWITCH) : spec.gradTol;
  if (spec.optimizer === "flow") return runFcFlowTrial(spec, model, start, switchTol);
  const ruleFor = (tol: number): StopRule<FcState> => ({
    check: (s) =>
      isDivergentUnchecked(s.loss) || !(s.gradMax <= spec.blowUp)
        ? "diverged"
        : spec.settleGlobal && s.loss < spec.globalLoss
          ? "global"
          : s.gradMax < tol
            ? "stationary"
            : undefined,
  });
  for (let halvings = 0; ; halvings++) {
    const eta = spec.eta / 2 ** halvings;
    const x = Float64Array.from(start);
    let end = descend(model.trainable, x, ruleFor(switchTol), { eta, maxSteps: spec.maxSteps });
    if (end.stop === "diverged") {
      if (halvings < FC_PROTOCOL_MAX_HALVINGS) continue;
      return {
        outcome: "diverged",
        steps: end.steps,
        newtonSteps: 0,
        halvings,
        eta,
        loss: null,
        gradMax: null,
        end: [],
      };
    }
    let steps = end.steps;
    let newtonSteps = 0;
    let finalX: Float64Array = x;
    let state = end.state as FcState;
    // Newton only away from the global minimum: there GD crawls at rate 1 − ηλ_min with a small λ_min,
    // while near W* (λ_min = 1/4 − 1/(2π)) it is faster than one Hessian. Where Newton declines (the
    // Hessian is not yet positive definite, or a step does not contract), GD goes on from where it
    // was, exactly as pure GD would, and Newton is tried again each time the gradient is 10× smaller.
    let tol = switchTol;
    while (end.stop === "stationary" && state.gradMax >= spec.gradTol) {
      const finish =
        state.loss >= spec.globalLoss ? newtonFinish(model, x, { gradTol: spec.gradTol }) : undefined;
      if (finish?.converged) {
        finalX = finish.x;
        newtonSteps = finish.steps;
        state = model.trainable.evaluate(finalX, undefined);
        break;
      }
      tol = Math.max(spec.gradTol, tol / 10);
      end = descend(model.trainable, x, ruleFor(tol), { eta, maxSteps: spec.maxSteps - steps });
      steps += end.steps;
      state = end.state as FcState;
    }
    if (end.stop === "diverged") {
      if (halvings < FC_PROTOCOL_MAX_HALVINGS) continue;
      return {
        outcome: "diverged",
        steps,
        newtonSteps: 0,
        halvings,
        eta,
        loss: null,
        gradMax: null,
        end: [],
      };
    }
    return {
      outcome: outcomeAt(spec, model, end.stop === "global", state, finalX),
      steps,
      newtonSteps,
      halvings,
      eta,
      loss: state.loss,
      gradMax: state.gradMax,
      end: rounded(finalX),
    };
  }
}

/** The two-layer network's trial as the shared contract (experiments/trial.ts). */
export const fcTrial: TrialContract<FcTrialSpec, FcTrialResult> = {
  model: "fc",
  validate: validateFcTrialSpec,
  run: runFcTrial,
};
