/**
 * The two-layer network's part of the proof of a critical point (landscape/proof.ts, docs/proofs.md):
 * the Hessian's Lipschitz bound (hessian-lipschitz.ts), estimates of the rounding errors of its
 * gradient and Hessian, and, with trained top weights, the slice the proof works on.
 *
 * Trained top weights. ReLU's homogeneity makes (c·w_j, a_j/c), c > 0, one unit, so critical points
 * come in curves and the full Hessian is singular there. The proof fixes a (all a_j ≠ 0) and moves W
 * only: differentiating J(c·w_j, a_j/c) = J at c = 1 gives a_j·∂J/∂a_j = w_jᵀ∇_{w_j}J, so a critical
 * point of the slice is one of the whole problem. At such a point the rescaling tangents
 * (w_j, −a_j) are zero modes of the full Hessian and complete the slice's tangent space, so the full
 * Hessian's index is the slice Hessian's, and a strict minimum on the slice is a local minimum of the
 * whole problem, strict across the curves of rescaled copies.
 *
 * Rounding. The gradient and Hessian are sums over unit pairs of closed forms in the angle θ, whose
 * computed value carries an error of a few (d + 3)u (cos θ from a Gram entry, then acos or atan2);
 * each sum adds (K + K*)u relative to the sum of its terms' magnitudes. The estimates below are
 * ROUNDING_FACTOR times that model of the error, bounded above by the sums of the terms' norms. They
 * are estimates, not proofs (the elementary functions' errors and the assembly order are not
 * analysed), and the proof says so; the tests check that they exceed the differences between two
 * float64 evaluations in different orders by a wide margin.
 */
import { LEAKY_RELU_SLOPE } from "../../activations/leaky-relu.js";
import type { LipschitzResult, ProofSupport, RoundingBounds } from "../problem.js";
import { fcHessianLipschitz } from "./hessian-lipschitz.js";
import type { FcNetwork } from "./network.js";
import { rowNorms } from "./network.js";
import type { PairKernel } from "./pair-kernel.js";

/** The safety factor of the rounding estimates over the error model (see the file's comment). */
export const ROUNDING_FACTOR = 16;
const UNIT_ROUNDOFF = 2 ** -53;

/** The factor of ReLU's Lipschitz bound for the kernel's activation, or undefined without a bound. */
function activationScale(kernel: PairKernel): number | undefined {
  if (kernel.activation === "relu") return 1;
  if (kernel.activation === "leaky-relu") return (1 - LEAKY_RELU_SLOPE) ** 2;
  return undefined;
}

export interface FcProofSetup {
  readonly teacher: FcNetwork;
  readonly K: number;
  readonly kernel: PairKernel;
  /** The flat parameters are W (K·d), then a (K) when trained. */
  readonly trainA: boolean;
  /** The student's top weights when they are fixed. */
  readonly fixedA?: ArrayLike<number>;
}

/** Estimated rounding errors of the W-gradient (2-norm) and the W-Hessian (spectral norm) at (W, a). */
export function fcRoundingEstimate(
  teacher: FcNetwork,
  W: Float64Array,
  a: ArrayLike<number>,
  K: number,
): RoundingBounds {
  const d = teacher.d;
  const norms = rowNorms(W, K, d);
  const teacherNorms = rowNorms(teacher.W, teacher.K, d);
  const unit = ROUNDING_FACTOR * (d + K + teacher.K + 10) * UNIT_ROUNDOFF;
  let teacherSum = 0;
  for (let k = 0; k < teacher.K; k++) teacherSum += Math.abs(teacher.a[k]) * teacherNorms[k];
  let studentSum = 0;
  for (let k = 0; k < K; k++) studentSum += Math.abs(a[k]) * norms[k];
  let gradient2 = 0;
  let hessian = 0;
  for (let j = 0; j < K; j++) {
    if (norms[j] === 0) continue;
    const aj = Math.abs(a[j]);
    gradient2 += (unit * aj * (studentSum + teacherSum)) ** 2;
    // Block row j: ‖R(w_j, v)‖ ≤ ‖v‖/(π‖w_j‖), ‖Q‖ ≤ 1/2 + 1/(2π), the own term a_j²/2.
    let row = aj * (aj / 2 + teacherSum / (Math.PI * norms[j]));
    for (let k = 0; k < K; k++)
      if (k !== j && norms[k] > 0)
        row += aj * Math.abs(a[k]) * (norms[k] / (Math.PI * norms[j]) + 0.5 + 1 / (2 * Math.PI));
    hessian = Math.max(hessian, unit * row);
  }
  return { gradient: Math.sqrt(gradient2), hessian, proven: false };
}

/** The proof support of the fc population landscape with the given teacher and kernel. */
export function fcProofSupport(setup: FcProofSetup): ProofSupport {
  const { teacher, K, kernel, trainA, fixedA } = setup;
  const nW = K * teacher.d;
  const topOf = (x: Float64Array): ArrayLike<number> => (trainA ? x.subarray(nW, nW + K) : (fixedA ?? []));
  const scale = activationScale(kernel);
  const support: ProofSupport = {
    hessianLipschitz(x, radius): LipschitzResult {
      if (scale === undefined)
        return {
          reason: `no Hessian Lipschitz bound for model fc with activation ${kernel.activation} (relu and leaky-relu have one)`,
        };
      return fcHessianLipschitz({ teacher, W: x.subarray(0, nW), a: topOf(x), K, radius, scale });
    },
    roundingError: (x) => fcRoundingEstimate(teacher, x.subarray(0, nW), topOf(x), K),
  };
  if (!trainA) return support;
  return {
    ...support,
    slice(x) {
      const a = topOf(x);
      for (let j = 0; j < K; j++)
        if (a[j] === 0) return { reason: `a_${j} = 0: the rescaling slice needs every top weight non-zero` };
      return {
        indices: Array.from({ length: nW }, (_, i) => i),
        note: "top weights fixed: ReLU's rescaling (c·w_j, a_j/c) makes critical points curves; a critical point of the W-slice is one of the whole problem (a_j·∂J/∂a_j = w_jᵀ∇_{w_j}J), with the same index",
      };
    },
  };
}
