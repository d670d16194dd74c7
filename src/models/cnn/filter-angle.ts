/**
 * The geometry of a filter v against the teacher's unit filter w*: ‖v‖, cos φ (clamped) and sin φ
 * from the component of w* orthogonal to v, so that φ = atan2(sin φ, cos φ) is accurate near 0
 * and π, where acos is not. Assumes v ≠ 0 (WN-GD never shrinks ‖v‖: each step adds a vector ⊥ v).
 */
export interface FilterAngle {
  /** ‖v‖ */
  readonly r: number;
  /** cos φ = v̂ᵀw*, clamped into [−1, 1] */
  readonly rho: number;
  /** sin φ = ‖w* − (v̂ᵀw*) v̂‖ */
  readonly sinPhi: number;
  /** φ ∈ [0, π] */
  readonly phi: number;
}

export function filterAngle(v: ArrayLike<number>, unitTeacherFilter: ArrayLike<number>): FilterAngle {
  const tw = unitTeacherFilter;
  const p = v.length;
  let r2 = 0;
  let vw = 0;
  for (let i = 0; i < p; i++) {
    r2 += v[i] * v[i];
    vw += v[i] * tw[i];
  }
  const r = Math.sqrt(r2);
  const rho = Math.min(1, Math.max(-1, vw / r));
  let q2 = 0;
  for (let i = 0; i < p; i++) {
    const qi = tw[i] - (rho * v[i]) / r;
    q2 += qi * qi;
  }
  const sinPhi = Math.sqrt(q2);
  return { r, rho, sinPhi, phi: Math.atan2(sinPhi, rho) };
}
