/**
 * Tian (2017), Fig. 3: how well the closed form E[F(e, w)] = (1/2π)[(π − θ)w + ‖w‖ sin θ e] (per sample; docs/tian.md#closed-forms)
 * matches its empirical counterpart F = (1/N) Σ_n x_n 1(eᵀx_n > 0) σ(wᵀx_n) on N drawn inputs.
 * Relative error ‖E[F] − F‖/‖F‖, averaged over random pairs (e, w) with ‖w‖ ~ U[0.5, 2].
 * Uniform inputs on [−½, ½]^d have covariance I/12, so the closed form is scaled by 1/12 ("up to a
 * scaling constant"); the remaining gap is the non-Gaussianity of the inputs and does not vanish as N grows.
 * Pair p of cell c uses Rng.fromSeed(seed, c, p).
 */
import { listArgument, objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { finiteNumber, integerInRange, oneOf } from "../../core/validate.js";
import { Rng, type Seed } from "../../math/rng.js";
import { drawInputs, type InputLaw } from "../../models/fc/sampled.js";

export interface Fig3Cell {
  readonly law: InputLaw;
  readonly d: number;
  readonly N: number;
  /** The angle, or undefined when θ was drawn uniformly in [0, π/2] per pair. */
  readonly theta?: number;
  readonly meanRelativeError: number;
  /** Standard error of that mean over the pairs. */
  readonly standardError: number;
  readonly pairs: number;
}

/** The closed form T(e, w) of docs/tian.md#closed-forms, per sample. */
export function closedFormF(e: Float64Array, w: Float64Array, theta: number): Float64Array {
  const nw = Math.hypot(...w);
  return w.map((wi, i) => ((Math.PI - theta) * wi + nw * Math.sin(theta) * e[i]) / (2 * Math.PI));
}

function relativeError(rng: Rng, d: number, N: number, theta: number, law: InputLaw): number {
  const e = rng.onSphere(d);
  const u = rng.onSphere(d);
  let c = 0;
  for (let i = 0; i < d; i++) c += u[i] * e[i];
  for (let i = 0; i < d; i++) u[i] -= c * e[i];
  const nu = Math.hypot(...u);
  const nw = 0.5 + 1.5 * rng.uniform();
  const w = new Float64Array(d);
  for (let i = 0; i < d; i++) w[i] = nw * (Math.cos(theta) * e[i] + (Math.sin(theta) * u[i]) / nu);
  const X = drawInputs(rng, N, d, law);
  const F = new Float64Array(d);
  for (let n = 0; n < N; n++) {
    let ze = 0;
    let zw = 0;
    for (let i = 0; i < d; i++) {
      ze += e[i] * X[n * d + i];
      zw += w[i] * X[n * d + i];
    }
    if (ze > 0 && zw > 0) for (let i = 0; i < d; i++) F[i] += (X[n * d + i] * zw) / N;
  }
  const scale = law === "gaussian" ? 1 : 1 / 12;
  const E = closedFormF(e, w, theta);
  let num = 0;
  let den = 0;
  for (let i = 0; i < d; i++) {
    num += (scale * E[i] - F[i]) ** 2;
    den += F[i] * F[i];
  }
  // F = 0 happens only when no sample opens both gates (θ near π, small N): the error is then 100%.
  return den > 0 ? Math.sqrt(num / den) : 1;
}

/** One cell of Fig. 3: an input law, d, N and an angle (undefined: θ ~ U[0, π/2] per pair); `index` keys its streams. */
export interface Fig3CellPlan {
  readonly law: InputLaw;
  readonly d: number;
  readonly N: number;
  readonly theta?: number;
  readonly index: number;
}

/**
 * The relative errors of pairs from … to − 1 of a cell. Pair p draws from Rng.fromSeed(seed, index, p)
 * alone, so a cell can be split into ranges of pairs that run anywhere and are joined in order.
 */
export function fig3PairErrors(cell: Fig3CellPlan, seed: Seed, from: number, to: number): number[] {
  const errs: number[] = [];
  for (let p = from; p < to; p++) {
    const rng = Rng.fromSeed(seed, cell.index, p);
    const th = cell.theta ?? (Math.PI / 2) * rng.uniform();
    errs.push(relativeError(rng, cell.d, cell.N, th, cell.law));
  }
  return errs;
}

/** A cell's mean relative error and its standard error, from the errors of all its pairs in order. */
export function fig3CellOf(cell: Fig3CellPlan, errs: readonly number[]): Fig3Cell {
  const pairs = errs.length;
  const mean = errs.reduce((s, x) => s + x, 0) / pairs;
  const sd = Math.sqrt(errs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, pairs - 1));
  return {
    law: cell.law,
    d: cell.d,
    N: cell.N,
    ...(cell.theta === undefined ? {} : { theta: cell.theta }),
    meanRelativeError: mean,
    standardError: sd / Math.sqrt(pairs),
    pairs,
  };
}

export interface Fig3Spec {
  readonly laws: readonly InputLaw[];
  readonly ds: readonly number[];
  readonly Ns: readonly number[];
  /** Angles for the error-vs-θ panel (Gaussian inputs, first d, N = thetaN). */
  readonly thetas: readonly number[];
  readonly thetaN: number;
  readonly pairs: number;
  readonly seed: Seed;
}

export interface Fig3Result {
  /** Fig. 3(a): error against θ (Gaussian inputs). */
  readonly versusTheta: Fig3Cell[];
  /** Fig. 3(b, c): error against N, θ ~ U[0, π/2], per input law and d. */
  readonly versusN: Fig3Cell[];
}

/** The cells of a checked spec: the error-against-θ panel first, then law × d × N, each with its stream index. */
export function fig3Plan(spec: Fig3Spec): { versusTheta: Fig3CellPlan[]; versusN: Fig3CellPlan[] } {
  checkFig3Spec(spec);
  let index = 0;
  const versusTheta = spec.thetas.map((theta) => ({
    law: "gaussian" as const,
    d: spec.ds[0],
    N: spec.thetaN,
    theta,
    index: index++,
  }));
  const versusN: Fig3CellPlan[] = [];
  for (const law of spec.laws)
    for (const d of spec.ds) for (const N of spec.Ns) versusN.push({ law, d, N, index: index++ });
  return { versusTheta, versusN };
}

export function fig3(spec: Fig3Spec): Fig3Result {
  const plan = fig3Plan(spec);
  const run = (cell: Fig3CellPlan) => fig3CellOf(cell, fig3PairErrors(cell, spec.seed, 0, spec.pairs));
  return { versusTheta: plan.versusTheta.map(run), versusN: plan.versusN.map(run) };
}

function checkFig3Spec(spec: Fig3Spec): void {
  const o = objectArgument("spec", spec, "a spec {laws, ds, Ns, thetas, thetaN, pairs, seed}");
  listArgument("laws", o.laws, (f, x) => oneOf(f, x, ["gaussian", "uniform"] as const));
  listArgument("ds", o.ds, (f, x) => integerInRange(f, x, 1, 10000));
  listArgument("Ns", o.Ns, (f, x) => integerInRange(f, x, 1, 10_000_000));
  if (!Array.isArray(o.thetas)) throw new InputError("thetas", "must be an array of angles", o.thetas);
  o.thetas.forEach((t, i) => {
    finiteNumber(`thetas[${i}]`, t);
  });
  integerInRange("thetaN", o.thetaN, 1, 10_000_000);
  integerInRange("pairs", o.pairs, 2);
  integerInRange("seed", o.seed, 0);
}
