/**
 * The Basins view's computation: the library's CNN trial (runCnnTrialDetailed: population WN-GD on
 * the exact reduction, its stop and outcome rules) from a grid of given starts, v₀ at angle φ₀ from
 * w* and a₀ = c₀·(a*)/‖a*‖, so |1ᵀa₀| ≤ |1ᵀa*| whenever |c₀| ≤ ‖a*‖. Rows of the grid are shared
 * out among workers.
 */

import type { CnnTrialSpec } from "../../src/experiments/cnn/spec.js";
import { runCnnTrialDetailed } from "../../src/experiments/cnn/trial.js";
import { Rng } from "../../src/math/rng.js";
import { type CnnTeacher, cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";
import type { BasinsState, CnnState } from "../state.js";
import { orthogonalTo } from "./cnn-slice.js";
import type { ProgressFn } from "./progress.js";

export interface BasinCell {
  /** Column (φ₀) and row (c₀) indices. */
  readonly i: number;
  readonly j: number;
  readonly phi0: number;
  readonly c0: number;
  readonly outcome: string;
  readonly steps: number;
}

export interface BasinsArgs {
  readonly cnn: CnnState;
  readonly basins: BasinsState;
  /** The rows this call computes. */
  readonly rows: readonly number[];
}

/** Cell-centre coordinates of the n × n grid: φ₀ ∈ (0, π), c₀ ∈ (−‖a*‖, ‖a*‖). */
export function basinAxes(n: number, aNorm: number): { phis: number[]; cs: number[] } {
  const phis = Array.from({ length: n }, (_, i) => (Math.PI * (i + 0.5)) / n);
  const cs = Array.from({ length: n }, (_, j) => aNorm * (-1 + (2 * (j + 0.5)) / n));
  return { phis, cs };
}

/** The population WN-GD trial of the CNN view's teacher and step size (the slice needs p ≥ 2). */
export function basinSpec(cnn: CnnState, steps: number): CnnTrialSpec {
  const p = Math.max(cnn.p, 2);
  return { k: cnn.k, p, ratio: cnn.ratio, anorm: cnn.aNorm, eta: cnn.eta, maxSteps: steps, init: "paper" };
}

/** The start (φ₀, c₀): v₀ = cos φ₀·w* + sin φ₀·e with e ⊥ w*, a₀ = c₀·(a*)/‖a*‖. */
export function basinStart(
  teacher: CnnTeacher,
  phi0: number,
  c0: number,
): { v: Float64Array; a: Float64Array } {
  const e = orthogonalTo(teacher.w);
  const v = Float64Array.from(teacher.w, (x, i) => Math.cos(phi0) * x + Math.sin(phi0) * e[i]);
  const aNorm = Math.hypot(...teacher.a);
  const a = Float64Array.from(teacher.a, (x) => (c0 * x) / aNorm);
  return { v, a };
}

export function cnnBasins(args: BasinsArgs, progress: ProgressFn): BasinCell[] {
  const n = args.basins.resolution;
  const spec = basinSpec(args.cnn, args.basins.steps);
  const teacher = cnnTeacherFromRatio(spec.k, spec.p, spec.ratio, spec.anorm);
  // A given start and no samples: the trial draws nothing from its stream.
  const rng = Rng.fromSeed(0, 0);
  const { phis, cs } = basinAxes(n, args.cnn.aNorm);
  const cells: BasinCell[] = [];
  const total = args.rows.length * n;
  for (const j of args.rows) {
    for (let i = 0; i < n; i++) {
      const start = basinStart(teacher, phis[i], cs[j]);
      const { result } = runCnnTrialDetailed(spec, rng, { teacher, start });
      cells.push({ i, j, phi0: phis[i], c0: cs[j], outcome: result.outcome, steps: result.steps });
    }
    progress({ done: cells.length, total, partial: cells.slice() });
  }
  return cells;
}
