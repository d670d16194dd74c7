/**
 * Expectations over the 2-D Gaussian of a pair of pre-activations:
 *   E[f(a·u) g(b·v)],  (u, v) standard normals with correlation ρ,
 * written v = ρu + s·t with s = √(1 − ρ²) and t independent of u.
 *
 * Smooth f and g: the product Gauss–Hermite rule of order n (spectral accuracy; `order`).
 * Functions with kinks (ReLU, leaky ReLU, ELU): the Gaussian weight is kept in the integrand and each
 * 1-D integral over [−T, T], T = 12 (tail mass below 1e-32), is split at every kink — of f in u, of g
 * in t at (k/b − ρu)/s, and, for the outer integral, also at u = k/(bρ) where g's kink sits when s → 0
 * — and each piece is integrated by Gauss–Legendre, exact to rounding for these piecewise-entire
 * integrands. At |ρ| = 1 the expectation is the 1-D E[f(a u) g(±b u)].
 */
import { functionArgument, objectArgument, vectorArgument } from "../../core/arguments.js";
import { integerInRange, numberInRange, positiveNumber } from "../../core/validate.js";
import { gaussHermite, gaussLegendre } from "../../math/gauss-hermite.js";

export type ScalarFunction = (x: number) => number;

export interface PairIntegrand {
  readonly f: ScalarFunction;
  readonly g: ScalarFunction;
  /** Kinks of f and g in their own arguments. */
  readonly kinksF?: readonly number[];
  readonly kinksG?: readonly number[];
  /** Extra polynomial weight u^powerU · t^powerT (for second moments E[x xᵀ …]); default 0, 0. */
  readonly powerU?: number;
  readonly powerT?: number;
}

export interface PairQuadratureOptions {
  /** Gauss–Hermite order for smooth integrands (default 128: 1e-11 for tanh at scale 1.3, 1e-15 for sigmoid, GELU, softplus). */
  readonly hermiteOrder?: number;
  /** Gauss–Legendre nodes per piece for integrands with kinks (default 48). */
  readonly legendreOrder?: number;
}

/** Quadrature options given to a public function: orders from 1 to 400. */
export function checkQuadratureOptions(options: unknown): PairQuadratureOptions {
  const o = objectArgument("options", options) as PairQuadratureOptions;
  if (o.hermiteOrder !== undefined) integerInRange("options.hermiteOrder", o.hermiteOrder, 1, 400);
  if (o.legendreOrder !== undefined) integerInRange("options.legendreOrder", o.legendreOrder, 1, 400);
  return o;
}

/** Kinks: a possibly empty list of finite numbers. */
function checkKinks(field: string, kinks: unknown): void {
  if (kinks === undefined) return;
  if (Array.isArray(kinks) && kinks.length === 0) return;
  vectorArgument(field, kinks);
}

const T = 12;
const INV_SQRT_2PI = 0.3989422804014327;

function pieces(breaks: number[]): [number, number][] {
  const inside = breaks.filter((p) => p > -T && p < T).sort((x, y) => x - y);
  const points = [-T, ...inside, T];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i++)
    if (points[i + 1] > points[i]) out.push([points[i], points[i + 1]]);
  return out;
}

/** ∫ h(x) φ(x) dx over ℝ, split at the breaks. */
function splitGaussian(h: ScalarFunction, breaks: number[], order: number): number {
  let total = 0;
  for (const [lo, hi] of pieces(breaks)) {
    const { nodes, weights } = gaussLegendre(order, lo, hi);
    for (let i = 0; i < nodes.length; i++) {
      const x = nodes[i];
      total += weights[i] * h(x) * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
  }
  return total;
}

/** E[f(a u) g(b v)] for correlation ρ ∈ [−1, 1] and scales a, b > 0. */
export function pairExpectation(
  integrand: PairIntegrand,
  rho: number,
  a = 1,
  b = 1,
  options: PairQuadratureOptions = {},
): number {
  const o = objectArgument("integrand", integrand, "an integrand {f, g, kinksF?, kinksG?, powerU?, powerT?}");
  functionArgument("integrand.f", o.f);
  functionArgument("integrand.g", o.g);
  checkKinks("integrand.kinksF", o.kinksF);
  checkKinks("integrand.kinksG", o.kinksG);
  if (o.powerU !== undefined) integerInRange("integrand.powerU", o.powerU, 0, 2);
  if (o.powerT !== undefined) integerInRange("integrand.powerT", o.powerT, 0, 2);
  numberInRange("rho", rho, -1, 1);
  positiveNumber("a", a);
  positiveNumber("b", b);
  checkQuadratureOptions(options);
  const pu = integrand.powerU ?? 0;
  const pt = integrand.powerT ?? 0;
  const f = pu === 0 ? integrand.f : (x: number) => integrand.f(x) * (x / a) ** pu;
  const g = integrand.g;
  const weightT = (t: number) => (pt === 0 ? 1 : t ** pt);
  const r = Math.min(1, Math.max(-1, rho));
  const s = Math.sqrt(Math.max(0, (1 - r) * (1 + r)));
  const kf = integrand.kinksF ?? [];
  const kg = integrand.kinksG ?? [];
  if (kf.length === 0 && kg.length === 0) {
    const { nodes, weights } = gaussHermite(options.hermiteOrder ?? 128);
    let total = 0;
    for (let i = 0; i < nodes.length; i++) {
      const u = nodes[i];
      const fu = f(a * u);
      if (fu === 0) continue;
      let inner = 0;
      for (let j = 0; j < nodes.length; j++)
        inner += weights[j] * weightT(nodes[j]) * g(b * (r * u + s * nodes[j]));
      total += weights[i] * fu * inner;
    }
    return total;
  }
  const order = options.legendreOrder ?? 48;
  // Near |ρ| = 1 the inner integral turns into a step of width s/|ρ| around u = k/(bρ): refine there.
  const outerBreaks = kf.map((k) => k / a);
  if (r !== 0)
    for (const k of kg) {
      const centre = k / (b * r);
      outerBreaks.push(centre);
      for (const c of [0.25, 0.5, 1, 2, 4, 8, 16]) {
        const d = (c * s) / Math.abs(r);
        outerBreaks.push(centre - d, centre + d);
      }
    }
  if (s < 1e-14) {
    // t is independent of u: E[t^q] factors out (1 for q = 0, 0 for odd q, 1 for q = 2).
    const tMoment = pt === 0 ? 1 : pt === 1 ? 0 : pt === 2 ? 1 : Number.NaN;
    return tMoment * splitGaussian((u) => f(a * u) * g(b * r * u), outerBreaks, order);
  }
  return splitGaussian(
    (u) => {
      const fu = f(a * u);
      if (fu === 0) return 0;
      const innerBreaks = kg.map((k) => (k / b - r * u) / s);
      return fu * splitGaussian((t) => weightT(t) * g(b * (r * u + s * t)), innerBreaks, order);
    },
    outerBreaks,
    order,
  );
}

/** E[f(a g)] for g ~ N(0, 1). */
export function gaussianExpectation(
  f: ScalarFunction,
  kinks: readonly number[] = [],
  a = 1,
  options: PairQuadratureOptions = {},
): number {
  functionArgument("f", f);
  checkKinks("kinks", kinks);
  positiveNumber("a", a);
  checkQuadratureOptions(options);
  if (kinks.length === 0) {
    const { nodes, weights } = gaussHermite(options.hermiteOrder ?? 128);
    let total = 0;
    for (let i = 0; i < nodes.length; i++) total += weights[i] * f(a * nodes[i]);
    return total;
  }
  return splitGaussian(
    (x) => f(a * x),
    kinks.map((k) => k / a),
    options.legendreOrder ?? 48,
  );
}
