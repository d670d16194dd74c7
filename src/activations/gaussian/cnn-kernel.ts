/**
 * The CNN activation kernel (μ, m₂, κ, κ', κ'' of `CnnActivationKernel` in src/models/cnn) for any
 * activation, by quadrature over the 2-D Gaussian of a pair of pre-activations.
 *
 * By Price's theorem d/dρ E[f(u)g(v)] = E[f'(u)g'(v)], so κ' = E[σ'(u)σ'(v)] and κ'' = E[σ''(u)σ''(v)].
 * When σ' jumps by J at a kink k (ReLU, leaky ReLU), σ'' holds J·δ(x − k) and κ'' gains
 * J²·φ₂(k, k; ρ) = J² exp(−k²/(1+ρ))/(2π√(1−ρ²)) (cross terms with a smooth σ'' next to the kink
 * are absent for the activations here, whose σ'' vanishes beside each jump of σ').
 */
import type { Activation } from "../activation.js";
import { checkActivation } from "../registry.js";
import {
  checkQuadratureOptions,
  gaussianExpectation,
  type PairQuadratureOptions,
  pairExpectation,
} from "./pair-expectation.js";

/** Structurally a `CnnActivationKernel` (src/models/cnn/activation-kernel.ts). */
export interface QuadratureCnnKernel {
  readonly name: string;
  readonly mean: number;
  readonly meanSquare: number;
  kappa(rho: number): number;
  dkappa(rho: number): number;
  d2kappa(rho: number): number;
}

/** Jumps of σ' at its kinks: σ'(k + ε) − σ'(k − ε). */
export function slopeJumps(activation: Activation): { at: number; jump: number }[] {
  return (activation.kinks ?? [])
    .map((k) => ({ at: k, jump: activation.d1(k + 1e-12) - activation.d1(k - 1e-12) }))
    .filter((j) => Math.abs(j.jump) > 1e-9);
}

export function quadratureCnnKernel(
  activation: Activation,
  options: PairQuadratureOptions = {},
): QuadratureCnnKernel {
  checkActivation("activation", activation);
  checkQuadratureOptions(options);
  const kinks = activation.kinks ?? [];
  const pair = (f: (x: number) => number) => ({ f, g: f, kinksF: kinks, kinksG: kinks });
  const jumps = slopeJumps(activation);
  return {
    name: activation.name,
    mean: gaussianExpectation(activation.value, kinks, 1, options),
    meanSquare: gaussianExpectation((x) => activation.value(x) ** 2, kinks, 1, options),
    kappa: (rho) => pairExpectation(pair(activation.value), rho, 1, 1, options),
    dkappa: (rho) => pairExpectation(pair(activation.d1), rho, 1, 1, options),
    d2kappa: (rho) => {
      let value = pairExpectation(pair(activation.d2), rho, 1, 1, options);
      const r = Math.min(1, Math.max(-1, rho));
      for (const { at, jump } of jumps) {
        const s = Math.sqrt(Math.max(0, (1 - r) * (1 + r)));
        value += (jump * jump * Math.exp((-at * at) / (1 + r))) / (2 * Math.PI * s);
      }
      return value;
    },
  };
}
