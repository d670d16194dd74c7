/**
 * ReLU closed forms for the pair expectations of `pair-kernel.ts` (Tian 2017; docs/tian.md#closed-forms).
 *
 *   k(w, v) = ‖w‖‖v‖/(2π) · [(π − θ) cos θ + sin θ]             (degree-1 arc-cosine kernel)
 *   T(w, v) = 1/(2π) · [(π − θ) v + ‖v‖ sin θ · ŵ]               (per sample)
 *   Q(w, v) = (π − θ)/(2π) I + sin θ/(2π) [cos θ (ŵŵᵀ − uuᵀ) + sin θ (ŵuᵀ + uŵᵀ)]
 *   R(w, v) = ‖v‖ sin θ/(2π‖w‖) · (I − ŵŵᵀ + uuᵀ)                (the gate's δ-function on wᵀx = 0)
 *
 * Q follows from integrating x xᵀ over the wedge where both units are active; R from differentiating
 * T in w (both checked against central differences in the tests). All are continuous in θ on [0, π];
 * k is C² at θ = 0 and θ = π (k ≈ π − πθ²/2 + θ³/3 near 0), so the Hessian exists there too.
 */
import type { PairAngle, PairFirst, PairKernel, PairSecond } from "./pair-kernel.js";

const INV_TWO_PI = 1 / (2 * Math.PI);

export const reluPairKernel: PairKernel = {
  activation: "relu",
  first(normW: number, normV: number, angle: PairAngle, out: PairFirst): void {
    const piMinus = Math.PI - angle.theta;
    out.k = normW * normV * INV_TWO_PI * (piMinus * angle.cos + angle.sin);
    out.cv = piMinus * INV_TWO_PI;
    out.cw = (normV * angle.sin * INV_TWO_PI) / normW;
  },
  second(normW: number, normV: number, angle: PairAngle, out: PairSecond): void {
    const { theta, cos, sin } = angle;
    out.qI = (Math.PI - theta) * INV_TWO_PI;
    out.q11 = sin * cos * INV_TWO_PI;
    out.q12 = sin * sin * INV_TWO_PI;
    out.q22 = -sin * cos * INV_TWO_PI;
    const r = (normV * sin * INV_TWO_PI) / normW;
    out.rI = r;
    out.r11 = -r;
    out.r12 = 0;
    out.r22 = r;
  },
};
