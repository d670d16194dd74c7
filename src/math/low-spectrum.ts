/**
 * The low end of a Hessian's spectrum — its index (eigenvalues below −τ), zero modes (|λ| ≤ τ) and
 * smallest eigenvalues, τ = relTol·max|λ| as in spectrum.ts — either from a dense eigendecomposition or,
 * for large problems, by block Lanczos on Hessian–vector products (lanczos.ts).
 *
 * The Lanczos rule: run until every Ritz value up to the first one clearly above τ has converged
 * (residual ‖Hy − θy‖ ≤ tol·max|θ|, and θ − ‖Hy − θy‖ > τ for that first one), so every eigenvalue at
 * or below τ has been found and counted. A block of p vectors finds at most p copies of a repeated
 * eigenvalue, so when p or more Ritz values lie at or below τ the block is grown (doubled at least)
 * and the run restarted from the Ritz vectors found: the counts are accepted only once the block is
 * larger than them. The residuals reported are recomputed with one product per pair, not estimates.
 * Ritz values never lie below the eigenvalues they approximate (i-th to i-th), so a negative one is a
 * proven negative eigenvalue even when the run stops incomplete; `complete` says whether the counts
 * are final or lower bounds.
 */
import { symmetricEigen } from "./eigen.js";
import { blockLanczos, type RitzState, type SymmetricOperator } from "./lanczos.js";
import type { Seed } from "./rng.js";
import { type SpectrumSummary, summariseSpectrum } from "./spectrum.js";

export interface LowSpectrum extends SpectrumSummary {
  /** "dense": every eigenvalue; "lanczos": the smallest ones (through the first above the threshold). */
  readonly method: "dense" | "lanczos";
  /** max|λ| (the threshold's scale); for Lanczos, the largest |Ritz value|. */
  readonly largest: number;
  /** Lanczos: ‖Hy − θy‖ of each reported Ritz pair (y a unit vector), recomputed by a product. */
  readonly residuals?: Float64Array;
  /** False when the Lanczos budget ran out first: index and zero modes are then lower bounds. */
  readonly complete: boolean;
  /** Lanczos: Hessian–vector products used, and the final block size and basis size. */
  readonly products?: number;
  readonly blockSize?: number;
  readonly dimension?: number;
}

export interface LanczosSpectrumOptions {
  /** Zero threshold relative to max|λ| (default 1e-7, as spectrum.ts). */
  readonly relTol?: number;
  readonly absTol?: number;
  /** Report up to this many of the smallest eigenvalues when converged (default 6; always through the first above τ). */
  readonly count?: number;
  /** A Ritz value within ±τ has converged when ‖Hy − θy‖ ≤ tol·max|θ| (default 1e-8). */
  readonly tol?: number;
  /** Any other reported one at reportTol·max|θ| (default 1e-6: its value is then good to ~(that)²/gap). */
  readonly reportTol?: number;
  /** First block size (default 8). */
  readonly blockSize?: number;
  /** Largest Lanczos basis before a thick restart (default 240). */
  readonly maxBasis?: number;
  /** Products budget in all (default 6000). */
  readonly maxProducts?: number;
  /**
   * Stop counting once this many eigenvalues at or below τ have converged (default 48): a point with
   * hundreds of zero modes (an mlp with few samples) is then reported with lower bounds, not resolved.
   */
  readonly maxCount?: number;
  readonly seed?: Seed;
}

export const LANCZOS_DEFAULTS = {
  relTol: 1e-7,
  absTol: 1e-12,
  count: 6,
  tol: 1e-8,
  reportTol: 1e-6,
  blockSize: 8,
  maxBasis: 240,
  maxProducts: 6000,
  maxCount: 48,
};

/** Every eigenvalue, from the dense matrix. */
export function denseSpectrum(rows: ReadonlyArray<ArrayLike<number>>, relTol = 1e-7): LowSpectrum {
  const summary = summariseSpectrum(symmetricEigen(rows).values, relTol);
  const ev = summary.eigenvalues;
  const largest = ev.length === 0 ? 0 : Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
  return { ...summary, method: "dense", largest, complete: true };
}

interface Verdict {
  readonly scale: number;
  readonly threshold: number;
  /** Index of the first Ritz value above the threshold (−1: none yet). */
  readonly firstAbove: number;
  /** Pairs reported: through firstAbove (these must converge), then converged ones up to `count`. */
  readonly wanted: number;
  readonly settled: boolean;
  /** At least maxCount converged Ritz values at or below τ: counting stops there (counts are lower bounds). */
  readonly capped: boolean;
}

function judge(
  values: ArrayLike<number>,
  residuals: ArrayLike<number>,
  count: number,
  relTol: number,
  absTol: number,
  tol: number,
  reportTol: number,
  maxCount: number,
): Verdict {
  const m = values.length;
  const scale = Math.max(Math.abs(values[0]), Math.abs(values[m - 1]));
  const threshold = Math.max(relTol * scale, absTol);
  let firstAbove = -1;
  for (let i = 0; i < m; i++)
    if (values[i] > threshold) {
      firstAbove = i;
      break;
    }
  // A Ritz value within ±τ must be resolved to well inside τ (it could be an eigenvalue below −τ);
  // the others need fewer digits (Ritz values converge as the residual squared over the gap), and a
  // value below −τ is a proven negative eigenvalue whatever its residual.
  const loose = reportTol * scale;
  let settled = firstAbove >= 0 && values[firstAbove] - residuals[firstAbove] > threshold;
  for (let i = 0; settled && i <= firstAbove; i++) {
    const bound = Math.abs(values[i]) <= threshold ? tol * scale : loose;
    if (!(residuals[i] <= bound)) settled = false;
  }
  // Beyond the first above τ nothing is needed; those already converged are reported too.
  let wanted = firstAbove + 1;
  while (wanted < Math.min(m, count) && residuals[wanted] <= loose) wanted++;
  // The scale itself (max|λ|) need only be known to a few digits.
  if (settled && !(residuals[m - 1] <= 1e-3 * scale)) settled = false;
  let converged = 0;
  while (
    converged < m &&
    values[converged] <= threshold &&
    residuals[converged] <= (Math.abs(values[converged]) <= threshold ? tol : reportTol) * scale
  )
    converged++;
  const capped = !settled && converged >= maxCount;
  if (capped) wanted = converged;
  return { scale, threshold, firstAbove, wanted, settled, capped };
}

/** Ritz values closer than this·max|θ| count as copies of one eigenvalue when sizing the block. */
const CLUSTER = 1e-6;

/** The most values among the first `count` (ascending) that lie within `gap` of their neighbours. */
function largestCluster(values: ArrayLike<number>, count: number, gap: number): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < Math.min(count, values.length); i++) {
    run = i > 0 && values[i] - values[i - 1] <= gap ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** The smallest eigenvalues of the n×n symmetric operator `apply` by block Lanczos, grown as needed. */
export function lanczosSpectrum(
  apply: SymmetricOperator,
  n: number,
  options: LanczosSpectrumOptions = {},
): LowSpectrum {
  const relTol = options.relTol ?? LANCZOS_DEFAULTS.relTol;
  const absTol = options.absTol ?? LANCZOS_DEFAULTS.absTol;
  const count = Math.max(1, options.count ?? LANCZOS_DEFAULTS.count);
  const tol = options.tol ?? LANCZOS_DEFAULTS.tol;
  const reportTol = Math.max(tol, options.reportTol ?? LANCZOS_DEFAULTS.reportTol);
  const maxBasis = options.maxBasis ?? LANCZOS_DEFAULTS.maxBasis;
  const maxProducts = options.maxProducts ?? LANCZOS_DEFAULTS.maxProducts;
  const maxCount = Math.max(1, options.maxCount ?? LANCZOS_DEFAULTS.maxCount);
  const verdictOf = (s: RitzState) =>
    judge(s.values, s.residuals, count, relTol, absTol, tol, reportTol, maxCount);
  let blockSize = Math.min(n, options.blockSize ?? LANCZOS_DEFAULTS.blockSize);
  let start: Float64Array[] = [];
  let products = 0;
  for (;;) {
    const state: RitzState = blockLanczos(apply, n, {
      blockSize,
      maxBasis,
      maxProducts: Math.max(blockSize, maxProducts - products),
      keep: (s) => Math.max(verdictOf(s).wanted, blockSize) + blockSize,
      seed: options.seed ?? 0,
      start,
      done: (s) => {
        const v = verdictOf(s);
        return v.settled || v.capped;
      },
    });
    products += state.products;
    const verdict = verdictOf(state);
    // A block no larger than a cluster may have missed copies of that repeated eigenvalue (and then
    // every reported value after it is wrong): grow it.
    const cluster = largestCluster(state.values, verdict.wanted, CLUSTER * verdict.scale);
    const saturated = cluster >= blockSize && !state.exhausted;
    if (verdict.settled && saturated && blockSize < Math.min(n, maxCount)) {
      // The new block starts from the Ritz vectors found plus as many random vectors as the old block
      // had, so the copies not yet seen can enter (a block of eigenvectors alone spans no new ones).
      start = Array.from({ length: verdict.wanted }, (_, i) => state.vector(i));
      blockSize = Math.min(n, Math.max(2 * blockSize, verdict.wanted + blockSize));
      continue;
    }
    return finish(apply, state, verdict, products, blockSize, saturated, tol, reportTol);
  }
}

/** Recomputes the residuals of the reported pairs and decides whether the counts are final. */
function finish(
  apply: SymmetricOperator,
  state: RitzState,
  verdict: Verdict,
  products: number,
  blockSize: number,
  saturated: boolean,
  tol: number,
  reportTol: number,
): LowSpectrum {
  const reported = verdict.wanted;
  const eigenvalues = state.values.slice(0, reported);
  const residuals = new Float64Array(reported);
  for (let i = 0; i < reported; i++) {
    const y = state.vector(i);
    const hy = apply(y);
    products++;
    let s = 0;
    for (let k = 0; k < y.length; k++) {
      const r = hy[k] - eigenvalues[i] * y[k];
      s += r * r;
    }
    residuals[i] = Math.sqrt(s);
  }
  const { threshold, firstAbove, scale, settled } = verdict;
  // The rule is checked again on the recomputed residuals (a loss of orthogonality would show as
  // residuals above the estimates), with a factor 10 of slack; a cluster as large as the block (at
  // the count cap) may be missing copies.
  let complete = settled && !saturated && residuals[firstAbove] < eigenvalues[firstAbove] - threshold;
  for (let i = 0; complete && i <= firstAbove; i++) {
    const bound = Math.abs(eigenvalues[i]) <= threshold ? tol : reportTol;
    if (!(residuals[i] <= 10 * bound * scale)) complete = false;
  }
  let index = 0;
  let zeroModes = 0;
  for (const v of state.values) {
    if (v < -threshold) index++;
    else if (v <= threshold) zeroModes++;
  }
  return {
    eigenvalues,
    index,
    zeroModes,
    threshold,
    method: "lanczos",
    largest: scale,
    residuals,
    complete,
    products,
    blockSize,
    dimension: state.dimension,
  };
}
