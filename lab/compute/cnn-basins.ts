/**
 * The Basins view's computation: WN-GD (the library's exact reduced run and outcome rules, as in
 * runCnnTrialDetailed) from a grid of chosen starts, v₀ at angle φ₀ from w* and a₀ = c₀·(a*)/‖a*‖,
 * so |1ᵀa₀| ≤ |1ᵀa*| whenever |c₀| ≤ ‖a*‖. Rows of the grid are shared out among workers.
 */

import { cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";
import { CnnStopRules } from "../../src/train/cnn-outcome.js";
import { reduceCnn, runReducedWnGd } from "../../src/train/cnn-reduced.js";
import type { BasinsState, CnnState } from "../state.js";
import type { ProgressFn } from "./api.js";
import { orthogonalTo } from "./cnn-slice.js";

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

export function basinStart(
  cnn: CnnState,
  steps: number,
  phi0: number,
  c0: number,
): { outcome: string; steps: number } {
  const teacher = cnnTeacherFromRatio(cnn.k, Math.max(cnn.p, 2), cnn.ratio, cnn.aNorm);
  const e = orthogonalTo(teacher.w);
  const v = Float64Array.from(teacher.w, (x, i) => Math.cos(phi0) * x + Math.sin(phi0) * e[i]);
  const aNorm = Math.hypot(...teacher.a);
  const a = Float64Array.from(teacher.a, (x) => (c0 * x) / aNorm);
  const rules = new CnnStopRules(teacher, cnn.eta, true);
  const { system, state } = reduceCnn(teacher, v, a);
  const end = runReducedWnGd(system, state, rules, { eta: cnn.eta, maxSteps: steps });
  return { outcome: rules.classify(end.stop, end.snapshot), steps: end.steps };
}

export function cnnBasins(args: BasinsArgs, progress: ProgressFn): BasinCell[] {
  const n = args.basins.resolution;
  const { phis, cs } = basinAxes(n, args.cnn.aNorm);
  const cells: BasinCell[] = [];
  const total = args.rows.length * n;
  for (const j of args.rows) {
    for (let i = 0; i < n; i++) {
      const run = basinStart(args.cnn, args.basins.steps, phis[i], cs[j]);
      cells.push({ i, j, phi0: phis[i], c0: cs[j], ...run });
    }
    progress({ done: cells.length, total, partial: cells.slice() });
  }
  return cells;
}
