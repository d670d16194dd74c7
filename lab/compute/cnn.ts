/**
 * The CNN view's computation: one trial of the library's runCnnTrialDetailed (the same function the
 * sweeps and the CLI run) with its thinned trajectory, plus the loss slice and its marked points.
 * The trial's random stream is Rng.fromSeed(seed, trial).
 */
import { runCnnTrialDetailed } from "../../src/experiments/cnn/trial.js";
import { Rng } from "../../src/math/rng.js";
import { spuriousRatioThreshold } from "../../src/models/cnn/protocol.js";
import { isSpuriousLocalMinimum } from "../../src/models/cnn/stationary.js";
import type { CnnState } from "../state.js";
import { type SliceGrid, type SliceMarker, sliceGrid, sliceMarkers } from "./cnn-slice.js";

export interface CnnRunResult {
  readonly outcome: string;
  readonly steps: number;
  readonly final: { loss: number; phi: number; aDotAstar: number };
  readonly start: { phi: number; aDotAstar: number };
  readonly phaseSwitch: number | null;
  readonly threshold: number;
  readonly spuriousIsLocalMinimum: boolean;
  readonly markers: SliceMarker[];
  readonly grid: SliceGrid;
  readonly trajectory: { step: number[]; loss: number[]; phi: number[]; aDotAstar: number[]; c: number[] };
}

export function cnnTrialSpec(state: CnnState) {
  return {
    k: state.k,
    p: state.p,
    ratio: state.ratio,
    anorm: state.aNorm,
    eta: state.eta,
    maxSteps: state.steps,
    init: state.init,
  } as const;
}

export function cnnRun(state: CnnState): CnnRunResult {
  const detail = runCnnTrialDetailed(cnnTrialSpec(state), Rng.fromSeed(state.seed, state.trial), {
    trajectoryPoints: 400,
  });
  const { result, teacher } = detail;
  const points = detail.trajectory ?? [];
  const aNorm = Math.hypot(...teacher.a);
  const trajectory = {
    step: points.map((q) => q.step),
    loss: points.map((q) => q.loss),
    phi: points.map((q) => q.phi),
    aDotAstar: points.map((q) => q.aDotAstar),
    c: points.map((q) => q.aDotAstar / aNorm),
  };
  const markers = sliceMarkers(teacher);
  const cs = [...markers.map((m) => m.c), ...trajectory.c, -aNorm * 0.25];
  const lo = Math.min(...cs);
  const hi = Math.max(...cs);
  const pad = 0.12 * (hi - lo || 1);
  return {
    outcome: result.outcome,
    steps: result.steps,
    final: { loss: result.loss, phi: result.phi, aDotAstar: result.aDotAstar },
    start: { phi: result.phi0, aDotAstar: result.a0DotAstar },
    phaseSwitch: result.phaseSwitch,
    threshold: spuriousRatioThreshold(state.k),
    spuriousIsLocalMinimum: isSpuriousLocalMinimum(teacher),
    markers,
    grid: sliceGrid(teacher, [lo - pad, hi + pad]),
    trajectory,
  };
}
