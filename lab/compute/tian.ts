/**
 * The Tian view's computation: the library's 2-D (x, y) dynamics of Tian (2017, eqs. 16–17) for
 * the chosen K (src/experiments/tian/dynamics2d.ts) — the vector field on a grid, the saddle x*_K,
 * and a gradient-descent run from each start. A symmetric start (x₀ = y₀) is run on the exact
 * diagonal equation ("diagonal" mode): in double precision the plain 2-D map drifts off x = y for
 * larger K, which would hide the theorem's saddle.
 */
import { simulate2d, vectorField } from "../../src/experiments/tian/dynamics2d.js";
import { symmetricSaddle } from "../../src/models/fc/reduced-2d.js";
import type { TianState } from "../state.js";

export const TIAN_X_DOMAIN: readonly [number, number] = [0, 1.2];
export const TIAN_Y_DOMAIN: readonly [number, number] = [-0.2, 1];

export interface TianArrow {
  readonly x: number;
  readonly y: number;
  readonly dx: number;
  readonly dy: number;
  readonly speed: number;
}

export interface TianRun {
  readonly start: readonly [number, number];
  readonly end: readonly [number, number];
  /** The library's limit: teacher, saddle, singular or other (not at either after the budget). */
  readonly outcome: string;
  readonly mode: string;
  /** Recorded points and their iteration numbers. */
  readonly points: (readonly [number, number])[];
  readonly steps: number[];
}

export interface TianPicture {
  readonly K: number;
  readonly saddle: number;
  readonly field: TianArrow[];
  readonly runs: TianRun[];
}

export function tianRun(state: TianState, start: readonly [number, number]): TianRun {
  const [x0, y0] = start;
  const mode = x0 === y0 ? "diagonal" : "plain";
  const result = simulate2d({ K: state.K, x0, y0, eta: state.eta, steps: state.steps, mode });
  return {
    start: [x0, y0],
    end: [result.final.x, result.final.y],
    outcome: result.limit,
    mode,
    points: result.trajectory.map((p) => [p.x, p.y] as const),
    steps: result.trajectory.map((p) => p.step),
  };
}

export function tianPicture(state: TianState): TianPicture {
  const field = vectorField({
    K: state.K,
    xMin: TIAN_X_DOMAIN[0] + 0.03,
    xMax: TIAN_X_DOMAIN[1] - 0.03,
    yMin: TIAN_Y_DOMAIN[0] + 0.03,
    yMax: TIAN_Y_DOMAIN[1] - 0.03,
    nx: 21,
    ny: 21,
  }).map((f) => ({ ...f, speed: Math.max(Math.hypot(f.dx, f.dy), 1e-9) }));
  return {
    K: state.K,
    saddle: symmetricSaddle(state.K),
    field,
    runs: state.starts.map((start) => tianRun(state, start)),
  };
}
