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

/** Why a run stopped: an early-stopping rule fired, the budget ran out, or the iterates blew up. */
export type CnnStopReason = "global" | "spurious" | "budget" | "diverged";

export interface CnnRunEnd {
  readonly steps: number;
  readonly stop: CnnStopReason;
  readonly snapshot: CnnSnapshot;
}

export interface CnnTrajectoryPoint {
  readonly step: number;
  readonly loss: number;
  readonly phi: number;
  readonly aDotAstar: number;
  readonly oneDotA: number;
  readonly vNorm: number;
}
