/**
 * Angles between vectors, computed so that they never produce NaN.
 *
 * Rounding can push a cosine slightly outside [-1, 1]; acos would then return NaN, so every
 * cosine is clamped first. The angle to a zero vector is undefined; callers that may meet one
 * get `undefined` from `angleBetween` and decide what it means in their model (see each model's docs).
 */
import { finiteNumber } from "../core/validate.js";
import { checkVectorPair, dotUnchecked, normUnchecked } from "./vector.js";

export type Angle = number; // radians in [0, π]

export function clampUnit(c: number): number {
  finiteNumber("c", c);
  return Math.min(1, Math.max(-1, c));
}

/** acos of a cosine clamped into [-1, 1]: always in [0, π]. */
export function clampedAcos(c: number): Angle {
  return Math.acos(clampUnit(c));
}

/** Cosine of the angle between x and y, clamped; undefined when either is the zero vector. */
export function cosineBetween(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  checkVectorPair(x, y);
  const nx = normUnchecked(x);
  const ny = normUnchecked(y);
  if (nx === 0 || ny === 0) return undefined;
  return Math.min(1, Math.max(-1, dotUnchecked(x, y) / (nx * ny)));
}

/**
 * The angle between x and y in [0, π]; undefined when either is the zero vector.
 * Near 0 and π acos loses accuracy (its derivative is infinite there), so the angle is taken
 * from atan2(‖x∧y‖, x·y), which is accurate to rounding everywhere.
 */
export function angleBetween(x: ArrayLike<number>, y: ArrayLike<number>): Angle | undefined {
  checkVectorPair(x, y);
  return angleBetweenUnchecked(x, y);
}

/** `angleBetween` without the argument checks, for the library's own loops (inputs known good). */
export function angleBetweenUnchecked(x: ArrayLike<number>, y: ArrayLike<number>): Angle | undefined {
  const nx = normUnchecked(x);
  const ny = normUnchecked(y);
  if (nx === 0 || ny === 0) return undefined;
  const c = dotUnchecked(x, y) / (nx * ny);
  // ‖x̂ - ŷ (x̂·ŷ)‖ = sin θ, computed without cancellation in 1 - c².
  let s2 = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i] / nx - (c * y[i]) / ny;
    s2 += r * r;
  }
  return Math.atan2(Math.sqrt(s2), c);
}
