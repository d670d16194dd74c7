/**
 * The start of the fast (linear) phase of a run that reached the global minimum.
 *
 * Method (a "knee" detector on the log-loss): take log10 ℓ_t at the recorded steps, draw the chord
 * from the first to the last point, and return the step where the curve lies highest above the
 * chord. A run with a slow first phase has a plateau followed by a straight (linear-rate) decline;
 * the plateau's end is where the curve is furthest above the chord. When the curve never rises
 * more than `minRise` decades above the chord there is no slow phase, and the answer is the
 * first step. Losses below 1e-300 are clamped so that an exact 0 does not give −∞.
 */
import { vectorArgument } from "../core/arguments.js";
import { nonNegativeNumber } from "../core/validate.js";

export function detectPhaseSwitch(
  steps: ArrayLike<number>,
  losses: ArrayLike<number>,
  minRise = 0.5,
): number | null {
  nonNegativeNumber("minRise", minRise);
  // An empty series has no switch (null); otherwise both are finite and equally long.
  const empty = (x: unknown) =>
    (Array.isArray(x) || ArrayBuffer.isView(x)) && (x as ArrayLike<number>).length === 0;
  if (empty(steps) && empty(losses)) return null;
  vectorArgument("losses", losses, vectorArgument("steps", steps).length);
  const n = Math.min(steps.length, losses.length);
  if (n === 0) return null;
  if (n < 3) return steps[0];
  const log = (x: number) => Math.log10(Math.max(x, 1e-300));
  const t0 = steps[0];
  const t1 = steps[n - 1];
  const l0 = log(losses[0]);
  const l1 = log(losses[n - 1]);
  let best = 0;
  let bestRise = -Infinity;
  for (let i = 0; i < n; i++) {
    const chord = t1 === t0 ? l0 : l0 + ((l1 - l0) * (steps[i] - t0)) / (t1 - t0);
    const rise = log(losses[i]) - chord;
    if (rise > bestRise) {
      bestRise = rise;
      best = i;
    }
  }
  return bestRise >= minRise ? steps[best] : steps[0];
}
