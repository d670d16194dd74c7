/**
 * The CNN's activation kernel by activation name: the Gauss–Hermite quadrature kernel of σ
 * (src/activations/gaussian/cnn-kernel.ts), built once per name and cached (it is pure).
 * `cnnKernelFor("relu")` is ReLU by quadrature; the exact paths use `reluKernel` instead.
 */
import { quadratureCnnKernel } from "../../activations/gaussian/cnn-kernel.js";
import { activationByName } from "../../activations/registry.js";
import { stringArgument } from "../../core/arguments.js";
import type { CnnActivationKernel } from "./activation-kernel.js";

const kernelCache = new Map<string, CnnActivationKernel>();

export function cnnKernelFor(activation: string, field = "activation"): CnnActivationKernel {
  stringArgument("field", field);
  const act = activationByName(activation, field);
  let kernel = kernelCache.get(act.name);
  if (!kernel) {
    kernel = quadratureCnnKernel(act);
    kernelCache.set(act.name, kernel);
  }
  return kernel;
}
