/**
 * A computer-assisted proof that a true critical point of a loss L lies near a computed point x₀, and
 * of its kind (strict local minimum, or non-degenerate saddle with its index): Newton–Kantorovich on
 * F = ∇L, then Weyl's inequality for the Hessian at the critical point. docs/proofs.md derives it.
 *
 * Let β ≥ ‖∇²L(x₀)⁻¹‖, η ≥ ‖∇²L(x₀)⁻¹∇L(x₀)‖ and ‖∇²L(x) − ∇²L(y)‖ ≤ L_H‖x − y‖ on the closed ball
 * B(x₀, R). If h = β·L_H·η < ½ and r = (1 − √(1 − 2h))/(β·L_H) ≤ R, there is exactly one critical point
 * x* of L in B(x₀, R) ∩ B(x₀, (1 + √(1 − 2h))/(β·L_H)), and ‖x* − x₀‖ ≤ r ≤ 2η. Every eigenvalue of
 * ∇²L(x*) is within L_H·r of the matching one of ∇²L(x₀), so if every |λ(∇²L(x₀))| ≥ g and g > L_H·r,
 * ∇²L(x*) has the index of ∇²L(x₀) and no zero eigenvalue.
 *
 * What the inputs are, in floating point: the computed gradient g̃ and Hessian H̃ at x₀ with bounds
 * ε_g ≥ ‖∇L(x₀) − g̃‖ and ε_H ≥ ‖∇²L(x₀) − H̃‖₂ from the model (proven, or estimated: the result says
 * which), and the model's L_H on a ball. From those:
 * - the index of H̃ and a gap g̃ap with |λ(H̃)| ≥ g̃ap are proven by Cholesky factorisations
 *   (math/verified-inertia.ts); so |λ(∇²L(x₀))| ≥ gap = g̃ap − ε_H (Weyl) and β = 1/gap;
 * - η from the computed Newton step δ̃ (H̃δ̃ ≈ g̃): ∇²L(x₀)⁻¹∇L(x₀) = δ̃ − ∇²L(x₀)⁻¹ρ with the true
 *   residual ρ = ∇²L(x₀)δ̃ − ∇L(x₀), and ‖ρ‖ ≤ ‖fl(H̃δ̃ − g̃)‖ + γ_{n+1}‖|H̃||δ̃| + |g̃|‖ + ε_H‖δ̃‖ + ε_g,
 *   so η = ‖δ̃‖ + β‖ρ‖ (or β(‖g̃‖ + ε_g), whichever is smaller);
 * - the ball radius R = 2η (r ≤ 2η always), then, for uniqueness on a larger ball, R = 1/(β·L_H).
 * Every derived number is widened by a relative 1e-9 against its own rounding (math/verified-inertia.ts).
 */
import {
  float64Argument,
  functionArgument,
  objectArgument,
  squareRowsArgument,
  vectorArgument,
} from "../core/arguments.js";
import { InputError } from "../core/errors.js";
import { nonNegativeNumber } from "../core/validate.js";
import { cholesky, choleskySolve } from "../math/cholesky.js";
import type { SymmetricEigen } from "../math/eigen.js";
import { luFactor, luSolve } from "../math/lu.js";
import { gamma, verifiedInertia } from "../math/verified-inertia.js";
import type { LipschitzResult, RoundingBounds } from "../models/problem.js";

export interface ProofInput {
  /** x₀: handed to `hessianLipschitz` (the proof itself needs only what is computed at it). */
  readonly point: Float64Array;
  /** The computed ∇L(x₀). */
  readonly gradient: ArrayLike<number>;
  /** The computed ∇²L(x₀), rows (its lower triangle is what is proven about). */
  readonly hessian: ReadonlyArray<ArrayLike<number>>;
  readonly rounding: RoundingBounds;
  /** L_H on the closed ball B(x₀, radius). */
  hessianLipschitz(point: Float64Array, radius: number): LipschitzResult;
  /** The floating-point eigen-decomposition of the Hessian, if the caller has it already. */
  readonly eigen?: SymmetricEigen;
}

export interface PointProof {
  readonly certified: boolean;
  /** What the proof shows, or why it does not. */
  readonly reason: string;
  /** Whether the rounding errors of gradient and Hessian were proven or estimated by the model. */
  readonly rounding: "proven" | "estimated";
  readonly kind?: "strict-local-min" | "saddle";
  /** Negative eigenvalues of ∇²L(x*) (when certified), else of the computed Hessian when proven. */
  readonly index?: number;
  /** A critical point x* lies within this distance of x₀. */
  readonly radius?: number;
  /** x* is the only critical point within this distance of x₀. */
  readonly uniqueRadius?: number;
  /** A lower bound on λ_min(∇²L(x*)) > 0 (strict minima). */
  readonly lambdaMinLower?: number;
  /** Every eigenvalue of ∇²L(x*) has |λ| ≥ this. */
  readonly gapLower?: number;
  /** The proof's numbers: β, η, L_H on B(x₀, 2η), h = βL_Hη. */
  readonly beta?: number;
  readonly eta?: number;
  readonly lipschitz?: number;
  readonly h?: number;
}

const SLACK = 1e-9;
const up = (x: number) => x * (1 + SLACK);
const down = (x: number) => x * (1 - SLACK);

function norm2(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** The Newton step δ̃ with H̃δ̃ ≈ g̃ (Cholesky when the index is 0, else LU), or undefined. */
function newtonStep(H: ReadonlyArray<ArrayLike<number>>, g: ArrayLike<number>, index: number) {
  const n = H.length;
  if (index === 0) {
    const f = cholesky(H);
    if (f) return choleskySolve(f, g);
  }
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = j <= i ? H[i][j] : H[j][i];
  const lu = luFactor(a, n);
  if (!lu) return undefined;
  const out = new Float64Array(n);
  luSolve(lu, Float64Array.from(g), out);
  return out;
}

/** An upper bound on ‖∇²L(x₀)⁻¹∇L(x₀)‖ (see the file's comment). */
function newtonStepBound(
  H: ReadonlyArray<ArrayLike<number>>,
  g: ArrayLike<number>,
  index: number,
  beta: number,
  rounding: RoundingBounds,
): number {
  const n = H.length;
  const plain = up(beta * up(norm2(g) + rounding.gradient));
  const delta = newtonStep(H, g, index);
  if (!delta?.every(Number.isFinite)) return plain;
  const gn = gamma(n + 1);
  let residual2 = 0;
  let error2 = 0;
  for (let i = 0; i < n; i++) {
    // The symmetric matrix of H's lower triangle, as everywhere in the proof.
    let r = -g[i];
    let a = Math.abs(g[i]);
    for (let j = 0; j < n; j++) {
      const h = j <= i ? H[i][j] : H[j][i];
      r += h * delta[j];
      a += Math.abs(h * delta[j]);
    }
    residual2 += r * r;
    error2 += (gn * a) ** 2;
  }
  const stepNorm = norm2(delta);
  const rho = up(Math.sqrt(residual2) + Math.sqrt(error2) + rounding.hessian * stepNorm + rounding.gradient);
  return Math.min(plain, up(stepNorm + beta * rho));
}

const fmt = (x: number) => x.toPrecision(3);

/** Newton–Kantorovich at x₀ (see the file's comment). */
export function proveCriticalPoint(input: ProofInput): PointProof {
  checkProofInput(input);
  return proveCriticalPointUnchecked(input);
}

/** The input of a public call: a finite point, gradient and square Hessian of one size, bounds and L_H. */
function checkProofInput(input: unknown): void {
  const o = objectArgument("input", input, "{point, gradient, hessian, rounding, hessianLipschitz}");
  const n = float64Argument("input.point", o.point).length;
  vectorArgument("input.gradient", o.gradient, n);
  const H = squareRowsArgument("input.hessian", o.hessian);
  if (H.length !== n)
    throw new InputError("input.hessian", `must be ${n} × ${n} (the point's size)`, `${H.length} rows`);
  const rounding = objectArgument(
    "input.rounding",
    o.rounding,
    "rounding bounds {gradient, hessian, proven}",
  );
  nonNegativeNumber("input.rounding.gradient", rounding.gradient);
  nonNegativeNumber("input.rounding.hessian", rounding.hessian);
  if (typeof rounding.proven !== "boolean")
    throw new InputError("input.rounding.proven", "must be true or false", rounding.proven);
  functionArgument("input.hessianLipschitz", o.hessianLipschitz);
}

/**
 * `proveCriticalPoint` for the library's own proofs, whose gradient or Hessian may have overflowed
 * at a bad point: that is then a failed proof with its reason, not an input error.
 */
export function proveCriticalPointUnchecked(input: ProofInput): PointProof {
  const rounding = input.rounding.proven ? "proven" : "estimated";
  const H = input.hessian;
  const n = H.length;
  if (n === 0 || input.gradient.length !== n)
    return { certified: false, rounding, reason: "gradient and Hessian have different sizes (or none)" };
  if (!Array.from(input.gradient).every(Number.isFinite))
    return { certified: false, rounding, reason: "the gradient is not finite" };
  const inertia = verifiedInertia(H, input.eigen);
  if (!inertia.verified) return { certified: false, rounding, reason: inertia.reason };
  const index = inertia.index;
  const gap = down(inertia.gap - input.rounding.hessian);
  if (!(gap > 0))
    return {
      certified: false,
      rounding,
      index,
      reason: `the Hessian's rounding error bound ${fmt(input.rounding.hessian)} is not below its proven eigenvalue gap ${fmt(inertia.gap)}`,
    };
  const beta = up(1 / gap);
  const eta = newtonStepBound(H, input.gradient, index, beta, input.rounding);
  const ball = up(2 * eta);
  const lip = input.hessianLipschitz(input.point, ball);
  if ("reason" in lip)
    return {
      certified: false,
      rounding,
      index,
      beta,
      eta,
      reason: `no Hessian Lipschitz bound on the ball of radius 2η = ${fmt(ball)} the proof needs: ${lip.reason}`,
    };
  const L = lip.bound;
  const h = up(up(beta * L) * eta);
  const numbers = { beta, eta, lipschitz: L, h };
  if (!(h < 0.5))
    return {
      certified: false,
      rounding,
      index,
      ...numbers,
      reason: `Kantorovich's condition fails: h = β·L_H·η = ${fmt(h)} ≥ 1/2 (β = ${fmt(beta)}, L_H = ${fmt(L)}, η = ${fmt(eta)}): not close enough to a critical point for this curvature`,
    };
  const root = down(Math.sqrt(down(1 - 2 * h)));
  const radius = up((2 * eta) / (1 + root));
  const margin = down(gap - up(L * radius));
  if (!(margin > 0))
    return {
      certified: false,
      rounding,
      index,
      radius,
      ...numbers,
      reason: `a critical point lies within ${fmt(radius)}, but its Hessian may be singular (gap ${fmt(gap)} ≤ L_H·r = ${fmt(L * radius)})`,
    };
  const uniqueRadius = wideUniqueness(input, beta, eta, ball, L);
  const kind = index === 0 ? "strict-local-min" : "saddle";
  const what =
    index === 0
      ? `a strict local minimum (λ_min ≥ ${fmt(margin)})`
      : `a saddle of index ${index} (|λ| ≥ ${fmt(margin)})`;
  return {
    certified: true,
    rounding,
    kind,
    index,
    radius,
    uniqueRadius,
    gapLower: margin,
    ...(index === 0 ? { lambdaMinLower: margin } : {}),
    ...numbers,
    reason: `Kantorovich (h = ${fmt(h)} < 1/2): ${what} lies within ${fmt(radius)}, the only critical point within ${fmt(uniqueRadius)}${
      rounding === "estimated"
        ? "; the rounding errors of the model's gradient and Hessian are estimated, not proven"
        : ""
    }`,
  };
}

/**
 * The uniqueness radius: min(R, r₊) for the largest of the balls tried (R = 2η, which always works,
 * and R = 1/(β·L_H(2η)), where the theorem still holds with L_H re-bounded on that ball).
 */
function wideUniqueness(input: ProofInput, beta: number, eta: number, ball: number, L: number): number {
  let best = ball;
  const wide = down(1 / (beta * L));
  if (wide > ball) {
    const lip = input.hessianLipschitz(input.point, wide);
    if ("bound" in lip) {
      const h = up(up(beta * lip.bound) * eta);
      if (h < 0.5) {
        const plus = down((1 + down(Math.sqrt(down(1 - 2 * h)))) / up(beta * lip.bound));
        best = Math.max(best, Math.min(wide, plus));
      }
    }
  }
  return best;
}
