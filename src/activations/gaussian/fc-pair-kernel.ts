/**
 * First-order pair quantities of the two-layer FC model (`PairKernel.first` in
 * src/models/fc/pair-kernel.ts) for any activation, by quadrature. With u = ŵᵀx, v = v̂ᵀx of
 * correlation cos θ and a = ‖w‖, b = ‖v‖:
 *   k  = E[σ(a u) σ(b v)],
 *   T  = E[x σ'(wᵀx) σ(vᵀx)] = w·E[σ''(a u) σ(b v)] + v·E[σ'(a u) σ'(b v)]   (Stein's lemma),
 * so cw = E[σ''(a u) σ(b v)] and cv = E[σ'(a u) σ'(b v)]. A jump J of σ' at a kink k adds to cw the
 * term (J/a)·φ(k/a)·E[σ(b v) | u = k/a], v | u ~ N(ρu, 1 − ρ²).
 *
 * Second order (`second`, only when σ' has no jumps, i.e. σ'' has no δ part): with x = u ŵ + t û + x⊥,
 * E[x xᵀ h] = E[h]·I + (E[u²h] − E[h]) ŵŵᵀ + E[u t h](ŵûᵀ + ûŵᵀ) + (E[t²h] − E[h]) ûûᵀ,
 * for h = σ'(a u)σ'(b v) (Q) and h = σ''(a u)σ(b v) (R).
 */
import type { Activation } from "../activation.js";
import { checkActivation } from "../registry.js";
import { slopeJumps } from "./cnn-kernel.js";
import {
  checkQuadratureOptions,
  gaussianExpectation,
  type PairQuadratureOptions,
  pairExpectation,
} from "./pair-expectation.js";

/** Structurally a `PairAngle` and `PairFirst` of src/models/fc/pair-kernel.ts. */
export interface PairAngleLike {
  theta: number;
  cos: number;
  sin: number;
}
export interface PairSecondLike {
  qI: number;
  q11: number;
  q12: number;
  q22: number;
  rI: number;
  r11: number;
  r12: number;
  r22: number;
}
export interface PairFirstLike {
  k: number;
  cw: number;
  cv: number;
}

const INV_SQRT_2PI = 0.3989422804014327;

export function quadraturePairKernel(activation: Activation, options: PairQuadratureOptions = {}) {
  checkActivation("activation", activation);
  checkQuadratureOptions(options);
  const kinks = activation.kinks ?? [];
  const jumps = slopeJumps(activation);
  return {
    activation: activation.name,
    first(normW: number, normV: number, angle: PairAngleLike, out: PairFirstLike): void {
      const rho = angle.cos;
      const s = angle.sin;
      const both = (f: (x: number) => number, g: (x: number) => number) => ({
        f,
        g,
        kinksF: kinks,
        kinksG: kinks,
      });
      out.k = pairExpectation(both(activation.value, activation.value), rho, normW, normV, options);
      out.cv = pairExpectation(both(activation.d1, activation.d1), rho, normW, normV, options);
      let cw = pairExpectation(both(activation.d2, activation.value), rho, normW, normV, options);
      for (const { at, jump } of jumps) {
        const u = at / normW;
        const conditional = gaussianExpectation(
          (t) => activation.value(normV * (rho * u + s * t)),
          s > 0 ? kinks.map((k) => (k / normV - rho * u) / s) : [],
          1,
          options,
        );
        cw += (jump / normW) * INV_SQRT_2PI * Math.exp(-0.5 * u * u) * conditional;
      }
      out.cw = cw;
    },
    ...(jumps.length > 0
      ? {}
      : {
          second(normW: number, normV: number, angle: PairAngleLike, out: PairSecondLike): void {
            const moments = (f: (x: number) => number, g: (x: number) => number) => {
              const at = (powerU: number, powerT: number) =>
                pairExpectation(
                  { f, g, kinksF: kinks, kinksG: kinks, powerU, powerT },
                  angle.cos,
                  normW,
                  normV,
                  options,
                );
              const e = at(0, 0);
              return [e, at(2, 0) - e, at(1, 1), at(0, 2) - e];
            };
            [out.qI, out.q11, out.q12, out.q22] = moments(activation.d1, activation.d1);
            [out.rI, out.r11, out.r12, out.r22] = moments(activation.d2, activation.value);
          },
        }),
  };
}
