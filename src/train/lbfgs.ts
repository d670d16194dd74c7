/**
 * L-BFGS (two-loop recursion, Armijo backtracking) on any smooth objective: fast descent from random
 * starts, used to find the best loss elsewhere in a landscape. It stops, rather than produce NaN, if
 * the objective stops being finite.
 */

import { float64Argument, objectArgument } from "../core/arguments.js";
import { integerInRange } from "../core/validate.js";
import { dotUnchecked, normUnchecked } from "../math/vector.js";
import { checkObjective, checkStopOptions, type MinimiseResult, type Objective } from "./objective.js";

export interface LbfgsOptions {
  readonly maxIterations: number;
  readonly memory?: number;
  readonly gradTol?: number;
  readonly targetLoss?: number;
}

export function lbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions): MinimiseResult {
  checkObjective("f", f);
  float64Argument("x0", x0);
  const o = objectArgument("options", options, "options {maxIterations, …}");
  integerInRange("options.maxIterations", o.maxIterations, 0);
  if (o.memory !== undefined) integerInRange("options.memory", o.memory, 1);
  checkStopOptions(o);
  const n = x0.length;
  const m = options.memory ?? 10;
  const gradTol = options.gradTol ?? 1e-12;
  const target = options.targetLoss ?? Number.NEGATIVE_INFINITY;
  let x = Float64Array.from(x0);
  let loss = f.loss(x);
  let g = f.gradient(x);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  let iterations = 0;
  let stop: MinimiseResult["stop"] = "iterations";
  if (!Number.isFinite(loss)) return { x, loss, gradNorm: normUnchecked(g), iterations, stop: "diverged" };
  for (; iterations < options.maxIterations; iterations++) {
    const gn = normUnchecked(g);
    if (gn <= gradTol) {
      stop = "gradient";
      break;
    }
    if (loss <= target) {
      stop = "target";
      break;
    }
    // Two-loop recursion: d = −H_k g.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = dotUnchecked(ss[k], q) / dotUnchecked(ys[k], ss[k]);
      alphas[k] = a;
      for (let i = 0; i < n; i++) q[i] -= a * ys[k][i];
    }
    const last = ss.length - 1;
    const gamma =
      last >= 0 ? dotUnchecked(ss[last], ys[last]) / dotUnchecked(ys[last], ys[last]) : 1 / Math.max(gn, 1);
    for (let i = 0; i < n; i++) q[i] *= gamma;
    for (let k = 0; k < ss.length; k++) {
      const b = dotUnchecked(ys[k], q) / dotUnchecked(ys[k], ss[k]);
      for (let i = 0; i < n; i++) q[i] += ss[k][i] * (alphas[k] - b);
    }
    let slope = -dotUnchecked(g, q);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): fall back to steepest descent.
      ss.length = 0;
      ys.length = 0;
      for (let i = 0; i < n; i++) q[i] = g[i] / Math.max(gn, 1);
      slope = -dotUnchecked(g, q);
    }
    let t = 1;
    let accepted = false;
    let xNew = x;
    let lossNew = loss;
    for (let trial = 0; trial < 50; trial++) {
      xNew = new Float64Array(n);
      for (let i = 0; i < n; i++) xNew[i] = x[i] - t * q[i];
      lossNew = f.loss(xNew);
      if (Number.isFinite(lossNew) && lossNew <= loss + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      stop = "no-progress";
      break;
    }
    const gNew = f.gradient(xNew);
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    if (dotUnchecked(s, y) > 1e-16 * normUnchecked(s) * normUnchecked(y)) {
      ss.push(s);
      ys.push(y);
      if (ss.length > m) {
        ss.shift();
        ys.shift();
      }
    }
    x = xNew;
    loss = lossNew;
    g = gNew;
  }
  return { x, loss, gradNorm: normUnchecked(g), iterations, stop };
}
