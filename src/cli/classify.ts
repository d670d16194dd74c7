/**
 * `minima classify FILE [--json]`: the kind of critical point a problem JSON gives (any registered
 * model: cnn, fc, mlp), through the `Problem` interface only — plus, for an "mlp" point with a zero
 * first layer, the analytic certificate of Ding, Li & Sun's construction.
 */

import { InputError } from "../core/errors.js";
import { certificateForMlpPoint, type DingCertificate } from "../experiments/ding/certificate.js";
import { classifyPoint } from "../landscape/classify.js";
import { type ProblemProof, proveProblemPoint } from "../landscape/prove-point.js";
import { parseMlpParts } from "../models/mlp/format.js";
import { readJsonFile } from "./json-file.js";
import "../models/formats.js";
import { parseProblem, problemFormats } from "../models/registry.js";
import type { Command } from "./command.js";
import { boolFlag, choiceFlag, intFlag, numberFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima classify FILE [--grad-tol G] [--rel-tol R] [--restarts K] [--radius E]
                        [--iterations T] [--seed S] [--json]

Classifies the point of a problem given as JSON (FILE, or - for standard input; the formats of
minima eval: "cnn", "fc", "mlp") as
  not-stationary        ‖∇L‖ > G
  saddle                a negative Hessian eigenvalue, or a PSD Hessian from which a perturbed
                        small-step restart descends (a higher-order saddle)
  strict-local-min      positive definite Hessian
  degenerate-local-min  PSD with zero modes (|λ| ≤ R·max|λ|) and every perturbed restart returns
The Hessian is the model's exact one when it has one, otherwise central differences of the gradient.
Up to 300 parameters every eigenvalue is computed; above, the smallest (through the first one above
the zero threshold) by Lanczos on Hessian-vector products, each with its residual ‖Hy − θy‖.
Restarts: K runs of gradient descent with step 0.5/λ_max for T iterations from the point plus
N(0, E²) noise. For an "mlp" point with a zero first layer the analytic certificate of Ding, Li & Sun
(R1/R2 residuals, λ_min(S), λ_min(∇²F)) is added; when it holds the point is a proven local minimum.
Proof: for models with a Hessian Lipschitz bound (fc with relu or leaky-relu), a computer-assisted
proof (Newton–Kantorovich, docs/proofs.md) that a true critical point lies within radius r of the
point, after a Newton polish, and of its kind: certified with r, λ_min's lower bound and the index,
or not certified with the reason. The model's rounding errors are estimated, not proven (it says so).

Flags:
  --grad-tol G     stationarity threshold on ‖∇L‖ (default 1e-6)
  --rel-tol R      zero-eigenvalue threshold relative to max|λ| (default 1e-7)
  --restarts K     perturbed restarts for degenerate candidates (default 5; 0 to skip)
  --radius E       restart perturbation scale (default 1e-3)
  --iterations T   gradient-descent iterations per restart (default 5000)
  --seed S         seed of the restart perturbations and of the Lanczos start (default 0)
  --spectrum M     auto (default: dense up to 300 parameters, lanczos above), dense or lanczos
  --json           print {"label","gradNorm","index","zeroModes","eigenvalues":[ascending],…,"proof":{…}}`;

/** The proof in one line. */
/** Largest problem whose Hessian is decomposed densely on request, and that the proof is attempted for. */
const DENSE_SPECTRUM_MAX = 3000;

function notAttempted(reason: string): ProblemProof {
  return { certified: false, rounding: "estimated", reason, newtonSteps: 0, newtonDistance: 0 };
}

function proofLine(p: ProblemProof): string {
  if (!p.certified) return `not certified: ${p.reason}`;
  const kind =
    p.kind === "strict-local-min"
      ? `strict local minimum, λ_min ≥ ${formatNumber(p.lambdaMinLower as number, 4)}`
      : `saddle of index ${p.index ?? `${p.indexRange?.[0]}…${p.indexRange?.[1]}`}`;
  const polished =
    p.newtonSteps > 0
      ? ` (${p.newtonSteps} Newton steps, ${formatNumber(p.proofRadius as number, 3)} from the polished point)`
      : "";
  return `certified ${kind}, within r = ${formatNumber(p.radius as number, 3)} of the point${polished}; rounding ${p.rounding}`;
}

function certificateSummary(c: DingCertificate) {
  return {
    holds: c.holds,
    failures: c.failures,
    r1: c.r1,
    r2: c.r2,
    curvatureSign: c.curvatureSign,
    minEigenvalueS: c.minEigenvalueS,
    minEigenvalueF: c.minEigenvalueF,
    predictedZeroModes: c.predictedZeroModes,
  };
}

export const classifyCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(
      argv,
      {
        "grad-tol": { type: "string" },
        "rel-tol": { type: "string" },
        restarts: { type: "string" },
        radius: { type: "string" },
        iterations: { type: "string" },
        seed: { type: "string" },
        spectrum: { type: "string" },
        json: { type: "boolean" },
      },
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
    const options = {
      gradTol: numberFlag(flags, "grad-tol", { default: 1e-6, min: 0 }),
      relTol: numberFlag(flags, "rel-tol", { default: 1e-7, min: 0, max: 1 }),
      restarts: intFlag(flags, "restarts", { default: 5, min: 0, max: 1000 }),
      restartRadius: numberFlag(flags, "radius", { default: 1e-3, min: 0, exclusiveMin: true }),
      restartIterations: intFlag(flags, "iterations", { default: 5000, min: 1, max: 10_000_000 }),
      seed: intFlag(flags, "seed", { default: 0, min: 0 }),
      spectrum: choiceFlag(flags, "spectrum", ["auto", "dense", "lanczos"] as const, "auto"),
    };
    const json = readJsonFile("FILE", file);
    const problem = parseProblem(json);
    if (options.spectrum === "dense" && problem.point.length > DENSE_SPECTRUM_MAX)
      throw new InputError(
        "--spectrum",
        `dense is limited to ${DENSE_SPECTRUM_MAX} parameters (the Hessian is formed and decomposed); this problem has ${problem.point.length}`,
        "dense",
      );
    const loss = problem.loss(problem.point);
    const grad = problem.gradient(problem.point);
    if (!Number.isFinite(loss) || grad.some((g) => !Number.isFinite(g)))
      throw new InputError("problem", "gives a non-finite loss or gradient (values too large?)");
    const c = classifyPoint(problem, problem.point, options);
    if (c.eigenvalues.some((v) => !Number.isFinite(v)))
      throw new InputError("problem", "gives a non-finite Hessian (values too large?)");
    const parts = problem.model === "mlp" ? parseMlpParts(json as Record<string, unknown>) : undefined;
    const certificate = parts
      ? certificateForMlpPoint({ architecture: parts.architecture, data: parts.data, theta: parts.point })
      : undefined;
    // The proof's factorisations are dense: beyond this size it would take minutes.
    const proof =
      problem.point.length <= DENSE_SPECTRUM_MAX
        ? proveProblemPoint(problem, problem.point)
        : notAttempted(`not attempted above ${DENSE_SPECTRUM_MAX} parameters (its factorisations are dense)`);
    let reason = c.reason;
    if (certificate?.holds && c.label === "degenerate-local-min")
      reason += "; the analytic certificate holds, so it is a local minimum";
    const result = {
      label: c.label,
      gradNorm: c.gradNorm,
      index: c.index,
      zeroModes: c.zeroModes,
      eigenvalues: c.eigenvalues,
      loss: c.loss,
      zeroThreshold: c.zeroThreshold,
      hessian: c.hessian,
      spectrum: c.spectrum,
      reason,
      ...(c.restarts
        ? {
            restarts: {
              finalLosses: c.restarts.finalLosses,
              descended: c.restarts.descended,
              returned: c.restarts.returned,
            },
          }
        : {}),
      ...(certificate ? { certificate: certificateSummary(certificate) } : {}),
      proof,
    };
    if (boolFlag(flags, "json")) {
      printJson(result);
      return 0;
    }
    const ev = c.eigenvalues;
    const lines = [
      `${problem.model} point: ${c.label}`,
      `  loss         ${formatNumber(c.loss, 10)}`,
      `  ‖grad‖       ${formatNumber(c.gradNorm, 4)}`,
      c.spectrum.method === "dense"
        ? `  Hessian      ${c.hessian}; index ${c.index}, ${c.zeroModes} zero modes (|λ| ≤ ${formatNumber(c.zeroThreshold, 2)}), λ from ${formatNumber(ev[0], 6)} to ${formatNumber(ev[ev.length - 1], 6)}`
        : `  Hessian      ${c.hessian}, lanczos (${c.spectrum.products} products${c.spectrum.complete ? "" : ", incomplete"}); index ${c.index}, ${c.zeroModes} zero modes (|λ| ≤ ${formatNumber(c.zeroThreshold, 2)}), smallest λ ${Array.from(ev.slice(0, 4), (v, i) => `${formatNumber(v, 6)} (±${formatNumber((c.spectrum.residuals as Float64Array)[i], 1)})`).join(", ")}; max|λ| ${formatNumber(c.spectrum.largest, 6)}`,
    ];
    if (c.restarts)
      lines.push(
        `  restarts     final losses ${c.restarts.finalLosses.map((l) => formatNumber(l, 10)).join(", ")}`,
      );
    if (certificate)
      lines.push(
        `  certificate  ${certificate.holds ? "holds" : `fails: ${certificate.failures.join("; ")}`} (λ_min(S) ${formatNumber(certificate.minEigenvalueS, 4)}, λ_min(∇²F) ${formatNumber(certificate.minEigenvalueF, 4)})`,
      );
    lines.push(`  proof        ${proofLine(proof)}`);
    lines.push(`  ${reason}`);
    console.log(lines.join("\n"));
    return 0;
  },
};
