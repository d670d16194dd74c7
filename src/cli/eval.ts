/**
 * `minima eval FILE [--hessian [--full-hessian]] [--json]`: the loss, gradient and (optionally) Hessian spectrum of
 * any registered problem format ({"model": "cnn" | "fc" | "mlp", …}) at the point it gives. The
 * command knows no model: it sees only the `Problem` interface. FILE "-" reads standard input.
 */

import { activationNames } from "../activations/registry.js";
import { InputError } from "../core/errors.js";
import { DENSE_MAX_PARAMETERS, type PointSpectrum, pointSpectrum } from "../landscape/hessian-spectrum.js";
import { centralHessian } from "../math/finite-difference.js";
import { denseSpectrum } from "../math/low-spectrum.js";
import { readJsonFile } from "./json-file.js";
import "../models/formats.js";
import { parseProblem, problemFormats } from "../models/registry.js";
import type { Command } from "./command.js";
import { boolFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";

/** Largest problem whose full Hessian matrix --full-hessian prints (n² numbers). */
export const FULL_HESSIAN_MAX_PARAMETERS = 1000;

const usage = `Usage: minima eval FILE [--hessian [--full-hessian]] [--json]

Evaluates a problem given as JSON (FILE, or - for standard input) at the point it contains and prints
{"loss":…, "grad":{…}} — the gradient in the model's own blocks, e.g. {"v":[…],"a":[…]} for the CNN.
With --hessian also "hessian":{"method","eigenvalues":[ascending],"index":…,"zeroModes":…,…}: the exact
Hessian when the model has one, otherwise central differences of the gradient (step 1e-4, about 1e-8
accuracy). Up to ${DENSE_MAX_PARAMETERS} parameters every eigenvalue ("method":"dense"); above, only the smallest,
through the first one above the zero threshold, by Lanczos on Hessian-vector products
("method":"lanczos", with "residuals": ‖Hy − θy‖ of each Ritz pair, and "complete"), so that
problems of 10⁴ parameters finish. Without --json a readable summary is printed.

The CNN of Du et al. (2018):
  {"model":"cnn","teacher":{"w":[p numbers],"a":[k numbers]},"student":{"v":[p numbers],"a":[k numbers]},
   "activation": optional, one of ${activationNames().join(", ")} (default relu)}
The teacher filter may have any non-zero norm for ReLU (it is normalised and its norm moved into a*;
other σ that are not positively homogeneous need a unit w*); v must be
non-zero. Other models register their own formats (see minima --help).

Flags:
  --hessian        also the Hessian's eigenvalues, index (negative eigenvalues) and zero modes
  --full-hessian   with --hessian: the whole matrix ("matrix": rows) and every eigenvalue, for problems
                   of at most ${FULL_HESSIAN_MAX_PARAMETERS} parameters
  --json           print JSON`;

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

export const evalCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(
      argv,
      { hessian: { type: "boolean" }, "full-hessian": { type: "boolean" }, json: { type: "boolean" } },
      1,
    );
    const file = flags.positionals[0];
    if (file === undefined)
      throw new InputError(
        "FILE",
        `is required: a JSON problem (models: ${problemFormats()
          .map((f) => f.model)
          .join(", ")})`,
      );
    const problem = parseProblem(readJsonFile("FILE", file));
    const x = problem.point;
    const full = boolFlag(flags, "full-hessian");
    if (full && !boolFlag(flags, "hessian")) throw new InputError("--full-hessian", "needs --hessian");
    if (full && x.length > FULL_HESSIAN_MAX_PARAMETERS)
      throw new InputError(
        "--full-hessian",
        `prints the n×n matrix, so it is limited to ${FULL_HESSIAN_MAX_PARAMETERS} parameters; this problem has ${x.length} (drop the flag for the smallest eigenvalues)`,
      );
    const loss = problem.loss(x);
    const grad = problem.gradient(x);
    if (!Number.isFinite(loss) || !allFinite(grad))
      throw new InputError(
        "problem",
        "gives a non-finite loss or gradient (entries too large, or a filter too close to 0?)",
      );
    const result: Record<string, unknown> = { loss, grad: problem.structure(grad) };
    let spectrum: PointSpectrum | undefined;
    if (boolFlag(flags, "hessian")) {
      const rows = full
        ? problem.hessian
          ? problem.hessian(x)
          : centralHessian((y) => problem.gradient(y), x)
        : undefined;
      if (rows && !rows.every(allFinite))
        throw new InputError(
          "problem",
          "gives a non-finite Hessian (entries too large, or a filter too close to 0?)",
        );
      spectrum = rows
        ? { ...denseSpectrum(rows), hessian: problem.hessian ? "exact" : "central-differences" }
        : pointSpectrum(problem, x);
      if (!allFinite(spectrum.eigenvalues) || !Number.isFinite(spectrum.largest))
        throw new InputError(
          "problem",
          "gives a non-finite Hessian (entries too large, or a filter too close to 0?)",
        );
      result.hessian = {
        method: spectrum.method,
        source: spectrum.hessian,
        eigenvalues: Array.from(spectrum.eigenvalues),
        index: spectrum.index,
        zeroModes: spectrum.zeroModes,
        zeroThreshold: spectrum.threshold,
        largest: spectrum.largest,
        ...(spectrum.residuals
          ? {
              residuals: Array.from(spectrum.residuals),
              complete: spectrum.complete,
              products: spectrum.products,
            }
          : {}),
        ...(rows ? { matrix: rows.map((r) => Array.from(r)) } : {}),
      };
    }
    if (boolFlag(flags, "json")) {
      printJson(result);
      return 0;
    }
    let g2 = 0;
    for (const gi of grad) g2 += gi * gi;
    const lines = [`model ${problem.model}: ${problem.blocks.map(([n, l]) => `${n}[${l}]`).join(", ")}`];
    lines.push(`loss      ${formatNumber(loss, 10)}`);
    lines.push(`‖grad‖    ${formatNumber(Math.sqrt(g2), 6)}`);
    let offset = 0;
    for (const [name, length] of problem.blocks) {
      const block = Array.from(grad.subarray(offset, offset + length), (g) => formatNumber(g, 4));
      offset += length;
      const shown = block.length > 12 ? [...block.slice(0, 12), `… (${block.length} in all)`] : block;
      lines.push(`grad ${name.padEnd(5)}${shown.join(" ")}`);
    }
    if (spectrum) {
      const ev = spectrum.eigenvalues;
      const counts = `index ${spectrum.index} (negative eigenvalues), ${spectrum.zeroModes} zero modes (|λ| ≤ ${formatNumber(spectrum.threshold, 2)})`;
      if (spectrum.method === "dense")
        lines.push(
          `Hessian   ${counts}, λ from ${formatNumber(ev[0], 6)} to ${formatNumber(ev[ev.length - 1], 6)}`,
        );
      else {
        const residuals = spectrum.residuals as Float64Array;
        lines.push(
          `Hessian   lanczos (${spectrum.products} products${spectrum.complete ? "" : ", stopped before converging: counts are lower bounds"}): ${counts}, max|λ| ${formatNumber(spectrum.largest, 6)}`,
        );
        lines.push(
          `smallest  ${Array.from(ev.slice(0, 8), (v, i) => `${formatNumber(v, 8)} (±${formatNumber(residuals[i], 1)})`).join(" ")}${ev.length > 8 ? ` … (${ev.length} in all)` : ""}`,
        );
      }
      if (result.hessian && (result.hessian as { matrix?: unknown }).matrix) {
        const rows = (result.hessian as { matrix: number[][] }).matrix;
        for (const row of rows) lines.push(row.map((h) => formatNumber(h, 6)).join(" "));
      }
    }
    console.log(lines.join("\n"));
    return 0;
  },
};
