/**
 * Tian (2017), computed as plain data: the closed form against samples (Fig. 3), the 2-D (x, y)
 * dynamics (vector field, trajectories from (10⁻³, 0), starts in Ω, the check against full GD),
 * near-symmetric noisy starts (Fig. 5, Conjecture 4.3), K = 1 (Thm 3.3's ball and GD's success and
 * rate), the symmetric saddle x*_K, and the K = 2 critical-point-free regions (the L12/L21 criterion).
 *
 * Everything calls the experiments of src/experiments/tian/ (the ones behind `minima fc …`) with
 * the report's seed, so each part can be re-run from the command line with the same numbers; the
 * subsections' method texts give the commands. Starts drawn only here (the random starts in Ω) use
 * Rng.fromSeed(seed, streamKeyOf("tian-omega-starts", {K}), i).
 */

import { type ConeScan, coneScan, k2Criterion, l12l21, lMatrix } from "../experiments/tian/critical.js";
import {
  compareWithFull,
  type Dynamics2dResult,
  type FieldSample,
  type FullCheckResult,
  type SaddleRow,
  saddleTable,
  simulate2d,
  vectorField,
} from "../experiments/tian/dynamics2d.js";
import { closedFormF, type Fig3Result, type Fig3Spec, fig3 } from "../experiments/tian/fig3.js";
import { type K1InitResult, k1Initialisation, k1Polar } from "../experiments/tian/k1.js";
import { type NoisyResult, noisyStarts } from "../experiments/tian/noisy.js";
import { Rng } from "../math/rng.js";
import { type ProportionEstimate, wilsonInterval } from "../math/stats.js";
import { makeNetwork } from "../models/fc/network.js";
import { FcPopulation } from "../models/fc/population.js";
import { symmetricSaddle } from "../models/fc/reduced-2d.js";
import { reluPairKernel } from "../models/fc/relu-kernel.js";
import { streamKeyOf } from "../sweep/canonical.js";
import { bySize, type ReportSettings } from "./settings.js";

// ---------------------------------------------------------------- closed form vs samples (Fig. 3)

export interface TianFig3 {
  readonly spec: Omit<Fig3Spec, "seed">;
  readonly result: Fig3Result;
  /** Least-squares slope of log₁₀(mean error) against log₁₀ N over the three largest N, per input law and d (−½ for pure sampling noise). */
  readonly slopes: readonly { readonly law: string; readonly d: number; readonly slope: number }[];
  /** A deterministic check of the closed form itself: E[F(e, e)] = e/2 at θ = 0 (max abs deviation). */
  readonly thetaZeroCheck: number;
}

/** Least-squares slope of y against x. */
export function slopeOf(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

function closedFormVersusSamples(settings: ReportSettings): TianFig3 {
  const thetaCount = bySize(settings.size, { smoke: 6, quick: 12, full: 24 });
  const spec: Omit<Fig3Spec, "seed"> = {
    laws: ["gaussian", "uniform"],
    ds: bySize(settings.size, { smoke: [5], quick: [10], full: [10, 100] }),
    Ns: bySize(settings.size, {
      smoke: [100, 1000],
      quick: [100, 1000, 10_000, 100_000],
      full: [100, 1000, 10_000, 100_000],
    }),
    // θ = πi/n: the error grows towards π, where the two gates rarely open together
    thetas: Array.from({ length: thetaCount }, (_, i) => (Math.PI * i) / thetaCount),
    thetaN: bySize(settings.size, { smoke: 200, quick: 1000, full: 1000 }),
    pairs: bySize(settings.size, { smoke: 4, quick: 20, full: 40 }),
  };
  const result = fig3({ ...spec, seed: settings.seed });
  const slopes = spec.laws.flatMap((law) =>
    spec.ds.map((d) => {
      // the three largest N: at small N and large d the error saturates near 1, which flattens the slope
      const cells = result.versusN.filter((c) => c.law === law && c.d === d).slice(-3);
      return {
        law,
        d,
        slope: slopeOf(
          cells.map((c) => Math.log10(c.N)),
          cells.map((c) => Math.log10(c.meanRelativeError)),
        ),
      };
    }),
  );
  const e = Float64Array.of(0.6, 0.8, 0);
  const half = closedFormF(e, e, 0);
  const thetaZeroCheck = Math.max(...half.map((v, i) => Math.abs(v - e[i] / 2)));
  return { spec, result, slopes, thetaZeroCheck };
}

// ---------------------------------------------------------------- the 2-D dynamics (Fig. 4)

export interface TianField {
  readonly K: number;
  readonly saddle: number;
  readonly range: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly samples: readonly FieldSample[];
}

export interface TianOmegaStarts {
  readonly K: number;
  readonly starts: number;
  /** Starts whose 2-D trajectory ended at (1, 0). */
  readonly toTeacher: ProportionEstimate;
  /** Largest final distance from (1, 0) over the starts. */
  readonly maxFinalDistance: number;
}

export interface TianDynamics {
  readonly eta: number;
  readonly steps: number;
  readonly fields: readonly TianField[];
  /** Fig. 4(c, d): K = 2, 5, 10 from (10⁻³, 0). */
  readonly trajectories: readonly Dynamics2dResult[];
  /** The 2-D map against full population GD in d dimensions from the same start. */
  readonly fullCheck: FullCheckResult & { readonly steps: number };
  /** Thm 4.1(2): random starts uniform in Ω = {0 < x ≤ 1, 0 ≤ y ≤ 1, x > y}. */
  readonly omega: readonly TianOmegaStarts[];
  readonly omegaSettings: { readonly eta: number; readonly steps: number };
}

function dynamics(settings: ReportSettings): TianDynamics {
  const eta = 0.01;
  const steps = 1000;
  const n = bySize(settings.size, { smoke: 7, quick: 15, full: 21 });
  const range = { x: [0, 1.1] as const, y: [0, 0.6] as const };
  const fields = [2, 5].map((K) => ({
    K,
    saddle: symmetricSaddle(K),
    range,
    samples: vectorField({
      K,
      xMin: range.x[0],
      xMax: range.x[1],
      yMin: range.y[0],
      yMax: range.y[1],
      nx: n,
      ny: Math.round((n * 6) / 11) + 1,
    }),
  }));
  const recordEvery = bySize(settings.size, { smoke: 50, quick: 5, full: 2 });
  const trajectories = [2, 5, 10].map((K) => simulate2d({ K, x0: 1e-3, y0: 0, eta, steps, recordEvery }));
  const checkSteps = bySize(settings.size, { smoke: 100, quick: 1000, full: 1000 });
  const fullCheck = {
    ...compareWithFull({ K: 5, d: 7, x0: 1e-3, y0: 0, eta, steps: checkSteps }),
    steps: checkSteps,
  };
  const count = bySize(settings.size, { smoke: 5, quick: 50, full: 200 });
  const omegaSettings = { eta: 0.05, steps: 20_000 };
  const omega = [2, 3, 5, 10, 20].map((K) => {
    const key = streamKeyOf("tian-omega-starts", { K });
    let hits = 0;
    let maxFinalDistance = 0;
    for (let i = 0; i < count; i++) {
      const rng = Rng.fromSeed(settings.seed, key, i);
      // uniform on the triangle 0 ≤ y < x ≤ 1 (x = 0 has probability zero)
      const u = rng.uniform();
      const v = rng.uniform();
      const x = Math.max(u, v);
      const y = Math.min(u, v);
      const r = simulate2d({ K, x0: x, y0: y, ...omegaSettings, recordEvery: omegaSettings.steps });
      if (r.limit === "teacher") hits++;
      maxFinalDistance = Math.max(maxFinalDistance, Math.hypot(r.final.x - 1, r.final.y));
    }
    return { K, starts: count, toTeacher: wilsonInterval(hits, count), maxFinalDistance };
  });
  return { eta, steps, fields, trajectories, fullCheck, omega, omegaSettings };
}

// ---------------------------------------------------------------- near-symmetric noisy starts (Fig. 5)

export interface TianNoisyConfig {
  readonly K: number;
  readonly d: number;
  readonly eta: number;
  readonly maxSteps: number;
  readonly runs: number;
  readonly noises: readonly number[];
}

export interface TianNoisy {
  readonly configs: readonly TianNoisyConfig[];
  readonly results: readonly NoisyResult[];
}

function noisy(settings: ReportSettings): TianNoisy {
  const noises = bySize(settings.size, { smoke: [1, 10], quick: [0.1, 1, 3, 10], full: [0.1, 1, 3, 10] });
  const runs = bySize(settings.size, { smoke: 2, quick: 8, full: 16 });
  const maxSteps = bySize(settings.size, { smoke: 2000, quick: 20_000, full: 20_000 });
  const shapes = bySize(settings.size, {
    smoke: [
      { K: 3, d: 3, eta: 0.1 },
      { K: 6, d: 6, eta: 0.05 },
    ],
    quick: [
      { K: 4, d: 4, eta: 0.1 },
      { K: 10, d: 20, eta: 0.05 },
    ],
    full: [
      { K: 4, d: 4, eta: 0.1 },
      { K: 6, d: 12, eta: 0.05 },
      { K: 10, d: 20, eta: 0.05 },
      { K: 20, d: 20, eta: 0.05 },
    ],
  });
  const configs = shapes.map((s) => ({ ...s, maxSteps, runs, noises }));
  settings.progress.step(
    `Tian: near-symmetric noisy starts (${configs.length * noises.length * runs} runs)`,
    configs.length * noises.length * runs,
  );
  const results = configs.map((c) => {
    const r = noisyStarts({ ...c, seed: settings.seed });
    settings.progress.advance(c.noises.length * c.runs);
    return r;
  });
  settings.progress.finish();
  return { configs, results };
}

// ---------------------------------------------------------------- K = 1

export interface TianK1Rate {
  readonly theta0: number;
  readonly r0: number;
  /** ‖w_t − w*‖ at the recorded steps. */
  readonly points: readonly { readonly step: number; readonly distance: number }[];
  /** Measured per-step contraction of ‖w_t − w*‖ over the points with distance in [1e-12, 1e-4]. */
  readonly factor: number;
  /** Steps until ‖w_t − w*‖ < 1e-6 (or the budget). */
  readonly stepsTo1e6: number;
}

export interface TianK1 {
  readonly eta: number;
  readonly maxSteps: number;
  readonly ball: readonly K1InitResult[];
  readonly gaussian: readonly K1InitResult[];
  /** Linear rate near w*: the Hessian there is E[1(w*ᵀx > 0) xxᵀ] = I/2, so GD contracts by 1 − η/2 per step. */
  readonly predictedFactor: number;
  readonly rates: readonly TianK1Rate[];
}

function k1(settings: ReportSettings): TianK1 {
  const eta = 0.1;
  const maxSteps = 20_000;
  const trials = bySize(settings.size, { smoke: 10, quick: 100, full: 1000 });
  const ds = bySize(settings.size, { smoke: [2, 10], quick: [2, 10, 100, 1000], full: [2, 10, 100, 1000] });
  const ball = ds.flatMap((d) =>
    [0.1, 0.5, 0.9].map((epsilon) =>
      k1Initialisation({ d, epsilon, trials, seed: settings.seed, eta, maxSteps }),
    ),
  );
  const gTrials = bySize(settings.size, { smoke: 5, quick: 50, full: 200 });
  const gaussian = [2, 100].map((d) =>
    k1Initialisation({
      d,
      epsilon: 0.5,
      trials: gTrials,
      seed: settings.seed,
      eta,
      maxSteps,
      gaussianStd: 10,
    }),
  );
  const steps = 800;
  const every = bySize(settings.size, { smoke: 10, quick: 2, full: 1 });
  const rates = [Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4, Math.PI - 0.05].map((theta0) => {
    const r0 = 0.05;
    const run = k1Polar({ d: 2, r0, theta0, eta, steps, recordEvery: every });
    // ‖w − w*‖² = (r − 1)² + 4r sin²(θ/2): no cancellation near w* (unlike r² + 1 − 2r cos θ)
    const points = run.trajectory.map((p) => ({
      step: p.step,
      distance: Math.sqrt((p.r - 1) ** 2 + 4 * p.r * Math.sin(p.theta / 2) ** 2),
    }));
    const tail = points.filter((p) => p.distance <= 1e-4 && p.distance >= 1e-12);
    const slope = slopeOf(
      tail.map((p) => p.step),
      tail.map((p) => Math.log(p.distance)),
    );
    return {
      theta0,
      r0,
      points,
      factor: tail.length >= 2 ? Math.exp(slope) : 1,
      stepsTo1e6: points.find((p) => p.distance < 1e-6)?.step ?? steps,
    };
  });
  return { eta, maxSteps, ball, gaussian, predictedFactor: 1 - eta / 2, rates };
}

// ---------------------------------------------------------------- the symmetric saddle x*_K

export interface TianSaddleRow extends SaddleRow {
  /** The limit of the diagonal equation from x = y = 0.01 (5000 steps of η = 0.1). */
  readonly measuredFixedPoint: number;
  /** Where the plain 2-D map (no re-symmetrising) ends from the same start: rounding may break the symmetry. */
  readonly plainLimit: string;
  readonly plainFinal: { readonly x: number; readonly y: number };
}

/** The notes' §4.4 table (own runs for the notes): x*_K, unstable Jacobian eigenvalue of 2π(ẋ, ẏ), J at the saddle. */
export const NOTES_SADDLES: Readonly<Record<number, { x: number; unstable: number; loss: number }>> = {
  2: { x: 0.534155, unstable: 3.744, loss: 0.088512 },
  3: { x: 0.382024, unstable: 5.553, loss: 0.242355 },
  5: { x: 0.256841, unstable: 9.734, loss: 0.780076 },
  10: { x: 0.155735, unstable: 21.404, loss: 3.598656 },
  20: { x: 0.097963, unstable: 46.837, loss: 16.045867 },
};

function saddles(settings: ReportSettings): TianSaddleRow[] {
  const Ks = bySize(settings.size, { smoke: [2, 3, 5], quick: [2, 3, 5, 10, 20], full: [2, 3, 5, 10, 20] });
  return saddleTable(Ks).map((row) => {
    const start = { K: row.K, x0: 0.01, y0: 0.01, eta: 0.1, steps: 5000, recordEvery: 5000 };
    const diagonal = simulate2d({ ...start, mode: "diagonal" });
    const plain = simulate2d({ ...start, mode: "plain" });
    return {
      ...row,
      measuredFixedPoint: diagonal.final.x,
      plainLimit: plain.limit,
      plainFinal: { x: plain.final.x, y: plain.final.y },
    };
  });
}

// ---------------------------------------------------------------- K = 2 critical points

export interface TianExhibitedPoint {
  /** Student directions at angles 0 and β, teacher directions at φ₁ (inside the cone) and φ₂ (outside). */
  readonly beta: number;
  readonly phi1: number;
  readonly phi2: number;
  readonly teacherNorms: readonly [number, number];
  readonly studentNorms: readonly [number, number];
  /** ‖∇J‖ of the full population gradient at the constructed point. */
  readonly gradNorm: number;
  readonly loss: number;
}

export interface TianCritical {
  /** The cone rule checked on a β × φ grid (the notes' §7.2). */
  readonly scan: ConeScan;
  /** sign L12 over (φ, β) for the figure. */
  readonly signGrid: { readonly betas: number; readonly phis: number; readonly values: readonly number[] };
  /** The K = 2 criterion over teacher pairs (φ₁, φ₂) for fixed student directions (0, β). */
  readonly pairs: {
    readonly beta: number;
    readonly n: number;
    /** 1 where the criterion proves the configuration critical-point free, else 0; row-major over φ₂ then φ₁. */
    readonly free: readonly number[];
    readonly freeFraction: number;
    /** Pairs where "free" differs from "both teachers strictly inside the cone, or both strictly outside". */
    readonly mismatches: number;
  };
  /** L12(φ), L21(φ) for β = 3π/8 and 7π/8 (the author's fig_L.py). */
  readonly curves: readonly {
    readonly beta: number;
    readonly points: readonly { readonly phi: number; readonly L12: number; readonly L21: number }[];
  }[];
  /** Critical points constructed from L‖w*‖ = 0 in the region the criterion leaves open, checked with the full gradient. */
  readonly exhibited: readonly TianExhibitedPoint[];
}

const unit2 = (angle: number) => Float64Array.of(Math.cos(angle), Math.sin(angle));

/**
 * Builds in-plane critical points: for student directions (0, β) and teacher directions (φ₁, φ₂), the
 * off-diagonal equations L‖w*‖ = 0 need det L = 0; solve for φ₂ by bisection, take ‖w*‖ from L's null
 * space and ‖w‖ = M_r⁻¹M*_r‖w*‖, and keep the point when all norms are positive.
 */
function exhibitCriticalPoints(beta: number, phi1s: readonly number[]): TianExhibitedPoint[] {
  const detL = (p1: number, p2: number) => {
    const { L } = lMatrix([unit2(0), unit2(beta)], [unit2(p1), unit2(p2)]);
    return L[0][0] * L[1][1] - L[0][1] * L[1][0];
  };
  const out: TianExhibitedPoint[] = [];
  for (const phi1 of phi1s) {
    const lo = beta + 1e-3;
    const hi = 2 * Math.PI - 1e-3;
    const n = 400;
    let a = lo;
    let fa = detL(phi1, a);
    for (let i = 1; i <= n; i++) {
      const b = lo + ((hi - lo) * i) / n;
      const fb = detL(phi1, b);
      if (fa !== 0 && Math.sign(fb) !== Math.sign(fa)) {
        let x0 = a;
        let x1 = b;
        for (let k = 0; k < 60; k++) {
          const m = 0.5 * (x0 + x1);
          if (Math.sign(detL(phi1, m)) === Math.sign(detL(phi1, x0))) x0 = m;
          else x1 = m;
        }
        const phi2 = 0.5 * (x0 + x1);
        const E = [unit2(0), unit2(beta)];
        const Et = [unit2(phi1), unit2(phi2)];
        const { L } = lMatrix(E, Et);
        // null vector of the (singular) 2×2 L, from its better-conditioned row
        const row = Math.hypot(...L[0]) >= Math.hypot(...L[1]) ? L[0] : L[1];
        let t1 = row[1];
        let t2 = -row[0];
        const s = Math.hypot(t1, t2) * Math.sign(t1 || 1);
        t1 /= s;
        t2 /= s;
        const { norms } = lMatrix(E, Et, [t1, t2]);
        if (t1 > 0 && t2 > 0 && norms[0] > 0 && norms[1] > 0) {
          const teacher = makeNetwork(
            2,
            2,
            Float64Array.of(...Et[0].map((v) => v * t1), ...Et[1].map((v) => v * t2)),
          );
          const W = Float64Array.of(...E[0].map((v) => v * norms[0]), ...E[1].map((v) => v * norms[1]));
          const pop = new FcPopulation(reluPairKernel, teacher, 2);
          const a2 = Float64Array.of(1, 1);
          const g = pop.gradient({ W, a: a2 }, false);
          out.push({
            beta,
            phi1,
            phi2,
            teacherNorms: [t1, t2],
            studentNorms: [norms[0], norms[1]],
            gradNorm: Math.hypot(...g),
            loss: pop.loss({ W, a: a2 }),
          });
        }
      }
      a = b;
      fa = fb;
    }
  }
  return out;
}

function critical(settings: ReportSettings): TianCritical {
  const scan = coneScan(
    bySize(settings.size, {
      smoke: { betas: 10, phis: 40 },
      quick: { betas: 60, phis: 400 },
      full: { betas: 300, phis: 4000 },
    }),
  );
  const sg = bySize(settings.size, {
    smoke: { betas: 12, phis: 24 },
    quick: { betas: 40, phis: 80 },
    full: { betas: 60, phis: 120 },
  });
  const signRows = coneScan({ ...sg, grid: true }).signL12 ?? [];
  const signGrid = { ...sg, values: signRows.flat() };
  const beta = (3 * Math.PI) / 8;
  const n = bySize(settings.size, { smoke: 16, quick: 48, full: 96 });
  const free: number[] = [];
  let mismatches = 0;
  for (let j = 0; j < n; j++) {
    const phi2 = (2 * Math.PI * (j + 0.5)) / n;
    for (let i = 0; i < n; i++) {
      const phi1 = (2 * Math.PI * (i + 0.5)) / n;
      const isFree = k2Criterion(beta, phi1, phi2).criticalPointFree;
      free.push(isFree ? 1 : 0);
      // grid points never sit on the cone's edges (0 and β are not cell centres for this n)
      if (isFree !== (phi1 < beta === phi2 < beta)) mismatches++;
    }
  }
  const m = bySize(settings.size, { smoke: 40, quick: 200, full: 400 });
  const curves = [(3 * Math.PI) / 8, (7 * Math.PI) / 8].map((b) => ({
    beta: b,
    points: Array.from({ length: m }, (_, i) => {
      const phi = (2 * Math.PI * (i + 0.5)) / m;
      return { phi, ...l12l21(b, phi) };
    }),
  }));
  const exhibited = exhibitCriticalPoints(
    beta,
    bySize(settings.size, {
      smoke: [0.5],
      quick: [0.2, 0.5, 1.0],
      full: [0.1, 0.2, 0.5, 0.8, 1.0],
    }),
  );
  return {
    scan,
    signGrid,
    pairs: { beta, n, free, freeFraction: free.reduce((s, v) => s + v, 0) / free.length, mismatches },
    curves,
    exhibited,
  };
}

// ---------------------------------------------------------------- all of it

export interface TianResults {
  readonly seed: number;
  readonly fig3: TianFig3;
  readonly dynamics: TianDynamics;
  readonly noisy: TianNoisy;
  readonly k1: TianK1;
  readonly saddles: readonly TianSaddleRow[];
  readonly critical: TianCritical;
}

export function computeTian(settings: ReportSettings): TianResults {
  const { progress } = settings;
  progress.step("Tian: closed form vs samples, 2-D dynamics", 2);
  const f3 = closedFormVersusSamples(settings);
  progress.advance();
  const dyn = dynamics(settings);
  progress.advance();
  progress.finish();
  const noise = noisy(settings);
  progress.step("Tian: K = 1, saddles, critical points", 3);
  const one = k1(settings);
  progress.advance();
  const sad = saddles(settings);
  progress.advance();
  const crit = critical(settings);
  progress.advance();
  progress.finish();
  return {
    seed: settings.seed,
    fig3: f3,
    dynamics: dyn,
    noisy: noise,
    k1: one,
    saddles: sad,
    critical: crit,
  };
}
