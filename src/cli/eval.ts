/**
 * `minima eval FILE [--hessian] [--json]`: the loss, gradient and (optionally) Hessian spectrum of
 * any registered problem format ({"model": "cnn" | "fc" | "mlp", …}) at the point it gives. The
 * command knows no model: it sees only the `Problem` interface. FILE "-" reads standard input.
 */

import { activationNames } from "../activations/registry.js";
import { InputError } from "../core/errors.js";
import { symmetricEigen } from "../math/eigen.js";
import { centralHessian } from "../math/finite-difference.js";
import { summariseSpectrum } from "../math/spectrum.js";
import { readJsonFile } from "./json-file.js";
import "../models/formats.js";
import { parseProblem, problemFormats } from "../models/registry.js";
import type { Command } from "./command.js";
import { boolFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima eval FILE [--hessian] [--json]

Evaluates a problem given as JSON (FILE, or - for standard input) at the point it contains and prints
{"loss":…, "grad":{…}} — the gradient in the model's own blocks, e.g. {"v":[…],"a":[…]} for the CNN.
With --hessian also "hessian":{"eigenvalues":[ascending],"index":…,"zeroModes":…}: the exact Hessian
when the model has one, otherwise central differences of the gradient (step 1e-4, about 1e-8 accuracy).
Without --json a readable summary is printed.

The CNN of Du et al. (2018):
  {"model":"cnn","teacher":{"w":[p numbers],"a":[k numbers]},"student":{"v":[p numbers],"a":[k numbers]},
   "activation": optional, one of ${activationNames().join(", ")} (default relu)}
The teacher filter may have any non-zero norm for ReLU (it is normalised and its norm moved into a*;
other σ that are not positively homogeneous need a unit w*); v must be
non-zero. Other models register their own formats (see minima --help).

Flags:
  --hessian   also the Hessian's eigenvalues, index (negative eigenvalues) and zero modes
  --json      print JSON`;

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

export const evalCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, { hessian: { type: "boolean" }, json: { type: "boolean" } }, 1);
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
    const loss = problem.loss(x);
    const grad = problem.gradient(x);
    if (!Number.isFinite(loss) || !allFinite(grad))
      throw new InputError(
        "problem",
        "gives a non-finite loss or gradient (entries too large, or a filter too close to 0?)",
      );
    const result: Record<string, unknown> = { loss, grad: problem.structure(grad) };
    let spectrum: ReturnType<typeof summariseSpectrum> | undefined;
    if (boolFlag(flags, "hessian")) {
      const rows = problem.hessian ? problem.hessian(x) : centralHessian((y) => problem.gradient(y), x);
      if (!rows.every(allFinite))
        throw new InputError(
          "problem",
          "gives a non-finite Hessian (entries too large, or a filter too close to 0?)",
        );
      spectrum = summariseSpectrum(symmetricEigen(rows).values);
      result.hessian = {
        eigenvalues: Array.from(spectrum.eigenvalues),
        index: spectrum.index,
        zeroModes: spectrum.zeroModes,
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
      lines.push(
        `Hessian   index ${spectrum.index} (negative eigenvalues), ${spectrum.zeroModes} zero modes (|λ| ≤ ${formatNumber(spectrum.threshold, 2)}), λ from ${formatNumber(ev[0], 6)} to ${formatNumber(ev[ev.length - 1], 6)}`,
      );
    }
    console.log(lines.join("\n"));
    return 0;
  },
};
