/** What a CNN training run reports about a point: the quantities the paper's analysis tracks. */
export interface CnnSnapshot {
  /** Population loss ℓ. */
  readonly loss: number;
  /** ‖∇ℓ‖ over (v, a) (over (w, a) for plain GD). */
  readonly gradNorm: number;
  /** ∠(v, w*) in [0, π]. */
  readonly phi: number;
  /** aᵀa* (for plain GD: the effective ‖w‖aᵀa*). */
  readonly aDotAstar: number;
  /** 1ᵀa (for plain GD: ‖w‖1ᵀa). */
  readonly oneDotA: number;
  /** ‖v‖ (for plain GD: ‖w‖). */
  readonly vNorm: number;
  /** ‖a − a*‖ (for plain GD: ‖‖w‖a − a*‖). */
  readonly aError: number;
}

export interface CnnTrajectoryPoint {
  readonly step: number;
  readonly loss: number;
  readonly phi: number;
  readonly aDotAstar: number;
  readonly oneDotA: number;
  readonly vNorm: number;
}

export function trajectoryPoint(step: number, snap: CnnSnapshot): CnnTrajectoryPoint {
  return {
    step,
    loss: snap.loss,
    phi: snap.phi,
    aDotAstar: snap.aDotAstar,
    oneDotA: snap.oneDotA,
    vNorm: snap.vNorm,
  };
}

/**
 * A finite stand-in snapshot for a diverged run, for the optimiser's internal use only (so that no
 * NaN or infinity propagates): the trial result (experiments/cnn/trial.ts) reports the end state of a
 * diverged run as null, never these numbers.
 */
export function divergedSnapshot(phi: number, r: number): CnnSnapshot {
  const fin = (v: number) => (Number.isFinite(v) ? v : 0);
  return {
    loss: Number.MAX_VALUE,
    gradNorm: Number.MAX_VALUE,
    phi: fin(phi),
    aDotAstar: 0,
    oneDotA: 0,
    vNorm: fin(r),
    aError: Number.MAX_VALUE,
  };
}
