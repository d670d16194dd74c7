/**
 * The pairwise Gaussian expectations that the two-layer network's population landscape is made of.
 *
 * For g(x) = Σ_j a_j σ(w_jᵀx) with x ~ N(0, I_d), the loss J = ½E[(g − g*)²], its gradient and its
 * Hessian depend on the weights only through expectations over pairs of hidden units (w, v):
 *
 *   k(w, v)   = E[σ(wᵀx) σ(vᵀx)]                       (the kernel; gives J)
 *   T(w, v)   = E[x σ'(wᵀx) σ(vᵀx)] = cw·w + cv·v      (= ∂k/∂w; gives ∇J)
 *   Q(w, v)   = E[x xᵀ σ'(wᵀx) σ'(vᵀx)]                (= ∂T(w, v)/∂v; off-diagonal Hessian blocks)
 *   R(w, v)   = E[x xᵀ σ''(wᵀx) σ(vᵀx)]                (= ∂T(w, v)/∂w; diagonal Hessian blocks)
 *
 * Because x is rotation invariant, each depends only on ‖w‖, ‖v‖ and the angle θ between them, T lies
 * in span{w, v}, and Q and R are c·I plus a symmetric 2×2 matrix in the orthonormal in-plane basis
 * (ŵ, u), u = (v̂ − cos θ ŵ)/sin θ. A kernel therefore returns a handful of scalars per pair, and the
 * O(K²d) assembly in `population.ts` is shared by every activation. Kernels by activation name:
 * `fcPairKernelFor` (kernels.ts): ReLU and leaky ReLU in closed form, other activations by quadrature.
 *
 * Callers never pass a zero vector: the assembly handles ‖w‖ = 0 or ‖v‖ = 0 itself (see population.ts).
 */

/** The angle between the pair, with its sine and cosine computed accurately (not from each other). */
export interface PairAngle {
  theta: number;
  cos: number;
  sin: number;
}

/** First-order pair quantities: k(w, v) and T(w, v) = cw·w + cv·v. */
export interface PairFirst {
  k: number;
  cw: number;
  cv: number;
}

/**
 * Second-order pair quantities in the basis (ŵ, u):
 * M = i·I + m11 ŵŵᵀ + m12 (ŵuᵀ + uŵᵀ) + m22 uuᵀ, for M = Q(w, v) (prefix q) and M = R(w, v) (prefix r).
 * When sin θ = 0 the in-plane parts must vanish or be expressible without u (m12 = m22 = 0).
 */
export interface PairSecond {
  qI: number;
  q11: number;
  q12: number;
  q22: number;
  rI: number;
  r11: number;
  r12: number;
  r22: number;
}

export interface PairKernel {
  /** The activation's name, e.g. "relu". */
  readonly activation: string;
  /** Fills `out` for a pair with norms normW, normV > 0 at the given angle. */
  first(normW: number, normV: number, angle: PairAngle, out: PairFirst): void;
  /** Fills `out` with the second-order quantities (optional: without it the Hessian is taken by differences). */
  second?(normW: number, normV: number, angle: PairAngle, out: PairSecond): void;
  /**
   * Largest hidden-unit norm ‖w‖ the kernel serves (a quadrature's cost grows with the scale of σ(wᵀx));
   * absent: any norm (closed forms). Gradient descent stops as "out-of-range" beyond it.
   */
  readonly maxNorm?: number;
}

export function emptyPairFirst(): PairFirst {
  return { k: 0, cw: 0, cv: 0 };
}

export function emptyPairSecond(): PairSecond {
  return { qI: 0, q11: 0, q12: 0, q22: 0, rI: 0, r11: 0, r12: 0, r22: 0 };
}
