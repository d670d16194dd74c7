/**
 * Full-vector CNN training: population WN-GD (Algorithm 1) on v ∈ R^p, a ∈ R^k — the reference the
 * reduction (cnn-reduced.ts) is tested against — and the general loop used for plain GD on (w, a)
 * and for finite-sample GD / mini-batch SGD, which take their gradient from a callback.
 * All updates are simultaneous: both blocks' gradients are taken at (v_t, a_t).
 */
import { filterAngle } from "../models/cnn/filter-angle.js";
import type { CnnTeacher } from "../models/cnn/teacher.js";
import { type CnnStopRules, DIVERGENCE_LIMIT } from "./cnn-outcome.js";
import { type CnnRunOptions, divergedSnapshot, trajectoryPoint } from "./cnn-reduced.js";
import type { CnnRunEnd, CnnSnapshot, CnnStopReason } from "./cnn-snapshot.js";

const PI = Math.PI;
const TWO_PI = 2 * Math.PI;

/**
 * The population quantities at (v, a) for the ReLU CNN; `plain` = true reads v as the unnormalised
 * filter w of plain GD, whose effective output weights are ‖w‖a (ReLU is positively homogeneous).
 * When `grad` is given, the gradient (in v or w, and a) is written into it.
 */
export function cnnPopulationState(
  teacher: CnnTeacher,
  v: Float64Array,
  a: Float64Array,
  plain = false,
  grad?: { v: Float64Array; a: Float64Array },
): CnnSnapshot {
  const p = v.length;
  const k = a.length;
  const tw = teacher.w;
  const ta = teacher.a;
  const { r, rho, sinPhi, phi } = filterAngle(v, tw);
  const g = (PI - phi) * rho + sinPhi;
  const scale = plain ? r : 1; // effective output weights b = scale·a
  let s = 0;
  let oneA = 0;
  let S = 0;
  let err2 = 0;
  for (let j = 0; j < k; j++) {
    const b = scale * a[j];
    s += b * ta[j];
    oneA += b;
    S += ta[j];
    err2 += (b - ta[j]) ** 2;
  }
  const oneErr = oneA - S;
  const loss = 0.5 * (((PI - 1) * err2 + oneErr * oneErr) / TWO_PI) + ((PI - g) / TWO_PI) * s;
  // ∇_b ℓ = A(b − a*) + ((π − g)/(2π))a*;  ∇_v ℓ (WN) = −((π − φ)/(2π))·s_b·q/‖v‖.
  let gradNorm2 = 0;
  let bDotGradB = 0;
  for (let j = 0; j < k; j++) {
    const gb = ((PI - 1) * (scale * a[j] - ta[j]) + oneErr + (PI - g) * ta[j]) / TWO_PI;
    bDotGradB += a[j] * gb;
    const ga = scale * gb;
    if (grad) grad.a[j] = ga;
    gradNorm2 += ga * ga;
  }
  const cv = (-(PI - phi) * s) / (TWO_PI * r);
  for (let i = 0; i < p; i++) {
    const qi = tw[i] - (rho * v[i]) / r;
    // plain GD on w (b = ‖w‖a): ∂ℓ/∂w = ŵ·(aᵀ∇_bℓ) + (the WN v-gradient at v = w with weights b).
    const gv = plain ? (v[i] / r) * bDotGradB + cv * qi : cv * qi;
    if (grad) grad.v[i] = gv;
    gradNorm2 += gv * gv;
  }
  return {
    loss,
    gradNorm: Math.sqrt(gradNorm2),
    phi,
    aDotAstar: s,
    oneDotA: oneA,
    vNorm: r,
    aError: Math.sqrt(err2),
  };
}

export type CnnGradientStep = (
  v: Float64Array,
  a: Float64Array,
  step: number,
  out: { v: Float64Array; a: Float64Array },
) => void;

/**
 * Population WN-GD on full vectors, allocation-free: the same arithmetic as `cnnPopulationState`,
 * with the snapshot built only at recorded steps and at the end. v and a are updated in place.
 */
function runFullWnGd(
  teacher: CnnTeacher,
  v: Float64Array,
  a: Float64Array,
  rules: CnnStopRules,
  options: CnnRunOptions,
): CnnRunEnd {
  const { eta, maxSteps, recorder, lossSeries } = options;
  const earlyStop = options.earlyStop ?? true;
  const p = v.length;
  const k = a.length;
  const tw = teacher.w;
  const ta = teacher.a;
  let S = 0;
  for (let j = 0; j < k; j++) S += ta[j];
  let tw2 = 0;
  for (let i = 0; i < p; i++) tw2 += tw[i] * tw[i];
  const h = eta / TWO_PI;
  let stop: CnnStopReason = "budget";
  // r2, vw, s, oneA of the current iterate; each update loop accumulates them for the next one.
  let r2 = 0;
  let vw = 0;
  for (let i = 0; i < p; i++) {
    r2 += v[i] * v[i];
    vw += v[i] * tw[i];
  }
  let s = 0;
  let oneA = 0;
  for (let j = 0; j < k; j++) {
    s += a[j] * ta[j];
    oneA += a[j];
  }
  let t = 0;
  for (; ; t++) {
    const r = Math.sqrt(r2);
    const rho = Math.min(1, Math.max(-1, vw / r));
    const c = rho / r;
    // ‖q‖² = ‖w*‖² − ρ² is well conditioned while |ρ| ≤ 0.9; nearer 0 or π sum the squares instead.
    let q2 = tw2 - rho * rho;
    if (rho * rho > 0.81) {
      q2 = 0;
      for (let i = 0; i < p; i++) {
        const qi = tw[i] - c * v[i];
        q2 += qi * qi;
      }
    }
    const sinPhi = Math.sqrt(q2);
    const phi = Math.atan2(sinPhi, rho);
    if (!(Math.abs(s) + Math.abs(oneA) + r < DIVERGENCE_LIMIT)) {
      stop = "diverged";
      break;
    }
    if (earlyStop) {
      if (phi < 1e-3) {
        let err2 = 0;
        for (let j = 0; j < k; j++) err2 += (a[j] - ta[j]) * (a[j] - ta[j]);
        if (rules.globalSettled(phi, err2, r)) {
          stop = "global";
          break;
        }
      } else if (phi > PI / 2 && rules.spuriousCertified(phi, s, oneA, r)) {
        stop = "spurious";
        break;
      }
    }
    if (lossSeries?.wants(t)) lossSeries.add(t, cnnPopulationState(teacher, v, a).loss);
    if (recorder?.wants(t)) recorder.push(trajectoryPoint(t, cnnPopulationState(teacher, v, a)));
    if (t >= maxSteps) break;
    const g = (PI - phi) * rho + sinPhi;
    const cv = (h * (PI - phi) * s) / r; // v ← v + η((π − φ)/(2π))·s·q/r
    const gap = PI - g;
    const common = oneA - S;
    const keep = 1 - cv * c;
    r2 = 0;
    vw = 0;
    for (let i = 0; i < p; i++) {
      const vi = keep * v[i] + cv * tw[i];
      v[i] = vi;
      r2 += vi * vi;
      vw += vi * tw[i];
    }
    s = 0;
    oneA = 0;
    for (let j = 0; j < k; j++) {
      const aj = a[j] - h * ((PI - 1) * (a[j] - ta[j]) + common + gap * ta[j]);
      a[j] = aj;
      s += aj * ta[j];
      oneA += aj;
    }
  }
  const snap = cnnPopulationState(teacher, v, a);
  return { steps: t, stop, snapshot: stop === "diverged" ? divergedSnapshot(snap.phi, snap.vNorm) : snap };
}

/**
 * The general loop: v ← v − η·gv, a ← a − η·ga, with (gv, ga) from `gradient` (or, when omitted,
 * the population gradient), checking the outcome rules on the population quantities.
 * `plain` selects plain GD on (w, a). v and a are updated in place.
 */
export function runFullCnn(
  teacher: CnnTeacher,
  v: Float64Array,
  a: Float64Array,
  rules: CnnStopRules,
  options: CnnRunOptions & { readonly plain?: boolean; readonly gradient?: CnnGradientStep },
): CnnRunEnd {
  const { eta, maxSteps, recorder, lossSeries, gradient } = options;
  const plain = options.plain ?? false;
  if (!plain && !gradient) return runFullWnGd(teacher, v, a, rules, options);
  const earlyStop = options.earlyStop ?? true;
  const p = v.length;
  const k = a.length;
  const grad = { v: new Float64Array(p), a: new Float64Array(k) };
  let stop: CnnStopReason = "budget";
  let t = 0;
  let snap: CnnSnapshot;
  for (; ; t++) {
    snap = cnnPopulationState(teacher, v, a, plain, gradient ? undefined : grad);
    if (!(Math.abs(snap.aDotAstar) + snap.vNorm + snap.aError < DIVERGENCE_LIMIT) || snap.vNorm === 0) {
      stop = "diverged";
      break;
    }
    if (earlyStop) {
      if (rules.globalSettled(snap.phi, snap.aError * snap.aError, snap.vNorm)) {
        stop = "global";
        break;
      }
      if (
        !plain &&
        !gradient &&
        rules.spuriousCertified(snap.phi, snap.aDotAstar, snap.oneDotA, snap.vNorm)
      ) {
        stop = "spurious";
        break;
      }
    }
    if (lossSeries?.wants(t)) lossSeries.add(t, snap.loss);
    if (recorder?.wants(t)) recorder.push(trajectoryPoint(t, snap));
    if (t >= maxSteps) break;
    if (gradient) gradient(v, a, t, grad);
    for (let i = 0; i < p; i++) v[i] -= eta * grad.v[i];
    for (let j = 0; j < k; j++) a[j] -= eta * grad.a[j];
  }
  if (stop === "diverged") snap = divergedSnapshot(snap.phi, snap.vNorm);
  return { steps: t, stop, snapshot: snap };
}
