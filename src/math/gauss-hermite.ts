/**
 * Gauss quadrature rules for Gaussian expectations and finite intervals.
 *
 * `gaussHermite(n)`: nodes and weights with Σ wᵢ f(xᵢ) ≈ E[f(g)], g ~ N(0, 1), exact for polynomials
 * of degree ≤ 2n − 1. Nodes start from the Golub–Welsch eigenvalues of the Jacobi matrix of the
 * orthonormal (probabilists') Hermite polynomials and are polished by Newton steps on the three-term
 * recurrence; the weights are 1/(n·p_{n−1}(xᵢ)²), with p_k orthonormal, which keeps the tiny
 * outer weights accurate in relative terms (the eigenvector formula would not).
 * `gaussLegendre(n, a, b)`: the same for ∫_a^b f(x) dx.
 */
import { InputError } from "../core/errors.js";
import { finiteNumber, integerInRange } from "../core/validate.js";
import { symmetricEigen } from "./eigen.js";

export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const hermiteCache = new Map<number, QuadratureRule>();
const legendreCache = new Map<number, QuadratureRule>();

/** Orthonormal p_{n−1}(x), p_n(x) by the recurrence p_{k+1} = (x p_k − √k p_{k−1})/√(k+1) (Hermite) . */
function hermitePair(n: number, x: number): [number, number] {
  let prev = 0;
  let cur = 1;
  for (let k = 0; k < n; k++) {
    const next = (x * cur - Math.sqrt(k) * prev) / Math.sqrt(k + 1);
    prev = cur;
    cur = next;
  }
  return [prev, cur];
}

function jacobiNodes(n: number, offDiagonal: (k: number) => number): Float64Array {
  const rows = Array.from({ length: n }, () => new Float64Array(n));
  for (let k = 1; k < n; k++) {
    rows[k - 1][k] = offDiagonal(k);
    rows[k][k - 1] = offDiagonal(k);
  }
  return symmetricEigen(rows).values;
}

export function gaussHermite(n: number): QuadratureRule {
  integerInRange("n", n, 1, 400);
  const cached = hermiteCache.get(n);
  if (cached) return cached;
  const nodes = jacobiNodes(n, Math.sqrt);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = nodes[i];
    for (let step = 0; step < 3; step++) {
      const [pm1, pn] = hermitePair(n, x);
      // p_n' = √n p_{n−1} for orthonormal Hermite polynomials.
      x -= pn / (Math.sqrt(n) * pm1);
    }
    nodes[i] = x;
    const [pm1] = hermitePair(n, x);
    weights[i] = 1 / (n * pm1 * pm1);
  }
  // Symmetrise: the rule is exactly symmetric about 0.
  for (let i = 0; i < n >> 1; i++) {
    const j = n - 1 - i;
    const x = 0.5 * (nodes[j] - nodes[i]);
    const w = 0.5 * (weights[i] + weights[j]);
    nodes[i] = -x;
    nodes[j] = x;
    weights[i] = w;
    weights[j] = w;
  }
  if (n % 2 === 1) nodes[n >> 1] = 0;
  const rule = { nodes, weights };
  hermiteCache.set(n, rule);
  return rule;
}

/** Orthonormal Legendre P̃_{n−1}, P̃_n on [−1, 1] (weight 1/2): P̃_{k+1} = (x P̃_k (2k+1) − k c_k P̃_{k−1}) … via monic form. */
function legendrePair(n: number, x: number): [number, number, number] {
  // Standard Legendre P_k by Bonnet's recurrence, and P_n' from (x² − 1)P_n' = n(x P_n − P_{n−1}).
  let prev = 1;
  let cur = x;
  if (n === 0) return [0, 1, 0];
  for (let k = 1; k < n; k++) {
    const next = ((2 * k + 1) * x * cur - k * prev) / (k + 1);
    prev = cur;
    cur = next;
  }
  const derivative = (n * (x * cur - prev)) / (x * x - 1);
  return [prev, cur, derivative];
}

/** Gauss–Legendre nodes and weights on [a, b]. */
export function gaussLegendre(n: number, a = -1, b = 1): QuadratureRule {
  integerInRange("n", n, 1, 400);
  finiteNumber("a", a);
  if (!(finiteNumber("b", b) > a)) throw new InputError("b", `must be above a = ${a}`, b);
  let base = legendreCache.get(n);
  if (!base) {
    const nodes = jacobiNodes(n, (k) => k / Math.sqrt(4 * k * k - 1));
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let x = nodes[i];
      for (let step = 0; step < 3; step++) {
        const [, pn, dp] = legendrePair(n, x);
        x -= pn / dp;
      }
      nodes[i] = x;
      const [, , dp] = legendrePair(n, x);
      weights[i] = 2 / ((1 - x * x) * dp * dp);
    }
    base = { nodes, weights };
    legendreCache.set(n, base);
  }
  const half = 0.5 * (b - a);
  const mid = 0.5 * (a + b);
  return {
    nodes: Float64Array.from(base.nodes, (x) => mid + half * x),
    weights: Float64Array.from(base.weights, (w) => w * half),
  };
}
