import type { Activation } from "./activation.js";

export const linear: Activation = {
  name: "linear",
  formula: "σ(x) = x",
  value: (x) => x,
  d1: () => 1,
  d2: () => 0,
  d3: () => 0,
  smooth: true,
  theoremCondition: false,
  suggestedPoint: undefined,
  note: "σ'' ≡ 0: a linear network has no sub-optimal local minima (Kawaguchi 2016)",
  derivativeBounds: { value: Number.POSITIVE_INFINITY, d1: 1, d2: 0, d3: 0 },
};
