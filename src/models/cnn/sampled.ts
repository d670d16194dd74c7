/**
 * The CNN on drawn inputs: the finite-n loss and gradient for finite-sample GD and SGD. An input
 * Z ∈ R^{p×k} is stored patch by patch: patch j of sample i is patches[(i·k + j)·p … +p]. Labels come
 * from the teacher, y = f(Z, w*, a*).
 *
 * Per sample, with r = f(Z, w, a) − y and w = v/‖v‖ (weight-normalised):
 *   ∂(½r²)/∂a_j = r·σ(wᵀZ_j),   ∂(½r²)/∂v = (r/‖v‖)(I − wwᵀ) Σ_j a_j 1[wᵀZ_j > 0] Z_j;
 * for plain GD on (w, a) the w-gradient is r·Σ_j a_j 1[wᵀZ_j > 0] Z_j.
 * ReLU (the model the paper trains) in the fast functions; any σ in `cnnSampledLossGradientFor`.
 */
import type { Activation } from "../../activations/activation.js";
import { booleanArgument, float64Argument, vectorArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { integerInRange } from "../../core/validate.js";
import { checkRng, type Rng } from "../../math/rng.js";
import type { CnnTeacher } from "./teacher.js";
import { checkCnnTeacher } from "./teacher.js";

/** n inputs of k patches of size p, i.i.d. N(0, 1) entries. */
export function drawCnnInputs(rng: Rng, n: number, k: number, p: number): Float64Array {
  checkRng("rng", rng);
  integerInRange("n", n, 1);
  integerInRange("k", k, 1);
  integerInRange("p", p, 1);
  return rng.normals(n * k * p);
}

export interface CnnSampledEvaluation {
  readonly loss: number;
  readonly v: Float64Array;
  readonly a: Float64Array;
}

/**
 * Checks a drawn data set against a teacher: `patches` a Float64Array of finite numbers holding
 * whole samples of k patches of size p; returns the number of samples.
 */
export function checkCnnPatches(teacher: CnnTeacher, patches: unknown): number {
  const size = teacher.a.length * teacher.w.length;
  const data = float64Argument("patches", patches);
  if (data.length % size !== 0)
    throw new InputError(
      "patches",
      `must hold whole samples of k·p = ${size} numbers`,
      `length ${data.length}`,
    );
  return data.length / size;
}

/** The samples to average over: a count n (the first n) or a list of sample indices, inside the data. */
export function checkCnnSampleIndices(indices: unknown, samples: number): void {
  if (typeof indices === "number") {
    integerInRange("indices", indices, 1, samples);
    return;
  }
  const list = vectorArgument("indices", indices);
  for (let t = 0; t < list.length; t++) integerInRange(`indices[${t}]`, list[t], 0, samples - 1);
}

/**
 * Mean loss and gradient over the samples `indices` (default: all n) of a drawn data set.
 * `normalised` = true for the weight-normalised parameter v, false for plain w.
 */
export function cnnSampledLossGradient(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  patches: Float64Array,
  indices: ArrayLike<number> | number,
  normalised = true,
): CnnSampledEvaluation {
  checkCnnTeacher(teacher);
  vectorArgument("v", v, teacher.w.length);
  vectorArgument("a", a, teacher.a.length);
  checkCnnSampleIndices(indices, checkCnnPatches(teacher, patches));
  booleanArgument("normalised", normalised);
  return cnnSampledLossGradientUnchecked(teacher, v, a, patches, indices, normalised);
}

/**
 * The teacher's output y_i = Σ_j a*_j σ(w*ᵀZ_ij) on every sample of a data set: fixed for the data,
 * so finite-sample GD computes the labels once instead of at every step.
 */
export function cnnSampleLabels(teacher: CnnTeacher, patches: Float64Array): Float64Array {
  const p = teacher.w.length;
  const k = teacher.a.length;
  const n = patches.length / (k * p);
  const labels = new Float64Array(n);
  for (let t = 0; t < n; t++) labels[t] = teacherOutput(teacher, patches, t * k * p);
  return labels;
}

function teacherOutput(teacher: CnnTeacher, patches: Float64Array, base: number): number {
  const tw = teacher.w;
  const ta = teacher.a;
  const p = tw.length;
  let y = 0;
  for (let j = 0; j < ta.length; j++) {
    const off = base + j * p;
    let us = 0;
    for (let i = 0; i < p; i++) us += tw[i] * patches[off + i];
    if (us > 0) y += ta[j] * us;
  }
  return y;
}

/**
 * `cnnSampledLossGradient` for the trial's steps (its arguments checked once, before the run), with
 * the labels of `cnnSampleLabels` when the data set is fixed. Each wᵀZ_j is computed once and kept
 * for the gradient; the arithmetic is that of the tests' per-sample oracle (test/helpers/cnn-sample-term.ts),
 * operation for operation, so the result is bit-identical to summing it (a test checks).
 */
export function cnnSampledLossGradientUnchecked(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  patches: Float64Array,
  indices: ArrayLike<number> | number,
  normalised = true,
  labels?: Float64Array,
): CnnSampledEvaluation {
  const p = v.length;
  const k = a.length;
  const count = typeof indices === "number" ? indices : indices.length;
  const gv = new Float64Array(p);
  const ga = new Float64Array(k);
  const weight = 1 / count;
  const scratch = new Float64Array(p);
  const u = new Float64Array(k);
  let r2 = 0;
  for (let i = 0; i < p; i++) r2 += v[i] * v[i];
  const norm = Math.sqrt(r2);
  const inv = normalised ? 1 / norm : 1;
  let loss = 0;
  for (let t = 0; t < count; t++) {
    const index = typeof indices === "number" ? t : indices[t];
    const base = index * k * p;
    let f = 0;
    for (let j = 0; j < k; j++) {
      const off = base + j * p;
      let s = 0;
      for (let i = 0; i < p; i++) s += v[i] * patches[off + i];
      u[j] = s;
      const scaled = s * inv;
      if (scaled > 0) f += a[j] * scaled;
    }
    const res = f - (labels ? labels[index] : teacherOutput(teacher, patches, base));
    const c = weight * res;
    scratch.fill(0);
    for (let j = 0; j < k; j++) {
      if (u[j] > 0) {
        ga[j] += c * u[j] * inv;
        const off = base + j * p;
        const aj = a[j];
        for (let i = 0; i < p; i++) scratch[i] += aj * patches[off + i];
      }
    }
    if (normalised) {
      // (1/‖v‖)(I − wwᵀ)·scratch
      let proj = 0;
      for (let i = 0; i < p; i++) proj += v[i] * scratch[i];
      proj /= r2;
      for (let i = 0; i < p; i++) gv[i] += (c * (scratch[i] - proj * v[i])) / norm;
    } else {
      for (let i = 0; i < p; i++) gv[i] += c * scratch[i];
    }
    loss += 0.5 * res * res;
  }
  return { loss: loss / count, v: gv, a: ga };
}

/**
 * The weight-normalised finite-sample loss and gradient for any activation σ (the ReLU functions
 * above are its fast special case): per sample, with u_j = wᵀZ_j and r = Σ_j a_j σ(u_j) − y,
 *   ∂(½r²)/∂a_j = r·σ(u_j),   ∂(½r²)/∂v = (r/‖v‖)(I − wwᵀ) Σ_j a_j σ'(u_j) Z_j.
 * The teacher's labels are y = Σ_j a*_j σ(w*ᵀZ_j) with the unit w* of `teacher`.
 */
export function cnnSampledLossGradientFor(
  activation: Pick<Activation, "value" | "d1">,
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  patches: Float64Array,
  indices: ArrayLike<number> | number,
): CnnSampledEvaluation {
  const p = v.length;
  const k = a.length;
  const count = typeof indices === "number" ? indices : indices.length;
  let r2 = 0;
  for (let i = 0; i < p; i++) r2 += v[i] * v[i];
  const norm = Math.sqrt(r2);
  const gv = new Float64Array(p);
  const ga = new Float64Array(k);
  const u = new Float64Array(k);
  const scratch = new Float64Array(p);
  let loss = 0;
  for (let t = 0; t < count; t++) {
    const base = (typeof indices === "number" ? t : indices[t]) * k * p;
    let res = 0;
    for (let j = 0; j < k; j++) {
      const off = base + j * p;
      let uj = 0;
      let us = 0;
      for (let i = 0; i < p; i++) {
        uj += v[i] * patches[off + i];
        us += teacher.w[i] * patches[off + i];
      }
      u[j] = uj / norm;
      res += a[j] * activation.value(u[j]) - teacher.a[j] * activation.value(us);
    }
    loss += 0.5 * res * res;
    const c = res / count;
    for (let j = 0; j < k; j++) {
      ga[j] += c * activation.value(u[j]);
      const slope = c * a[j] * activation.d1(u[j]);
      const off = base + j * p;
      for (let i = 0; i < p; i++) scratch[i] += slope * patches[off + i];
    }
  }
  // (1/‖v‖)(I − wwᵀ)·scratch
  let proj = 0;
  for (let i = 0; i < p; i++) proj += v[i] * scratch[i];
  proj /= r2;
  for (let i = 0; i < p; i++) gv[i] = (scratch[i] - proj * v[i]) / norm;
  return { loss: loss / count, v: gv, a: ga };
}
