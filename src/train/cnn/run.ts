/**
 * What every CNN training path (the exact reduction, reduced.ts, and the full-vector loop,
 * full-vector.ts) takes and returns, and the rules interface both of the CNN's rule sets implement
 * (rules.ts for ReLU with its certificates, kernel-rules.ts for any activation).
 */
import { booleanArgument, methodsArgument, objectArgument } from "../../core/arguments.js";
import { integerInRange, positiveNumber } from "../../core/validate.js";
import type { CnnSnapshot, CnnTrajectoryPoint } from "../../models/cnn/snapshot.js";
import type { Outcome, StopReason } from "../contract.js";
import type { ThinnedSeries, TrajectorySink } from "../trajectory.js";

export type CnnOutcome = Outcome;

export interface CnnRunOptions {
  readonly eta: number;
  readonly maxSteps: number;
  /** Stop as soon as an outcome is decided (the rules' early stops); default true. */
  readonly earlyStop?: boolean;
  readonly recorder?: TrajectorySink<CnnTrajectoryPoint>;
  /** The loss alone at the steps this series wants (cheaper than full points; for the phase switch). */
  readonly lossSeries?: ThinnedSeries;
}

export interface CnnRunEnd {
  readonly steps: number;
  readonly stop: StopReason;
  readonly snapshot: CnnSnapshot;
}

/** The options of a CNN run: step, budget, and recorders with the methods the loop calls. */
export function checkCnnRunOptions(options: unknown): void {
  const o = objectArgument("options", options, "options {eta, maxSteps, …}");
  positiveNumber("options.eta", o.eta);
  integerInRange("options.maxSteps", o.maxSteps, 0);
  if (o.earlyStop !== undefined) booleanArgument("options.earlyStop", o.earlyStop);
  if (o.recorder !== undefined) methodsArgument("options.recorder", o.recorder, ["wants", "push"]);
  if (o.lossSeries !== undefined) methodsArgument("options.lossSeries", o.lossSeries, ["wants", "add"]);
}

/** The stop rule and outcome classifier of CNN training runs, for one teacher and step size. */
export interface CnnRules {
  /** A tracked magnitude is non-finite or beyond DIVERGENCE_LIMIT, or the filter is zero. */
  diverged(snap: CnnSnapshot): boolean;
  /** An early stop decided at this iterate ("global", "spurious" or "stationary"), if any. */
  earlyStop(snap: CnnSnapshot): StopReason | undefined;
  /** The outcome of a run that ended for `stop` at (v, a) with snapshot `snap`. */
  classify(stop: StopReason, snap: CnnSnapshot, v: Float64Array, a: Float64Array): CnnOutcome;
}

/**
 * The CNN's divergence test, the same for every activation and optimiser: the loss, ‖v‖, aᵀa* and
 * ‖a − a*‖ must stay finite and below DIVERGENCE_LIMIT, and v must not be zero.
 */
export function cnnSnapshotDiverged(snap: CnnSnapshot, isDivergent: (m: number) => boolean): boolean {
  return (
    isDivergent(Math.abs(snap.aDotAstar) + snap.vNorm + snap.aError + Math.abs(snap.loss)) ||
    !(snap.vNorm > 0)
  );
}
