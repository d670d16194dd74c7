/**
 * Teacher networks: orthonormal (w*_j = e_j, the setting of Tian's symmetry analysis; needs d ≥ K),
 * random Gaussian (the author's convergence.py), or given rows (from a file, via networkFromJson).
 */
import { InputError } from "../../core/errors.js";
import { integerInRange, positiveNumber } from "../../core/validate.js";
import { checkRng, type Rng } from "../../math/rng.js";
import { type FcNetwork, makeNetwork } from "./network.js";

export type TeacherKind = "orthonormal" | "gaussian";

export function orthonormalTeacher(K: number, d: number, a?: Float64Array): FcNetwork {
  integerInRange("K", K, 1);
  integerInRange("d", d, 1);
  if (!(d >= K)) throw new InputError("d", `must be >= K = ${K} for an orthonormal teacher (w*_j = e_j)`, d);
  const W = new Float64Array(K * d);
  for (let j = 0; j < K; j++) W[j * d + j] = 1;
  return makeNetwork(K, d, W, a);
}

/** Entries i.i.d. N(0, scale²) (the author's code uses scale 1); redrawn rows are never zero in practice. */
export function gaussianTeacher(K: number, d: number, rng: Rng, scale = 1, a?: Float64Array): FcNetwork {
  integerInRange("K", K, 1);
  integerInRange("d", d, 1);
  checkRng("rng", rng);
  positiveNumber("scale", scale);
  const W = rng.normals(K * d);
  for (let i = 0; i < W.length; i++) W[i] *= scale;
  return makeNetwork(K, d, W, a);
}
