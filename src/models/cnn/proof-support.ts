/**
 * The CNN's part of the proof of a critical point (landscape/proof.ts, docs/proofs.md), for ReLU.
 *
 * The landscape. With the unit teacher filter w*, A = (m2 − μ²)I + μ²11ᵀ and s = aᵀa*, the population
 * loss (population.ts) is ℓ(v, a) = ½(a − a*)ᵀA(a − a*) + (m2 − f(v))·s with f(v) = κ(v̂ᵀw*) =
 * k(v, w*)/‖v‖, k the two-layer network's ReLU pair kernel (models/fc). So ∇²_aa ℓ = A is constant,
 * ∇²_av ℓ = −a*∇f(v)ᵀ and ∇²_vv ℓ = −s·∇²f(v).
 *
 * The slice. ℓ depends on v's direction only, so the Hessian is singular along v at every critical
 * point. The proof moves in the affine slice x₀ + span B, B an orthonormal basis of v₀^⊥ (by a
 * Householder reflection) and the a-coordinates. At a critical point of the slice, ∇_vℓ is
 * orthogonal to span B, hence parallel to a vector n with nᵀv ≠ 0 (v is off the slice's directions),
 * and ∇_vℓ ⊥ v always (0-homogeneity): so ∇_vℓ = 0 and the point is critical. There the radial
 * direction (v, 0) is a zero mode of the full Hessian that completes the slice, so the index is the
 * slice Hessian's, and a strict minimum on the slice is a local minimum, strict across rescalings.
 *
 * The Lipschitz bound on a ball of radius R (ρ = ‖v₀‖ − R > 0, ‖a‖ ≤ ‖a₀‖ + R). With g = k(·, w*) and
 * h = 1/‖v‖: ‖∇g‖ ≤ ½, ‖∇²g‖ ≤ 1/(π‖v‖), ‖∂(∇²g)‖ ≤ C_RU/‖v‖² (hessian-lipschitz.ts of the fc model),
 * g ≤ ‖v‖/2, and the derivatives of h are P_n(−cos)·n!/‖v‖ⁿ⁺¹ (Legendre), so ‖Dⁿh‖ ≤ n!/‖v‖ⁿ⁺¹. Leibniz:
 *   ‖∇f‖ ≤ 1/ρ,   F2 = ‖∇²f‖ ≤ (1/π + 2)/ρ²,   L2 = ‖∂(∇²f)‖ ≤ (C_RU + 3/π + 6)/ρ³,
 * and with δ = (δv, δa), |zᵀ(∇²ℓ − ∇²ℓ')z| ≤ (‖a*‖F2·δa + S·L2·δv)z_v² + 2‖a*‖F2·δv·z_v z_a,
 * S = ‖a*‖(‖a₀‖ + R): L_H = √((‖a*‖F2)² + (S·L2 + ‖a*‖F2)²).
 *
 * Rounding: estimated as in the fc model (16·(p + k + 10)·u times the terms' magnitudes), not proven.
 */

import { C_RU } from "../fc/hessian-lipschitz.js";
import type { LipschitzResult, ProofSupport, RoundingBounds } from "../problem.js";
import type { CnnActivationKernel } from "./activation-kernel.js";
import type { CnnTeacher } from "./teacher.js";

const UNIT_ROUNDOFF = 2 ** -53;
const ROUNDING_FACTOR = 16;
const SLACK = 1e-9;

const norm = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
};

/** ‖∇²f‖ and the Lipschitz constant of ∇²f where ‖v‖ ≥ rho. */
function filterBounds(rho: number) {
  return { F2: (1 / Math.PI + 2) / rho ** 2, L2: (C_RU + 3 / Math.PI + 6) / rho ** 3 };
}

/** L_H of the ReLU CNN's population Hessian in (v, a) on the ball of radius R about (v, a). */
export function cnnHessianLipschitz(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  radius: number,
): LipschitzResult {
  const rho = norm(v) - radius;
  if (!(rho > 0))
    return {
      reason: `the ball of radius ${radius.toPrecision(3)} reaches v = 0 (‖v‖ = ${norm(v).toPrecision(3)}), where the loss is undefined`,
    };
  const { F2, L2 } = filterBounds(rho);
  const as = norm(teacher.a);
  const S = as * (norm(a) + radius);
  return { bound: Math.hypot(as * F2, S * L2 + as * F2) * (1 + SLACK) };
}

/** Estimated rounding errors of the CNN's gradient and Hessian at (v, a). */
export function cnnRoundingEstimate(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  kernel: CnnActivationKernel,
): RoundingBounds {
  const p = v.length;
  const k = a.length;
  const unit = ROUNDING_FACTOR * (p + k + 10) * UNIT_ROUNDOFF;
  const r = norm(v);
  const mu2 = kernel.mean * kernel.mean;
  const A = kernel.meanSquare - mu2 + mu2 * k;
  const as = norm(teacher.a);
  const S = as * norm(a);
  const { F2 } = filterBounds(r);
  return {
    gradient: unit * (A * (norm(a) + as) + as + S / r),
    hessian: unit * (A + S * F2 + as / r),
    proven: false,
  };
}

/** An orthonormal basis of v^⊥ in R^p (columns 2…p of the Householder reflection taking v̂ to ±e₁). */
export function orthogonalComplement(v: ArrayLike<number>): Float64Array[] {
  const p = v.length;
  const r = norm(v);
  const u = Float64Array.from(v, (x) => x / r);
  u[0] += u[0] >= 0 ? 1 : -1;
  const uu = norm(u) ** 2;
  const out: Float64Array[] = [];
  for (let j = 1; j < p; j++)
    out.push(Float64Array.from({ length: p }, (_, i) => (i === j ? 1 : 0) - (2 * u[i] * u[j]) / uu));
  return out;
}

/** The proof support of the CNN problem with flat parameters (v, a); ReLU only. */
export function cnnProofSupport(teacher: CnnTeacher, kernel: CnnActivationKernel): ProofSupport {
  const p = teacher.w.length;
  const k = teacher.a.length;
  const split = (x: Float64Array) => [x.subarray(0, p), x.subarray(p, p + k)] as const;
  const relu = kernel.name === "relu";
  return {
    hessianLipschitz(x, radius) {
      if (!relu)
        return {
          reason: `no Hessian Lipschitz bound for model cnn with activation ${kernel.name} (relu has one)`,
        };
      const [v, a] = split(x);
      return cnnHessianLipschitz(teacher, v, a, radius);
    },
    roundingError(x) {
      const [v, a] = split(x);
      return cnnRoundingEstimate(teacher, v, a, kernel);
    },
    slice(x) {
      const [v] = split(x);
      if (!(norm(v) > 0)) return { reason: "v = 0: the filter's direction is undefined" };
      const basis = orthogonalComplement(v).map((b) => {
        const full = new Float64Array(p + k);
        full.set(b);
        return full;
      });
      for (let i = 0; i < k; i++) {
        const e = new Float64Array(p + k);
        e[p + i] = 1;
        basis.push(e);
      }
      return {
        basis,
        note: "v moves orthogonally to its start: ℓ depends on v's direction only (∇_vℓ ⊥ v), so a critical point of that slice is one of the whole problem, with the same index",
      };
    },
  };
}
