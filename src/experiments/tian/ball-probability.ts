/**
 * P(w₀ ∈ Ω) for w₀ uniform in the ball B_r ⊂ R^d, Ω = {w : ‖w − w*‖ < ‖w*‖} (Tian's Thm 3.3 region),
 * by one-dimensional quadrature. With ‖w*‖ = 1, w ∈ Ω ⇔ ‖w‖ < 2 cos∠(w, w*), so
 *
 *   P = E_ρ[p(ρ/2)],  p(t) = P(cos φ > t) = ½ − c_d ∫_0^t (1 − u²)^{(d−3)/2} du,
 *   c_d = Γ(d/2)/(√π Γ((d−1)/2)),  ρ = ‖w₀‖ with density d ρ^{d−1}/r^d,
 *
 * and integrating by parts in ρ = r·v gives P = p(r/2) + (r/2) c_d ∫_0^1 v^d (1 − (rv/2)²)^{(d−3)/2} dv,
 * two smooth integrals (Simpson, 4000 intervals; error < 1e-9 for r ≤ 2). Radii are in units of ‖w*‖.
 */

import { InputError } from "../../core/errors.js";
import { finiteNumber, integerInRange, positiveNumber } from "../../core/validate.js";

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function simpson(f: (x: number) => number, a: number, b: number, n = 4000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** P(cos∠(u, e) > t) for u uniform on S^{d−1}, 0 ≤ t ≤ 1. */
export function capProbability(d: number, t: number): number {
  if (t >= 1) return 0;
  if (d === 1) return 0.5;
  const cd = Math.exp(logGamma(d / 2) - logGamma((d - 1) / 2)) / Math.sqrt(Math.PI);
  const power = (d - 3) / 2;
  return 0.5 - cd * simpson((u) => (1 - u * u) ** power, 0, t);
}

/** P(w₀ ∈ Ω) for w₀ ~ Unif(B_r), r in units of ‖w*‖, 0 < r < 2. */
export function probabilityInOmega(d: number, r: number): number {
  integerInRange("d", d, 1);
  if (!(finiteNumber("r", r) > 0 && r < 2)) throw new InputError("r", "must be in (0, 2) (units of ‖w*‖)", r);
  if (d === 1) return 0.5;
  const cd = Math.exp(logGamma(d / 2) - logGamma((d - 1) / 2)) / Math.sqrt(Math.PI);
  const power = (d - 3) / 2;
  const tail = simpson((v) => v ** d * (1 - (r * v * 0.5) ** 2) ** power, 0, 1);
  return capProbability(d, r / 2) + (r / 2) * cd * tail;
}

/** The radius of Thm 3.3: r = ε·√(2π/(d+1))·‖w*‖. */
export function theoremRadius(d: number, epsilon: number, teacherNorm = 1): number {
  integerInRange("d", d, 1);
  checkEpsilon("epsilon", epsilon);
  positiveNumber("teacherNorm", teacherNorm);
  return epsilon * Math.sqrt((2 * Math.PI) / (d + 1)) * teacherNorm;
}

/** Thm 3.3's ε: a number in (0, 1]. */
export function checkEpsilon(field: string, epsilon: unknown): number {
  if (!(finiteNumber(field, epsilon) > 0 && (epsilon as number) <= 1))
    throw new InputError(field, "must be in (0, 1]", epsilon);
  return epsilon as number;
}
