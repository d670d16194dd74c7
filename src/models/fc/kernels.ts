/**
 * The two-layer network's pair kernel by activation name, built once per name and cached (pure):
 * - relu: its closed form (`reluPairKernel`, so ReLU results are unchanged bit for bit);
 * - leaky-relu: a closed form from ReLU's (leaky-relu-kernel.ts);
 * - activations without kinks: the trapezoidal rule of smooth-pair-kernel.ts, accurate to ~1e-13 at
 *   every weight scale (a fixed Gauss–Hermite rule is not: 3e-5 for tanh at ‖w‖ = 2). It has no
 *   second-order part, so the Hessian is central differences of this gradient (population.ts), which
 *   keeps it consistent with the gradient at every scale (~1e-9). It serves ‖w‖ ≤ 20 (`maxNorm`);
 * - others (elu): the generic quadrature kernel of src/activations/gaussian/fc-pair-kernel.ts, split
 *   at the kink (slow: Gauss–Legendre pieces).
 *
 * A zero hidden unit contributes nothing for every σ (population.ts, ReLU's σ'(0) = 0 convention);
 * that is exact for the loss only when σ(0) = 0, so problem files reject zero rows.
 */
import type { ActivationName } from "../../activations/activation.js";
import { quadraturePairKernel } from "../../activations/gaussian/fc-pair-kernel.js";
import { activationByName } from "../../activations/registry.js";
import { stringArgument } from "../../core/arguments.js";
import { leakyReluPairKernel } from "./leaky-relu-kernel.js";
import type { PairKernel } from "./pair-kernel.js";
import { reluPairKernel } from "./relu-kernel.js";
import { MAX_SMOOTH_SCALE, smoothPairFirst } from "./smooth-pair-kernel.js";

const kernelCache = new Map<string, PairKernel>();

/**
 * The trapezoid's step at unit scale per smooth σ, from the width of the strip where σ is analytic
 * (smooth-pair-kernel.ts): poles at ±iπ/2 for tanh (0.25), ±iπ for sigmoid, softplus, swish (0.4);
 * erf and GELU are entire but grow like exp(y²) off the axis (0.3, 0.35); polynomials only need the
 * Gaussian resolved (0.5). Each measured against step 0.1 at scales 0.3 to 15: ≤ 8e-13 (tanh), ≤ 5e-15
 * (the others), relative.
 */
const UNIT_STEP: Partial<Record<ActivationName, number>> = {
  tanh: 0.25,
  sigmoid: 0.4,
  softplus: 0.4,
  swish: 0.4,
  erf: 0.3,
  gelu: 0.35,
  quadratic: 0.5,
  linear: 0.5,
};

/**
 * The pair kernel of the activation called `name` (or an alias such as "silu"); an InputError naming
 * `field` otherwise.
 */
export function fcPairKernelFor(name: unknown, field = "activation"): PairKernel {
  stringArgument("field", field);
  const activation = activationByName(name, field);
  if (activation.name === "relu") return reluPairKernel;
  let kernel = kernelCache.get(activation.name);
  if (!kernel) {
    if (activation.name === "leaky-relu") kernel = leakyReluPairKernel();
    else {
      const smooth = (activation.kinks ?? []).length === 0;
      kernel = smooth
        ? {
            activation: activation.name,
            first: smoothPairFirst(activation, UNIT_STEP[activation.name]),
            maxNorm: MAX_SMOOTH_SCALE,
          }
        : quadraturePairKernel(activation);
    }
    kernelCache.set(activation.name, kernel);
  }
  return kernel;
}
