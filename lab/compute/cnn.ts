/**
 * The CNN view's computation: one trial of the library's runCnnTrialDetailed (the same function the
 * sweeps and the CLI run) with its thinned trajectory, plus the loss slice and its marked points.
 * The trial's random stream is Rng.fromSeed(seed, trial); a start clicked on the landscape replaces
 * the drawn one (v₀ at angle φ₀ from w*, a₀ = c₀·(a*)/‖a*‖).
 *
 * A diverged run has no final point: `final` is null and `divergedAt` names the step, so nothing
 * downstream can print the trial's placeholders as numbers. The slice's c range covers the marked
 * points and the part of the path near them, never the path's blow-up.
 */
import { runCnnTrialDetailed } from "../../src/experiments/cnn/trial.js";
import { Rng } from "../../src/math/rng.js";
import { spuriousRatioThreshold } from "../../src/models/cnn/protocol.js";
import { isSpuriousLocalMinimum } from "../../src/models/cnn/stationary.js";
import { type CnnTeacher, cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";
import type { CnnState } from "../state.js";
import { basinStart } from "./cnn-basins.js";
import { type SliceGrid, type SliceMarker, sliceGrid, sliceMarkers, sliceTeacher } from "./cnn-slice.js";

export interface CnnRunResult {
  readonly outcome: string;
  readonly steps: number;
  /** The last iterate; null when the run diverged (its numbers are then not defined). */
  readonly final: { loss: number; phi: number; aDotAstar: number } | null;
  /** The step at which the run was found to diverge, or null. */
  readonly divergedAt: number | null;
  readonly start: { phi: number; aDotAstar: number };
  /** True when the start was chosen on the landscape (not drawn from seed and trial). */
  readonly chosenStart: boolean;
  readonly phaseSwitch: number | null;
  readonly threshold: number;
  /** ‖a*‖ of the teacher (the slice's c is (aᵀa*)/‖a*‖). */
  readonly aNorm: number;
  readonly spuriousIsLocalMinimum: boolean;
  readonly markers: SliceMarker[];
  readonly grid: SliceGrid;
  /** |c| beyond this is off the slice (a diverging path leaves through the frame). */
  readonly cLimit: number;
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

/** The start at (φ₀, c₀); with p = 1 the filter can only be ±w*, so φ₀ snaps to 0 or π. */
export function chosenStart(
  teacher: CnnTeacher,
  phi0: number,
  c0: number,
): { v: Float64Array; a: Float64Array } {
  if (teacher.w.length >= 2) return basinStart(teacher, phi0, c0);
  const sign = phi0 <= Math.PI / 2 ? 1 : -1;
  const aNorm = Math.hypot(...teacher.a);
  return { v: Float64Array.from(teacher.w, (x) => sign * x), a: teacher.a.map((x) => (c0 * x) / aNorm) };
}

export function cnnRun(state: CnnState): CnnRunResult {
  const spec = cnnTrialSpec(state);
  const given = state.start.length === 2 ? state.start : undefined;
  const teacherOfSpec = given ? cnnTeacherFromRatio(spec.k, spec.p, spec.ratio, spec.anorm) : undefined;
  const detail = runCnnTrialDetailed(spec, Rng.fromSeed(state.seed, state.trial), {
    trajectoryPoints: 400,
    ...(given && teacherOfSpec
      ? { teacher: teacherOfSpec, start: chosenStart(teacherOfSpec, given[0], given[1]) }
      : {}),
  });
  const { result, teacher } = detail;
  const diverged = result.outcome === "diverged";
  // a diverged run's last recorded points may hold ∞ or NaN: only finite points are drawn
  const points = (detail.trajectory ?? []).filter(
    (q) => Number.isFinite(q.loss) && Number.isFinite(q.phi) && Number.isFinite(q.aDotAstar),
  );
  const aNorm = Math.hypot(...teacher.a);
  const trajectory = {
    step: points.map((q) => q.step),
    loss: points.map((q) => q.loss),
    phi: points.map((q) => q.phi),
    aDotAstar: points.map((q) => q.aDotAstar),
    c: points.map((q) => q.aDotAstar / aNorm),
  };
  const slice = sliceTeacher(teacher);
  const markers = sliceMarkers(slice);
  const reach = Math.max(aNorm, ...markers.map((m) => Math.abs(m.c)), Math.abs(trajectory.c[0] ?? 0));
  const cLimit = 3 * reach;
  const near = trajectory.c.filter((c) => Math.abs(c) <= cLimit);
  const cs = [...markers.map((m) => m.c), ...near, -aNorm * 0.25];
  const lo = Math.min(...cs);
  const hi = Math.max(...cs);
  const pad = 0.12 * (hi - lo || 1);
  return {
    outcome: result.outcome,
    steps: result.steps,
    final:
      diverged || result.loss === null || result.aDotAstar === null
        ? null
        : { loss: result.loss, phi: result.phi, aDotAstar: result.aDotAstar },
    divergedAt: diverged ? result.steps : null,
    start: { phi: result.phi0, aDotAstar: result.a0DotAstar },
    chosenStart: given !== undefined,
    phaseSwitch: result.phaseSwitch,
    threshold: spuriousRatioThreshold(state.k),
    aNorm,
    spuriousIsLocalMinimum: isSpuriousLocalMinimum(teacher),
    markers,
    grid: sliceGrid(slice, [lo - pad, hi + pad]),
    cLimit,
    trajectory,
  };
}
