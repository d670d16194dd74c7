/**
 * Block Lanczos with full reorthogonalisation for the low end of a symmetric operator's spectrum,
 * seen only through products v ↦ Av (no matrix is formed).
 *
 * The basis V is grown block by block: each new block is A times the previous one, orthogonalised
 * twice (classical Gram–Schmidt, twice is enough) against every basis vector so far, then
 * orthonormalised within itself. The projections are kept as the explicit matrix T = VᵀAV, and the
 * Ritz pairs (θ, y = Vs) are the eigenpairs of T (Rayleigh–Ritz on the whole basis). Two facts make
 * this usable for the index of a critical point:
 * - Courant–Fischer: the i-th smallest Ritz value is ≥ the i-th smallest eigenvalue, always, however
 *   far from converged. A Ritz value below −τ proves an eigenvalue below −τ.
 * - The residual ‖Ay − θy‖ = ‖Cs‖, with C the coupling of the basis to the next block, bounds the
 *   distance from θ to the nearest eigenvalue (and with a gap δ to the rest of the spectrum, the
 *   error is ≤ ‖Ay − θy‖²/δ).
 * A block of p vectors finds up to p copies of a repeated eigenvalue (one vector finds one, in exact
 * arithmetic), so callers grow the block until it is larger than what they count (low-spectrum.ts).
 * When the basis is full it is restarted thickly: the lowest Ritz vectors (and the largest, which sets
 * the scale) are kept with their coupling to the next block, and the iteration goes on from there, so
 * memory and the cost of each orthogonalisation stay bounded at n·maxBasis.
 * A direction in which the Krylov space closes (an invariant subspace) is replaced by a fresh random
 * vector, so the basis always reaches the whole space if allowed to.
 */

import { symmetricEigen } from "./eigen.js";
import { Rng, type Seed } from "./rng.js";

/** v ↦ Av for a symmetric A; must not modify v. */
export type SymmetricOperator = (v: Float64Array) => Float64Array;

export interface BlockLanczosOptions {
  /** Vectors per block, p ≥ 1 (capped at n). */
  readonly blockSize: number;
  /** Largest basis (capped at n); when full, the basis is restarted from the `keep` lowest Ritz vectors. */
  readonly maxBasis: number;
  /** Lowest Ritz vectors kept at a restart, given the Ritz state then (default the block size). */
  readonly keep?: (state: RitzState) => number;
  /** Stop after about this many products (default no limit). */
  readonly maxProducts?: number;
  /** Seed of the random start and of the replacements of closed directions. */
  readonly seed: Seed;
  /** Vectors the start block must contain (e.g. Ritz vectors of an earlier run); the rest is random. */
  readonly start?: readonly Float64Array[];
  /** Called at each check with the current Ritz state; true stops the iteration. */
  readonly done?: (state: RitzState) => boolean;
}

export interface RitzState {
  /** Size of the Rayleigh–Ritz basis. */
  readonly dimension: number;
  /** Products Av so far. */
  readonly products: number;
  /** All Ritz values, ascending. */
  readonly values: Float64Array;
  /** Residual estimates ‖Ay − θy‖ from the coupling to the next block, per Ritz value. */
  readonly residuals: Float64Array;
  /** True when the basis is the whole space (the Ritz pairs are the eigenpairs). */
  readonly exhausted: boolean;
  /** The unit Ritz vector y = Vs of values[i]. */
  vector(i: number): Float64Array;
}

/** Relative size below which a new direction counts as already in the basis (the space closed there). */
const CLOSED = 1e-10;

/**
 * w −= Σ_b (bᵀw) b over `basis` (classical Gram–Schmidt: every coefficient from the same w), adding the
 * coefficients to `coef`. Four basis vectors per pass over w, which is where the time goes at n = 10⁴.
 */
function project(basis: readonly Float64Array[], w: Float64Array, coef: Float64Array): void {
  const n = w.length;
  const m = basis.length;
  let b = 0;
  for (; b + 3 < m; b += 4) {
    const v0 = basis[b];
    const v1 = basis[b + 1];
    const v2 = basis[b + 2];
    const v3 = basis[b + 3];
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < n; i++) {
      const x = w[i];
      s0 += v0[i] * x;
      s1 += v1[i] * x;
      s2 += v2[i] * x;
      s3 += v3[i] * x;
    }
    coef[b] += s0;
    coef[b + 1] += s1;
    coef[b + 2] += s2;
    coef[b + 3] += s3;
  }
  for (; b < m; b++) {
    const v = basis[b];
    let s = 0;
    for (let i = 0; i < n; i++) s += v[i] * w[i];
    coef[b] += s;
  }
  b = 0;
  for (; b + 3 < m; b += 4) {
    const v0 = basis[b];
    const v1 = basis[b + 1];
    const v2 = basis[b + 2];
    const v3 = basis[b + 3];
    const c0 = coef[b];
    const c1 = coef[b + 1];
    const c2 = coef[b + 2];
    const c3 = coef[b + 3];
    for (let i = 0; i < n; i++) w[i] -= c0 * v0[i] + c1 * v1[i] + c2 * v2[i] + c3 * v3[i];
  }
  for (; b < m; b++) {
    const v = basis[b];
    const c = coef[b];
    for (let i = 0; i < n; i++) w[i] -= c * v[i];
  }
}

function vectorNorm(w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * w[i];
  return Math.sqrt(s);
}

/**
 * Orthogonalises w against `basis` twice (CGS2), adding the projections to `coef` (length ≥ basis);
 * returns ‖w‖ before and after.
 */
function orthogonalise(
  basis: readonly Float64Array[],
  w: Float64Array,
  coef: Float64Array,
): [number, number] {
  const before = vectorNorm(w);
  const c = new Float64Array(basis.length);
  for (let pass = 0; pass < 2; pass++) {
    c.fill(0);
    project(basis, w, c);
    for (let b = 0; b < basis.length; b++) coef[b] += c[b];
  }
  return [before, vectorNorm(w)];
}

/** A unit random vector orthogonal to `basis` (the basis must have fewer than n vectors). */
function freshDirection(basis: readonly Float64Array[], n: number, rng: Rng): Float64Array {
  for (;;) {
    const w = rng.normals(n);
    const [before, after] = orthogonalise(basis, w, new Float64Array(basis.length));
    if (after > 1e-3 * before) {
      for (let i = 0; i < n; i++) w[i] /= after;
      return w;
    }
  }
}

export function blockLanczos(apply: SymmetricOperator, n: number, options: BlockLanczosOptions): RitzState {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`blockLanczos: n must be a positive integer, got ${n}`);
  const p = Math.max(1, Math.min(n, Math.floor(options.blockSize)));
  const maxBasis = Math.min(n, Math.max(Math.floor(options.maxBasis), 4 * p));
  const maxProducts = options.maxProducts ?? Number.POSITIVE_INFINITY;
  const rng = Rng.fromSeed(options.seed);
  let basis: Float64Array[] = [];
  // Start block: the given vectors, then random ones, orthonormalised.
  for (const s of options.start ?? []) {
    if (basis.length >= p) break;
    const w = Float64Array.from(s);
    const [before, after] = orthogonalise(basis, w, new Float64Array(basis.length));
    if (after > 1e-3 * before && after > 0) {
      for (let i = 0; i < n; i++) w[i] /= after;
      basis.push(w);
    }
  }
  while (basis.length < p) basis.push(freshDirection(basis, n, rng));
  // T[col][row] = v_rowᵀ A v_col for col < known (columns whose product is known), rows < basis.length.
  let T: Float64Array[] = [];
  let known = 0;
  let products = 0;
  // Not before three blocks: a start block of converged Ritz vectors would otherwise pass the caller's
  // test at once, before the random part has shown the copies it brings.
  let nextCheck = 3 * p;
  for (;;) {
    // Products of the current block [known, blockEnd).
    const blockEnd = basis.length;
    const room = Math.min(n, 2 * blockEnd - known);
    const fresh: Float64Array[] = [];
    for (let c = known; c < blockEnd; c++) {
      const w = Float64Array.from(apply(basis[c]));
      products++;
      const coef = new Float64Array(room);
      orthogonalise(basis, w, coef);
      T[c] = coef;
      fresh.push(w);
    }
    // Orthonormalise the new block within itself, recording the coupling.
    const scale = fresh.reduce((m, w) => Math.max(m, vectorNorm(w)), 0);
    for (let r = 0; r < fresh.length && basis.length < n; r++) {
      const w = fresh[r];
      // Already orthogonal to the basis up to blockEnd (CGS2 above): only the new vectors remain.
      const added = basis.slice(blockEnd);
      const coef = new Float64Array(added.length);
      const [, after] = orthogonalise(added, w, coef);
      const column = T[known + r];
      for (let b = 0; b < added.length; b++) column[blockEnd + b] += coef[b];
      if (after > CLOSED * Math.max(scale, 1e-300)) {
        for (let i = 0; i < n; i++) w[i] /= after;
        column[basis.length] += after;
        basis.push(w);
      } else {
        // The Krylov space closed in this direction: continue with a random one (coupling 0).
        basis.push(freshDirection(basis, n, rng));
      }
    }
    known = blockEnd;
    const exhausted = known >= n;
    const last = exhausted || products + p > maxProducts;
    // A basis allowed to reach n is never restarted: it ends exact.
    const restart = !last && maxBasis < n && basis.length + p > maxBasis;
    if (known >= nextCheck || last || restart) {
      const state = ritzState(T, basis, known, products, exhausted);
      if (last || options.done?.(state)) return state;
      nextCheck = Math.max(known + p, Math.floor(known * 1.25));
      // Keep the wanted Ritz vectors, the largest and room for three blocks (the basis grows if needed).
      const keepLow = Math.max(1, Math.min(known - 1, Math.floor(options.keep?.(state) ?? p)));
      if (restart && keepLow + 1 + 3 * p <= maxBasis) {
        // Thick restart: keep the lowest Ritz vectors and the largest (the scale), then the unprocessed
        // block. A y_i = θ_i y_i + V_next (C s_i), so the kept columns of T are θ_i and the coupling.
        const kept = Array.from({ length: keepLow }, (_, i) => i);
        kept.push(known - 1);
        const next = basis.slice(known);
        const newBasis = kept.map((i) => state.vector(i));
        const newT = kept.map((i, c) => {
          const column = new Float64Array(kept.length + next.length);
          column[c] = state.values[i];
          const coupling = state.coupling(i);
          for (let b = 0; b < next.length; b++) column[kept.length + b] = coupling[b];
          return column;
        });
        basis = [...newBasis, ...next];
        T = newT;
        known = kept.length;
        nextCheck = known + p;
      }
    }
  }
}

/** Rayleigh–Ritz on the first `known` basis vectors, with residual estimates from the coupling rows. */
function ritzState(
  T: readonly Float64Array[],
  basis: readonly Float64Array[],
  known: number,
  products: number,
  exhausted: boolean,
): RitzState & { coupling(i: number): Float64Array } {
  // Entry (r, c), c ≤ r, from column r: its product was orthogonalised against v_c (after a restart,
  // kept columns hold only the kept rows and the coupling).
  const rows = Array.from({ length: known }, () => new Float64Array(known));
  for (let r = 0; r < known; r++)
    for (let c = 0; c <= r; c++) {
      const t = T[r][c] ?? 0;
      rows[r][c] = t;
      rows[c][r] = t;
    }
  const eig = symmetricEigen(rows);
  const extra = basis.length - known;
  // C s: the components of A y − θ y along the basis vectors beyond `known`.
  const coupling = (i: number): Float64Array => {
    const s = eig.vectors[i];
    const out = new Float64Array(extra);
    for (let b = 0; b < extra; b++) {
      let cs = 0;
      for (let c = 0; c < known; c++) cs += (T[c][known + b] ?? 0) * s[c];
      out[b] = cs;
    }
    return out;
  };
  const residuals = new Float64Array(known);
  if (!exhausted) for (let i = 0; i < known; i++) residuals[i] = vectorNorm(coupling(i));
  const n = basis[0].length;
  return {
    dimension: known,
    products,
    values: eig.values,
    residuals,
    exhausted,
    coupling,
    vector(i: number): Float64Array {
      const s = eig.vectors[i];
      const y = new Float64Array(n);
      for (let c = 0; c < known; c++) {
        const v = basis[c];
        const sc = s[c];
        for (let k = 0; k < n; k++) y[k] += sc * v[k];
      }
      return y;
    },
  };
}
