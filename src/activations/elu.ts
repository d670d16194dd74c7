import type { Activation } from "./activation.js";

/** ELU with α = 1: x for x > 0, e^x − 1 otherwise. C¹ but not C² at 0 (σ'' jumps from 1 to 0). */
export const elu: Activation = {
  name: "elu",
  formula: "σ(x) = x (x > 0), e^x − 1 (x ≤ 0)",
  value: (x) => (x > 0 ? x : Math.expm1(x)),
  d1: (x) => (x > 0 ? 1 : Math.exp(x)),
  d2: (x) => (x > 0 ? 0 : Math.exp(x)),
  d3: (x) => (x > 0 ? 0 : Math.exp(x)),
  smooth: false,
  kinks: [0],
  theoremCondition: true,
  suggestedPoint: -1,
  note: "not C² at 0, but smooth on x < 0 with σ'' = e^x > 0, where the construction places its units",
};
