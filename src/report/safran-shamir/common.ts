/** Safran & Shamir (2018): what the subsections share (cell names, the method's common text). */
import { formatPercentProportion } from "../../math/proportion-text.js";
import type { ProportionEstimate } from "../../math/stats.js";
import { fmt } from "../format.js";
import type { SafranShamirResults, SsCell } from "./results.js";

export const cellName = (c: { readonly k: number; readonly n: number }) => `(${c.k}, ${c.n})`;

/** "12.0% [8.2, 17.3]": a proportion in percent with its 95% Wilson interval. */
export function pct(e: ProportionEstimate): string {
  return formatPercentProportion(e);
}

/** Relative difference |a − b|/|b|. */
export const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** The protocol and the sizes, in words (the first subsection's method). */
export function protocolText(r: SafranShamirResults): string {
  const runs = r.cells.reduce((s, c) => s + c.runs, 0);
  return (
    "Plain GD on the exact population loss J = ½E[(Σ_j σ(w_jᵀx) − Σ_i σ(x_i))²] of the two-layer ReLU network, x ~ N(0, I_d), teacher W* = I_k (d = k), n = k or k + 1 student units with unit top weights (fixed), start W₀ with i.i.d. N(0, 1/d) entries, η = 0.1 halved on a blow-up (a unit's gradient norm > 10⁴), stop at max_j ‖∂J/∂w_j‖ < 10⁻⁹/(2π) (at most 10⁶ steps) with a Newton finish on the exact Hessian away from the global minimum. A run is global once J < 10⁻³ and stops there (GD with η = 0.1 only lowers J from there, so the outcome is decided; this spares n = k + 1 runs the crawl of 10⁵–10⁶ steps to the gradient tolerance in their non-isolated global minima); otherwise the exact Hessian at the end point decides spurious (positive definite beyond a tolerance) or saddle (a negative eigenvalue). " +
    `Sizes: ${r.sizes} (${runs} runs), seed ${r.seed}; on the sweep worker pool, as the sweep of these cells would run them.`
  );
}

/** How to get the same starts, and the 1000-run experiment, from the command line. */
export function commandsText(r: SafranShamirResults): string {
  return (
    `Same starts from the command line: minima fc probability --K n --Kstar k --trials T --seed ${r.seed} (trial t of a cell is the sweep's trial t). ` +
    "The full 1000-run experiment (k = 6…20, n = k and k + 1): minima sweep run examples/sweeps/safran-shamir.json --out sweeps/safran-shamir, then minima sweep summary sweeps/safran-shamir (and minima sweep summary sweeps/safran-shamir --csv --families for the families as CSV); that spec's seed is 2018, set it to the report's seed for the report's starts."
  );
}

/** The cells' most frequent spurious families' losses, for measured texts. */
export const topText = (c: SsCell) => (c.top ? fmt(c.top.loss, 6) : "none");

/** The other subsections' reference to the runs of the first one. */
export const sameRunsText = (r: SafranShamirResults) =>
  `The runs of "P(spurious) per (k, n)" (${r.sizes}, seed ${r.seed}).`;
