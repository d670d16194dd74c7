/**
 * Exact low-dimensional reduction of population WN-GD on the ReLU CNN (docs/du-cnn.md#the-exact-reduction): the fast path.
 *
 * v-block: in the plane of v_t and w*, one step adds δ = η·s·(π − φ)·sin φ/(2π r) along the unit
 * vector from v_t towards w* (s = aᵀa*, r = ‖v‖), which turns v by θ = atan2(δ, r) and gives
 * r' = √(r² + δ²), φ' = |φ − θ| (reflected into [0, π]). p enters only through the law of φ₀.
 * a-block: with e₁ = 1/√k, e₂ the unit vector along the part of a* orthogonal to 1, a* = (S/√k)e₁ + m e₂
 * and a = x e₁ + y e₂ + c (c ⊥ e₁, e₂):
 *   x ← x − (η/2π)[(k+π−1)x − (k+g−1)S/√k],  y ← y − (η/2π)[(π−1)y − (g−1)m],  c ← (1 − η(π−1)/(2π))c,
 * so the state is (φ, r, x, y, ‖c‖), and aᵀa* = xS/√k + ym, 1ᵀa = √k·x. The angle is carried as φ itself
 * (with cos φ, sin φ updated by the same rotation and re-synchronised every 256 steps), so it stays
 * accurate at φ → 0 and φ → π where a cosine would lose half its digits.
 */

import { objectArgument, vectorArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { finiteNumber, integerInRange, numberInRange } from "../../core/validate.js";
import { angleBetweenUnchecked } from "../../math/angle.js";
import { type CnnSnapshot, divergedSnapshot, trajectoryPoint } from "../../models/cnn/snapshot.js";
import { type CnnTeacher, checkCnnTeacher } from "../../models/cnn/teacher.js";
import { isDivergentUnchecked, type StopReason } from "../contract.js";
import { CnnStopRules } from "./rules.js";
import { type CnnRunEnd, type CnnRunOptions, checkCnnRunOptions } from "./run.js";

const PI = Math.PI;
const TWO_PI = 2 * Math.PI;

export interface CnnReducedSystem {
  readonly k: number;
  /** 1ᵀa*. */
  readonly S: number;
  /** ‖a*‖². */
  readonly N: number;
  /** S/√k, the e₁-coordinate of a*. */
  readonly sk: number;
  /** ‖a* − (S/k)1‖, the e₂-coordinate of a*. */
  readonly m: number;
}

export interface CnnReducedState {
  phi: number;
  r: number;
  x: number;
  y: number;
  /** ‖c‖. */
  c: number;
}

/** The reduced system of a teacher and the reduced state of a full point (v, a); v must be non-zero. */
export function reduceCnn(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
): { system: CnnReducedSystem; state: CnnReducedState } {
  checkCnnTeacher(teacher);
  vectorArgument("v", v, teacher.w.length);
  vectorArgument("a", a, teacher.a.length);
  const k = a.length;
  const sqrtK = Math.sqrt(k);
  let S = 0;
  let N = 0;
  for (const t of teacher.a) {
    S += t;
    N += t * t;
  }
  // e₂ ∝ a* − (S/k)1, orthogonalised against 1 twice (one pass leaves a rounding-size part along 1,
  // which matters when a* is nearly parallel to 1); a part below 1e-14‖a*‖ counts as zero.
  const perp = Float64Array.from(teacher.a, (t) => t - S / k);
  let drift = 0;
  for (const t of perp) drift += t;
  for (let i = 0; i < k; i++) perp[i] -= drift / k;
  let m2 = 0;
  for (const t of perp) m2 += t * t;
  let m = Math.sqrt(m2);
  if (m <= 1e-14 * Math.sqrt(N)) {
    m = 0;
    perp.fill(0);
  }
  let oneA = 0;
  for (let i = 0; i < k; i++) oneA += a[i];
  const x = oneA / sqrtK;
  let y = 0;
  if (m > 0) for (let i = 0; i < k; i++) y += (a[i] * perp[i]) / m;
  let c2 = 0;
  for (let i = 0; i < k; i++) {
    const ci = a[i] - x / sqrtK - (m > 0 ? (y * perp[i]) / m : 0);
    c2 += ci * ci;
  }
  const phi = angleBetweenUnchecked(v, teacher.w);
  if (phi === undefined) throw new InputError("v", "must be a non-zero vector (w = v/‖v‖)");
  let r2 = 0;
  for (let i = 0; i < v.length; i++) r2 += v[i] * v[i];
  return {
    system: { k, S, N, sk: S / sqrtK, m },
    state: { phi, r: Math.sqrt(r2), x, y, c: Math.sqrt(c2) },
  };
}

/** The population loss at the reduced state (phi, x, y, c); `reducedSnapshot` reports the same number. */
export function reducedLoss(sys: CnnReducedSystem, phi: number, x: number, y: number, c: number): number {
  const { k, sk, m } = sys;
  const g = (PI - phi) * Math.cos(phi) + Math.sin(phi);
  const s = x * sk + y * m;
  const dx = x - sk;
  const dy = y - m;
  const aError2 = dx * dx + dy * dy + c * c;
  return 0.5 * (((PI - 1) * aError2 + k * dx * dx) / TWO_PI) + ((PI - g) / TWO_PI) * s;
}

/** Everything a run reports, from the reduced state. */
export function reducedSnapshot(sys: CnnReducedSystem, st: CnnReducedState): CnnSnapshot {
  const { k, sk, m } = sys;
  const { phi, r, x, y, c } = st;
  const g = (PI - phi) * Math.cos(phi) + Math.sin(phi);
  const s = x * sk + y * m;
  const dx = x - sk;
  const dy = y - m;
  const aError2 = dx * dx + dy * dy + c * c;
  const loss = reducedLoss(sys, phi, x, y, c);
  const gv = (s * (PI - phi) * Math.sin(phi)) / (TWO_PI * r);
  const gx = ((k + PI - 1) * x - (k + g - 1) * sk) / TWO_PI;
  const gy = ((PI - 1) * y - (g - 1) * m) / TWO_PI;
  const gc = ((PI - 1) * c) / TWO_PI;
  return {
    loss,
    gradNorm: Math.sqrt(gv * gv + gx * gx + gy * gy + gc * gc),
    phi,
    aDotAstar: s,
    oneDotA: Math.sqrt(k) * x,
    vNorm: r,
    aError: Math.sqrt(aError2),
  };
}

/**
 * Runs population WN-GD (Algorithm 1) on the reduced state, in place. Returns how it ended; the
 * final state is left in `state`.
 */
export function runReducedWnGd(
  sys: CnnReducedSystem,
  state: CnnReducedState,
  rules: CnnStopRules,
  options: CnnRunOptions,
): CnnRunEnd {
  checkReducedRun(sys, state, rules, options);
  const { eta, maxSteps, recorder, lossSeries } = options;
  const earlyStop = options.earlyStop ?? true;
  const { k, sk, m } = sys;
  const h = eta / TWO_PI;
  const ax = k + PI - 1;
  const ay = PI - 1;
  const cDecay = 1 - h * (PI - 1);
  let { phi, r, x, y, c } = state;
  let cos = Math.cos(phi);
  let sin = Math.sin(phi);
  let stop: StopReason = "budget";
  let t = 0;
  for (; ; t++) {
    const s = x * sk + y * m;
    if (earlyStop) {
      if (phi < 1e-3) {
        const dx = x - sk;
        const dy = y - m;
        if (rules.globalSettled(phi, dx * dx + dy * dy + c * c, r)) {
          stop = "global";
          break;
        }
      } else if (phi > PI / 2 && rules.spuriousCertified(phi, s, Math.sqrt(k) * x, r)) {
        stop = "spurious";
        break;
      }
    }
    if (lossSeries?.wants(t)) lossSeries.add(t, reducedLoss(sys, phi, x, y, c));
    if (recorder?.wants(t)) {
      recorder.push(trajectoryPoint(t, reducedSnapshot(sys, { phi, r, x, y, c })));
    }
    if (t >= maxSteps) break;
    const psi = PI - phi;
    const g = psi * cos + sin;
    const delta = (h * s * psi * sin) / r;
    x -= h * (ax * x - (k + g - 1) * sk);
    y -= h * (ay * y - (g - 1) * m);
    c *= cDecay;
    const r1 = Math.sqrt(r * r + delta * delta);
    const theta = Math.atan2(delta, r);
    // Rotate (cos φ, sin φ) by −θ: the angle of v_{t+1} to w* is φ − θ, reflected into [0, π].
    const cos1 = (r * cos + delta * sin) / r1;
    const sin1 = (r * sin - delta * cos) / r1;
    phi -= theta;
    if (phi < 0) phi = -phi;
    else if (phi > PI) phi = TWO_PI - phi;
    r = r1;
    if ((t & 255) === 255) {
      cos = Math.cos(phi);
      sin = Math.sin(phi);
    } else {
      cos = cos1;
      sin = Math.abs(sin1);
    }
    if (isDivergentUnchecked(Math.abs(x) + Math.abs(y) + c)) {
      stop = "diverged";
      t++;
      break;
    }
  }
  state.phi = phi;
  state.r = r;
  state.x = x;
  state.y = y;
  state.c = c;
  const snapshot = stop === "diverged" ? divergedSnapshot(state.phi, state.r) : reducedSnapshot(sys, state);
  return { steps: t, stop, snapshot };
}

/** The reduced system and state as `reduceCnn` makes them, the ReLU rules, and the run's options. */
function checkReducedRun(sys: unknown, state: unknown, rules: unknown, options: unknown): void {
  const s = objectArgument("system", sys, "the system of reduceCnn");
  integerInRange("system.k", s.k, 1);
  for (const f of ["S", "N", "sk", "m"]) finiteNumber(`system.${f}`, s[f]);
  const st = objectArgument("state", state, "the state of reduceCnn");
  numberInRange("state.phi", st.phi, 0, Math.PI);
  for (const f of ["r", "x", "y", "c"]) finiteNumber(`state.${f}`, st[f]);
  if (!((st.r as number) > 0))
    throw new InputError("state.r", "must be > 0 (‖v‖ of a non-zero filter)", st.r);
  if (!(rules instanceof CnnStopRules))
    throw new InputError("rules", "must be the ReLU rules (new CnnStopRules(teacher, eta, true))", rules);
  checkCnnRunOptions(options);
}
