/** Tian (2017), K = 2: the L12/L21 criterion for critical-point-free regions, and critical points outside them. */
import { type ConeScan, coneScan, k2Criterion, l12l21, lMatrix } from "../../../experiments/tian/critical.js";
import { makeNetwork } from "../../../models/fc/network.js";
import { FcPopulation } from "../../../models/fc/population.js";
import { reluPairKernel } from "../../../models/fc/relu-kernel.js";
import { bySize, type ReportSettings } from "../../settings.js";

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
  /** The cone rule checked on a β × φ grid (docs/tian.md#critical-points-in-m-matrix-form). */
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

export function critical(settings: Pick<ReportSettings, "size">): TianCritical {
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
