/**
 * Outcome rules for CNN runs with an activation other than ReLU (the full-vector loop, full-vector.ts),
 * where the ReLU certificates of rules.ts do not apply. With N = ‖a*‖², A = (m2 − μ²)I + μ²11ᵀ:
 *
 * global      φ < 1e-3 and ‖a − a*‖ < 1e-3·‖a*‖ (the ReLU tolerances); for an odd σ (tanh, erf,
 *             linear) also the mirror image φ > π − 1e-3 and ‖a + a*‖ < 1e-3·‖a*‖, since (−w*, −a*)
 *             computes the same function as the teacher. As an early stop it also needs
 *             the global minimum to be linearly stable for this step at ‖v‖ = r:
 *             η·max(λ_max(A), N·κ'(1)/r²) < 2 (there q = 0, so the Hessian is A on a and
 *             N·κ'(1)/r² on the directions of v orthogonal to v, with no cross term).
 * spurious    the end point (budget spent, or ‖∇ℓ‖ < 1e-12·max(1, √N) early) is stationary,
 *             ‖∇ℓ‖ < 1e-4·√N, not global, and its Hessian has no negative eigenvalue (index 0 of
 *             src/math/spectrum.ts; the one zero mode along v is the scale invariance of WN):
 *             a local minimum that is not global, judged numerically.
 * saddle      stationary as above with a negative Hessian eigenvalue.
 * diverged    a non-finite or huge iterate (the shared convention of train/contract.ts).
 * unconverged none of these.
 */
import { booleanArgument } from "../../core/arguments.js";
import { positiveNumber } from "../../core/validate.js";
import { hessianSpectrum } from "../../math/spectrum.js";
import { type CnnActivationKernel, checkCnnKernel } from "../../models/cnn/activation-kernel.js";
import { populationHessian } from "../../models/cnn/population.js";
import { kernelACurvature } from "../../models/cnn/protocol.js";
import type { CnnSnapshot } from "../../models/cnn/snapshot.js";
import { type CnnTeacher, checkCnnTeacher } from "../../models/cnn/teacher.js";
import { isDivergentUnchecked, type StopReason } from "../contract.js";
import { GLOBAL_A_TOL, GLOBAL_ANGLE_TOL, SADDLE_GRAD_TOL } from "./rules.js";
import { type CnnOutcome, type CnnRules, cnnSnapshotDiverged } from "./run.js";

/** ‖∇ℓ‖ below this times max(1, ‖a*‖) stops a run early as stationary. */
export const STATIONARY_EARLY_TOL = 1e-12;

export class CnnKernelRules implements CnnRules {
  readonly N: number;
  readonly eta: number;
  readonly aTol2: number;
  /** λ_max(A) = m2 − μ² + kμ². */
  readonly aCurvature: number;
  /** κ'(1): the angular curvature factor of the global minimum. */
  readonly dkappaAtOne: number;

  constructor(
    readonly teacher: CnnTeacher,
    readonly kernel: CnnActivationKernel,
    eta: number,
    /** σ(−x) = −σ(x): the mirrored teacher is a global minimum too. */
    readonly odd = false,
    /** The steps use a sampled gradient: a tiny population gradient is then no reason to stop. */
    readonly sampled = false,
  ) {
    checkCnnTeacher(teacher);
    checkCnnKernel("kernel", kernel);
    positiveNumber("eta", eta);
    booleanArgument("odd", odd);
    booleanArgument("sampled", sampled);
    let N = 0;
    for (const x of teacher.a) N += x * x;
    this.N = N;
    this.eta = eta;
    this.aTol2 = GLOBAL_A_TOL * GLOBAL_A_TOL * N;
    this.aCurvature = kernelACurvature(kernel, teacher.a.length);
    this.dkappaAtOne = kernel.dkappa(1);
  }

  /** ‖a + a*‖² = ‖a − a*‖² + 4aᵀa* gives the mirrored test from the same snapshot. */
  isGlobal(phi: number, aError2: number, aDotAstar = 0): boolean {
    if (phi < GLOBAL_ANGLE_TOL && aError2 < this.aTol2) return true;
    return this.odd && phi > Math.PI - GLOBAL_ANGLE_TOL && aError2 + 4 * aDotAstar < this.aTol2;
  }

  globalSettled(phi: number, aError2: number, r: number, aDotAstar = 0): boolean {
    return (
      this.isGlobal(phi, aError2, aDotAstar) &&
      this.eta * Math.max(this.aCurvature, (this.N * this.dkappaAtOne) / (r * r)) < 2
    );
  }

  stationary(gradNorm: number): boolean {
    return gradNorm < STATIONARY_EARLY_TOL * Math.max(1, Math.sqrt(this.N));
  }

  diverged(snap: CnnSnapshot): boolean {
    return cnnSnapshotDiverged(snap, isDivergentUnchecked);
  }

  earlyStop(snap: CnnSnapshot): StopReason | undefined {
    if (this.globalSettled(snap.phi, snap.aError * snap.aError, snap.vNorm, snap.aDotAstar)) return "global";
    if (!this.sampled && this.stationary(snap.gradNorm)) return "stationary";
    return undefined;
  }

  /** The outcome of a run that ended for `stop` at (v, a) with snapshot `snap`. */
  classify(stop: StopReason, snap: CnnSnapshot, v: Float64Array, a: Float64Array): CnnOutcome {
    if (stop === "diverged") return "diverged";
    if (stop === "global" || this.isGlobal(snap.phi, snap.aError * snap.aError, snap.aDotAstar))
      return "global";
    if (!(snap.gradNorm < SADDLE_GRAD_TOL * Math.sqrt(this.N))) return "unconverged";
    const spectrum = hessianSpectrum(populationHessian(this.teacher, v, a, this.kernel));
    return spectrum.index > 0 ? "saddle" : "spurious";
  }
}
