/** Activations by name, as written in problem JSON and on the command line. */
import { methodsArgument, stringArgument } from "../core/arguments.js";
import { InputError } from "../core/errors.js";
import type { Activation, ActivationName } from "./activation.js";
import { elu } from "./elu.js";
import { erfActivation } from "./erf.js";
import { gelu } from "./gelu.js";
import { leakyRelu } from "./leaky-relu.js";
import { linear } from "./linear.js";
import { quadratic } from "./quadratic.js";
import { relu } from "./relu.js";
import { sigmoid } from "./sigmoid.js";
import { softplus } from "./softplus.js";
import { swish } from "./swish.js";
import { tanh } from "./tanh.js";

export const activations: readonly Activation[] = [
  relu,
  leakyRelu,
  sigmoid,
  tanh,
  softplus,
  swish,
  gelu,
  elu,
  erfActivation,
  quadratic,
  linear,
];

const aliases: Record<string, ActivationName> = { silu: "swish", leaky_relu: "leaky-relu" };

export function activationNames(): ActivationName[] {
  return activations.map((a) => a.name);
}

/** The activation called `name` (or an alias such as "silu"); an InputError listing the names otherwise. */
export function activationByName(name: unknown, field = "activation"): Activation {
  stringArgument("field", field);
  const key = typeof name === "string" ? (aliases[name.toLowerCase()] ?? name.toLowerCase()) : undefined;
  const found = activations.find((a) => a.name === key);
  if (!found) throw new InputError(field, `must be one of ${activationNames().join(", ")}`, name);
  return found;
}

/** An activation given to a public function: an object with σ and its three derivatives. */
export function checkActivation(field: string, activation: unknown): Activation {
  methodsArgument(field, activation, ["value", "d1", "d2", "d3"]);
  const kinks = (activation as Activation).kinks;
  if (kinks !== undefined && !(Array.isArray(kinks) && kinks.every((k) => Number.isFinite(k))))
    throw new InputError(`${field}.kinks`, "must be an array of finite numbers", kinks);
  return activation as Activation;
}
