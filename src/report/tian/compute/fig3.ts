/**
 * Tian (2017), Fig. 3: the closed form of E[F(e, w)] against samples, by `minima fc fig3`'s
 * experiment, cut into ranges of pairs so that the largest cells (10⁷ inputs per pair) spread over
 * the worker pool; the joined result equals `fig3` of the same spec and seed (a test checks).
 */
import {
  closedFormF,
  type Fig3CellPlan,
  type Fig3Result,
  type Fig3Spec,
  fig3CellOf,
  fig3PairErrors,
  fig3Plan,
} from "../../../experiments/tian/fig3.js";
import { bySize, type ReportSettings } from "../../settings.js";
import { slopeOf } from "./slope.js";

export interface TianFig3 {
  readonly spec: Omit<Fig3Spec, "seed">;
  readonly result: Fig3Result;
  /** Least-squares slope of log₁₀(mean error) against log₁₀ N over the three largest N, per input law and d (−½ for pure sampling noise). */
  readonly slopes: readonly { readonly law: string; readonly d: number; readonly slope: number }[];
  /** A deterministic check of the closed form itself: E[F(e, e)] = e/2 at θ = 0 (max abs deviation). */
  readonly thetaZeroCheck: number;
}

/** The report's Fig. 3 spec at a size. */
export function fig3ReportSpec(size: ReportSettings["size"]): Omit<Fig3Spec, "seed"> {
  const thetaCount = bySize(size, { smoke: 6, quick: 12, full: 24 });
  return {
    laws: ["gaussian", "uniform"],
    ds: bySize(size, { smoke: [5], quick: [10], full: [10, 100] }),
    Ns: bySize(size, {
      smoke: [100, 1000],
      quick: [100, 1000, 10_000, 100_000],
      full: [100, 1000, 10_000, 100_000],
    }),
    // θ = πi/n: the error grows towards π, where the two gates rarely open together
    thetas: Array.from({ length: thetaCount }, (_, i) => (Math.PI * i) / thetaCount),
    thetaN: bySize(size, { smoke: 200, quick: 1000, full: 1000 }),
    pairs: bySize(size, { smoke: 4, quick: 20, full: 40 }),
  };
}

/** A range of one cell's pairs: a job of the worker pool. */
export interface Fig3Chunk {
  readonly cell: Fig3CellPlan;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

/** Inputs drawn per chunk at most (about 2 s of work): the largest cells split into several jobs. */
export const DRAWS_PER_CHUNK = 4e7;

/** Every cell's pairs, cut into chunks of at most DRAWS_PER_CHUNK drawn numbers, cells in plan order. */
export function fig3Chunks(
  spec: Omit<Fig3Spec, "seed">,
  seed: number,
  drawsPerChunk = DRAWS_PER_CHUNK,
): Fig3Chunk[] {
  const plan = fig3Plan({ ...spec, seed });
  const chunks: Fig3Chunk[] = [];
  for (const cell of [...plan.versusTheta, ...plan.versusN]) {
    const size = Math.max(1, Math.floor(drawsPerChunk / (cell.N * cell.d)));
    for (let from = 0; from < spec.pairs; from += size)
      chunks.push({ cell, seed, from, to: Math.min(spec.pairs, from + size) });
  }
  return chunks;
}

/** The chunks' relative errors. */
export function fig3ChunkErrors(chunk: Fig3Chunk): number[] {
  return fig3PairErrors(chunk.cell, chunk.seed, chunk.from, chunk.to);
}

/**
 * Joins the chunks' errors (one list per chunk of `fig3Chunks`) into the Fig. 3 result, which
 * equals `fig3` of the same spec and seed, and adds the slopes and the θ = 0 check.
 */
export function assembleFig3(
  spec: Omit<Fig3Spec, "seed">,
  seed: number,
  chunks: readonly Fig3Chunk[],
  chunkErrors: readonly (readonly number[])[],
): TianFig3 {
  const plan = fig3Plan({ ...spec, seed });
  const errsOf = (cell: Fig3CellPlan) =>
    chunks.flatMap((chunk, i) => (chunk.cell.index === cell.index ? chunkErrors[i] : []));
  const result: Fig3Result = {
    versusTheta: plan.versusTheta.map((cell) => fig3CellOf(cell, errsOf(cell))),
    versusN: plan.versusN.map((cell) => fig3CellOf(cell, errsOf(cell))),
  };
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
