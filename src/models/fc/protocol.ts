/**
 * The Safran & Shamir (2018) protocol for the two-layer ReLU network, defined once: the experiment's
 * trial (experiments/fc/), its sweep model, the CLI and the report import these.
 *
 * Teacher W* = I_k (d = k) with unit top weights; student n units with unit top weights (fixed);
 * start W₀ with i.i.d. N(0, 1/d) entries (the authors' code calls this "Xavier"; it is the fan-in
 * normal, not Glorot's variance 2/(fan_in + fan_out)); full-batch GD on the exact population loss
 * with step 0.1, restarted from the same start with half the step whenever a unit's gradient norm
 * exceeds 10⁴; stop when max_j ‖∂J/∂w_j‖ < 10⁻⁹/(2π) (the code tests 2π·∇J against 10⁻⁹); a run
 * ending at J ≥ 10⁻³ is not global.
 */

import { integerInRange } from "../../core/validate.js";

export const FC_PROTOCOL_ETA = 0.1;
/** max_j ‖∂J/∂w_j‖ below this ends a run. */
export const FC_PROTOCOL_GRAD_TOL = 1e-9 / (2 * Math.PI);
/** A unit's gradient norm above this restarts the run with half the step. */
export const FC_PROTOCOL_BLOW_UP = 1e4;
/** A run ending below this loss reached the global minimum. */
export const FC_PROTOCOL_GLOBAL_LOSS = 1e-3;
/** Halvings of the step before a run counts as diverged. */
export const FC_PROTOCOL_MAX_HALVINGS = 30;

/** The fan-in normal start: std 1/√d (fan_in = d). */
export function fanInStd(d: number): number {
  integerInRange("d", d, 1);
  return 1 / Math.sqrt(d);
}

/** Glorot's normal start for an n × d layer: variance 2/(fan_in + fan_out) = 2/(d + n). */
export function glorotStd(d: number, n: number): number {
  integerInRange("d", d, 1);
  integerInRange("n", n, 1);
  return Math.sqrt(2 / (d + n));
}

/**
 * λ_min of the Hessian at the global minimum W = I (n = k = d, a = 1 fixed): 1/4 − 1/(2π). The
 * Hessian there is block-structured by the symmetry; this value is checked against the exact Hessian
 * in the tests.
 */
export const FC_GLOBAL_LAMBDA_MIN = 0.25 - 1 / (2 * Math.PI);
