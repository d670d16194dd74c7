/**
 * Outcome rules for CNN training runs (ReLU, population or sampled), and the early-stopping tests
 * that decide an outcome before the budget runs out. N = ‖a*‖², S = 1ᵀa*, c_k = (k+π−1)/(2π),
 * α = (π−1)/(2π), g(φ) = (π − φ)cos φ + sin φ.
 *
 * global    φ < 1e-3 and ‖a − a*‖ < 1e-3·‖a*‖. As an early stop it also needs the global minimum to be
 *           linearly stable for this step at the current ‖v‖ = r, η·max(c_k, N/(2r²)) < 2 (the Hessian
 *           there is N/(2r²) on the angle and A on a, with no cross term), so the run cannot leave.
 * spurious  early: the certificate below holds (exact WN-GD on the population loss only); at the end
 *           of the budget when no certificate applies (sampled gradients, plain GD, or η·c_k > 1): the
 *           rule φ > π/2 and aᵀa* < 0, when the spurious point is a local minimum.
 * saddle    at the end of the budget: the saddle cone exists, |φ − φ_s| < 1e-2 and ‖∇ℓ‖ < 1e-4·‖a*‖.
 * diverged  a non-finite or huge iterate, at any step (the shared convention of train/contract.ts).
 * unconverged  none of these when the budget runs out.
 *
 * The spurious certificate (a forward-invariant region attracted to the spurious point). Suppose
 * η·c_k ≤ 1 (so also ηα < 1), and at step t: φ > π/2, s = aᵀa* < 0, z = 1ᵀa/S (when S ≠ 0),
 * z_lo = min(z, (k−1)/(k+π−1)), and
 *   (C1) (1 − g(φ))·N > S²(1 − z_lo),
 *   (C2) η·M/(2π r²) < 1 with M = max(|s|, D/α), D = (N + S²·max(0, z − 1))/(2π).
 * Then for all later steps: (i) 1ᵀa_{t+1} = (1 − ηc_k)1ᵀa_t + ηc_k·τ_t·S with τ = (k + g − 1)/(k+π−1) ∈
 * [(k−1)/(k+π−1), 1], a convex combination, so z stays ≥ z_lo and ≤ max(z, 1); (ii)
 * s_{t+1} = (1 − ηα)s_t + (η/2π)[(g(φ_t) − 1)N + S²(1 − z_t)], and the bracket is ≤ that of (C1) < 0 as
 * long as φ does not decrease (g decreases on [0, π]), so s stays < 0 and |s| ≤ M; (iii) with s < 0 the
 * v-step turns v away from w* by atan(|δ|/r) ≤ (π − φ)·η|s|/(2πr²) < π − φ by (C2) (r never decreases),
 * so φ rises monotonically without passing π. So the region is forward-invariant; in it s is bounded
 * away from 0, hence π − φ → 0 (sub-linearly, docs/du-cnn.md#the-spurious-point), and a → a_s because the a-map is a
 * contraction driven by g(φ_t) → 0. (C1) can hold only when S² < (k+π−1)N/π (the local-minimum
 * condition, since 1 − g ≤ 1 and 1 − z_lo ≥ π/(k+π−1)), and every run converging to the spurious
 * minimum eventually satisfies it (at the limit 1 − g = 1 and z = (k−1)/(k+π−1)).
 *
 * p = 1: v ∈ R \ {0} cannot turn, so φ ∈ {0, π} for ever; at φ = π the loss is strictly convex in a with
 * minimum a_s, a local minimum of the one-dimensional landscape, and with η·c_k ≤ 1 the a-map contracts
 * to it. Such runs are `spurious` from the start (whatever the ratio).
 */

import { booleanArgument } from "../../core/arguments.js";
import { positiveNumber } from "../../core/validate.js";
import { reluG } from "../../models/cnn/activation-kernel.js";
import { reluACurvature } from "../../models/cnn/protocol.js";
import type { CnnSnapshot } from "../../models/cnn/snapshot.js";
import { isSpuriousLocalMinimum, saddleAngle } from "../../models/cnn/stationary.js";
import { type CnnTeacher, checkCnnTeacher } from "../../models/cnn/teacher.js";
import { isDivergentUnchecked, type StopReason } from "../contract.js";
import { type CnnOutcome, type CnnRules, cnnSnapshotDiverged } from "./run.js";

export const GLOBAL_ANGLE_TOL = 1e-3;
export const GLOBAL_A_TOL = 1e-3;
export const SADDLE_ANGLE_TOL = 1e-2;
export const SADDLE_GRAD_TOL = 1e-4;

const TWO_PI = 2 * Math.PI;

export class CnnStopRules implements CnnRules {
  readonly k: number;
  readonly S: number;
  readonly N: number;
  readonly eta: number;
  readonly ck: number;
  readonly alpha = (Math.PI - 1) / TWO_PI;
  readonly tauMin: number;
  readonly aTol2: number;
  readonly spuriousIsLocalMin: boolean;
  readonly phiSaddle: number | undefined;
  /** p = 1: the filter cannot turn, so φ stays 0 or π for ever. */
  readonly filterFixed: boolean;
  /** Whether the spurious certificate's step-size premise η·c_k ≤ 1 holds. */
  readonly certificateApplies: boolean;

  constructor(teacher: CnnTeacher, eta: number, exactPopulationWnGd: boolean) {
    checkCnnTeacher(teacher);
    positiveNumber("eta", eta);
    booleanArgument("exactPopulationWnGd", exactPopulationWnGd);
    let S = 0;
    let N = 0;
    for (const x of teacher.a) {
      S += x;
      N += x * x;
    }
    this.k = teacher.a.length;
    this.S = S;
    this.N = N;
    this.eta = eta;
    this.ck = reluACurvature(this.k);
    this.tauMin = (this.k - 1) / (this.k + Math.PI - 1);
    this.aTol2 = GLOBAL_A_TOL * GLOBAL_A_TOL * N;
    this.spuriousIsLocalMin = isSpuriousLocalMinimum(teacher);
    this.phiSaddle = saddleAngle(teacher);
    this.filterFixed = teacher.w.length === 1;
    this.certificateApplies =
      exactPopulationWnGd && eta * this.ck <= 1 && (this.spuriousIsLocalMin || this.filterFixed);
  }

  isGlobal(phi: number, aError2: number): boolean {
    return phi < GLOBAL_ANGLE_TOL && aError2 < this.aTol2;
  }

  /** The global early stop: inside the tolerance and the global minimum is linearly stable at this r. */
  globalSettled(phi: number, aError2: number, r: number): boolean {
    return this.isGlobal(phi, aError2) && this.eta * Math.max(this.ck, this.N / (2 * r * r)) < 2;
  }

  /** The spurious certificate (C1, C2) above; only for exact population WN-GD with η·c_k ≤ 1. */
  spuriousCertified(phi: number, s: number, oneA: number, r: number): boolean {
    if (!this.certificateApplies || !(phi > Math.PI / 2)) return false;
    if (this.filterFixed) return true;
    if (!(s < 0)) return false;
    const S = this.S;
    let rhs = 0;
    let excess = 0;
    if (S !== 0) {
      const z = oneA / S;
      rhs = S * S * (1 - Math.min(z, this.tauMin));
      excess = S * S * Math.max(0, z - 1);
    }
    if (!((1 - reluG(phi)) * this.N > rhs)) return false;
    const M = Math.max(-s, (this.N + excess) / TWO_PI / this.alpha);
    return (this.eta * M) / (TWO_PI * r * r) < 1;
  }

  diverged(snap: CnnSnapshot): boolean {
    return cnnSnapshotDiverged(snap, isDivergentUnchecked);
  }

  earlyStop(snap: CnnSnapshot): StopReason | undefined {
    if (this.globalSettled(snap.phi, snap.aError * snap.aError, snap.vNorm)) return "global";
    if (this.spuriousCertified(snap.phi, snap.aDotAstar, snap.oneDotA, snap.vNorm)) return "spurious";
    return undefined;
  }

  /** The outcome of a run that ended for `stop` at `snap` (the ReLU rules need no end point). */
  classify(stop: StopReason, snap: CnnSnapshot, _v?: Float64Array, _a?: Float64Array): CnnOutcome {
    if (stop === "diverged") return "diverged";
    if (stop === "global") return "global";
    if (stop === "spurious") return "spurious";
    if (this.isGlobal(snap.phi, snap.aError * snap.aError)) return "global";
    if (this.certificateApplies) {
      if (this.spuriousCertified(snap.phi, snap.aDotAstar, snap.oneDotA, snap.vNorm)) return "spurious";
    } else if (
      snap.phi > Math.PI / 2 &&
      (this.filterFixed || (this.spuriousIsLocalMin && snap.aDotAstar < 0))
    ) {
      return "spurious";
    }
    if (
      this.phiSaddle !== undefined &&
      Math.abs(snap.phi - this.phiSaddle) < SADDLE_ANGLE_TOL &&
      snap.gradNorm < SADDLE_GRAD_TOL * Math.sqrt(this.N)
    )
      return "saddle";
    return "unconverged";
  }
}
