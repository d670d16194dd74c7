/**
 * The CNN's per-sample term written out on its own, as the tests' oracle: the Monte Carlo tests average
 * it against the closed-form population loss, and the library's batch gradient
 * (src/models/cnn/sampled.ts) must equal its sum bit for bit. It shares no code with the library.
 */
import type { CnnTeacher } from "../../src/models/cnn/teacher.js";

/**
 * ½r² of sample `index` and (optionally) its gradient added, times `weight`, into gv/ga.
 * `normalised` selects WN (v-parameter) or plain (w-parameter) gradients.
 */
export function cnnSampleTerm(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  patches: Float64Array,
  index: number,
  grad?: { v: Float64Array; a: Float64Array; weight: number; normalised: boolean },
  scratch: Float64Array = new Float64Array(v.length),
): number {
  const p = v.length;
  const k = a.length;
  let r2 = 0;
  for (let i = 0; i < p; i++) r2 += v[i] * v[i];
  const norm = Math.sqrt(r2);
  const inv = grad?.normalised === false ? 1 : 1 / norm;
  const base = index * k * p;
  let f = 0;
  let y = 0;
  const tw = teacher.w;
  const ta = teacher.a;
  for (let j = 0; j < k; j++) {
    const off = base + j * p;
    let u = 0;
    let us = 0;
    for (let i = 0; i < p; i++) {
      const z = patches[off + i];
      u += v[i] * z;
      us += tw[i] * z;
    }
    u *= inv;
    if (u > 0) f += a[j] * u;
    if (us > 0) y += ta[j] * us;
  }
  const res = f - y;
  if (grad) {
    const c = grad.weight * res;
    scratch.fill(0);
    for (let j = 0; j < k; j++) {
      const off = base + j * p;
      let u = 0;
      for (let i = 0; i < p; i++) u += v[i] * patches[off + i];
      if (u > 0) {
        grad.a[j] += c * u * inv;
        for (let i = 0; i < p; i++) scratch[i] += a[j] * patches[off + i];
      }
    }
    if (grad.normalised) {
      // (1/‖v‖)(I − wwᵀ)·scratch
      let proj = 0;
      for (let i = 0; i < p; i++) proj += v[i] * scratch[i];
      proj /= r2;
      for (let i = 0; i < p; i++) grad.v[i] += (c * (scratch[i] - proj * v[i])) / norm;
    } else {
      for (let i = 0; i < p; i++) grad.v[i] += c * scratch[i];
    }
  }
  return 0.5 * res * res;
}
