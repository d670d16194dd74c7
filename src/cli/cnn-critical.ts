/**
 * `minima cnn critical`: the stationary points of the Du et al. CNN's population loss — global
 * minimum, spurious point, saddle cone — with their losses, Hessian spectra, and whether the
 * spurious point is a local minimum (decided by the sign of a_sᵀa*, since its Hessian is only
 * positive semi-definite: the loss is cubic in π − φ there).
 */
import { activationByName, activationNames } from "../activations/registry.js";
import { InputError } from "../core/errors.js";
import { symmetricEigen } from "../math/eigen.js";
import { summariseSpectrum } from "../math/spectrum.js";
import { cnnKernelCriticalPoints } from "../models/cnn/kernel-critical.js";
import { cnnKernelFor } from "../models/cnn/kernels.js";
import { cnnPopulationGradient, cnnPopulationHessian, cnnPopulationLoss } from "../models/cnn/population.js";
import { spuriousRatioThreshold } from "../models/cnn/protocol.js";
import { cnnStationaryPoints, saddleG } from "../models/cnn/stationary.js";
import { type CnnTeacherChoice, teacherFromFlags } from "./cnn-train.js";
import type { Command } from "./command.js";
import { boolFlag, optionalStringFlag, parseFlags } from "./flags.js";
import { CNN_CRITICAL_MAX_PARAMETERS } from "./limits.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima cnn critical --k K --ratio R [--anorm A] [--p P] [--teacher FILE] [--activation NAME] [--json]

The stationary points of the population loss of the Du et al. (2018) CNN with the teacher
w* = e₁, a* = A·((√R/k)·1 + √(1 − R/k)·u) (or --teacher FILE, {"w":[…],"a":[…]}):
  global    v ∥ w*, a = a*  (loss 0)
  spurious  v ∥ −w*, a_s = ((π−1)I + 11ᵀ)⁻¹(11ᵀ − I)a*, a local minimum exactly when (1ᵀa*)² < (k+π−1)‖a*‖²/π
  saddle    the cone at angle φ_s from w* with g(φ_s) = g*, which exists exactly when the spurious minimum does
Each with its loss, gradient norm and Hessian eigenvalues in (v, a) at ‖v‖ = 1 (index = negative eigenvalues).

Flags:
  --k K        number of patches (integer >= 1)
  --ratio R    (1ᵀa*)²/‖a*‖² in [0, k]
  --anorm A    ‖a*‖ (default 1)
  --p P        filter size, the dimension of v (default 2, the smallest with a saddle cone)
  --teacher F  an explicit teacher instead of --k/--p/--ratio/--anorm
  --activation σ  ${activationNames().join(", ")}
               (default relu, the exact analysis above). Other σ: the stationary points at φ = 0 and
               φ = π with a = A⁻¹B(φ)a* (A, B from the Gauss–Hermite kernel of σ), their losses and
               Hessian eigenvalues, and whether the φ = π point is a local minimum — found
               NUMERICALLY (no negative eigenvalue, and 64 seeded perturbations do not lower the loss)
  --json       print JSON

Example: minima cnn critical --k 25 --ratio 4`;

export const cnnCriticalCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      k: { type: "string" },
      p: { type: "string" },
      ratio: { type: "string" },
      anorm: { type: "string" },
      teacher: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    const activation = activationByName(
      optionalStringFlag(flags, "activation") ?? "relu",
      "--activation",
    ).name;
    const choice = teacherFromFlags(flags, 2);
    if (choice.k + choice.p > CNN_CRITICAL_MAX_PARAMETERS)
      throw new InputError(
        flags.values.teacher !== undefined
          ? "--teacher"
          : flags.values.p !== undefined && choice.p > choice.k
            ? "--p"
            : "--k",
        `needs k + p <= ${CNN_CRITICAL_MAX_PARAMETERS}: the Hessians here are dense (k + p)² matrices with a full eigendecomposition`,
        choice.k + choice.p,
      );
    if (activation !== "relu") return runForKernel(choice, activation, boolFlag(flags, "json"));
    const { teacher, k, p } = choice;
    const lossAt = (v: Float64Array, a: Float64Array) => cnnPopulationLoss(teacher, v, a);
    const pts = cnnStationaryPoints(teacher, lossAt);
    const describe = (v: Float64Array, a: Float64Array, phi: number, loss: number) => {
      const g = cnnPopulationGradient(teacher, v, a);
      let g2 = 0;
      for (const x of [...g.v, ...g.a]) g2 += x * x;
      const spectrum = summariseSpectrum(symmetricEigen(cnnPopulationHessian(teacher, v, a)).values);
      let s = 0;
      for (let j = 0; j < k; j++) s += a[j] * teacher.a[j];
      return {
        phi,
        loss,
        gradNorm: Math.sqrt(g2),
        aDotAstar: s,
        v: Array.from(v),
        a: Array.from(a),
        hessian: {
          eigenvalues: Array.from(spectrum.eigenvalues),
          index: spectrum.index,
          zeroModes: spectrum.zeroModes,
        },
      };
    };
    const global = describe(pts.global.v, pts.global.a, 0, 0);
    const spurious = {
      ...describe(pts.spurious.v, pts.spurious.a, Math.PI, pts.spurious.loss),
      isLocalMinimum: pts.spurious.isLocalMinimum,
    };
    const saddle = pts.saddle ? describe(pts.saddle.v, pts.saddle.a, pts.saddle.phi, pts.saddle.loss) : null;
    const threshold = spuriousRatioThreshold(k);
    const gStar = saddleG(teacher);
    if (boolFlag(flags, "json")) {
      printJson({
        k,
        p,
        ratio: choice.ratio,
        anorm: choice.anorm,
        threshold,
        gStar,
        spuriousIsLocalMinimum: pts.spurious.isLocalMinimum,
        global,
        spurious,
        saddle,
      });
      return 0;
    }
    const spectrumLine = (h: typeof global.hessian) => {
      const ev = h.eigenvalues.map((x) => formatNumber(x, 4));
      const shown = ev.length > 10 ? [...ev.slice(0, 5), "…", ...ev.slice(-3)] : ev;
      return `index ${h.index}, ${h.zeroModes} zero modes; eigenvalues ${shown.join(" ")}`;
    };
    const lines = [
      `Du et al. CNN: k = ${k}, p = ${p}, (1ᵀa*)²/‖a*‖² = ${formatNumber(choice.ratio, 6)}, ‖a*‖ = ${formatNumber(choice.anorm, 6)}`,
      `threshold (k+π−1)/π = ${formatNumber(threshold, 6)}: the spurious point is ${pts.spurious.isLocalMinimum ? "a strict local minimum (a_sᵀa* < 0)" : "NOT a local minimum (a_sᵀa* ≥ 0; turning v towards w* descends)"}`,
      "",
      `global    loss 0, φ = 0; Hessian ${spectrumLine(global.hessian)}`,
      `spurious  loss ${formatNumber(spurious.loss, 8)}, φ = π, a_sᵀa* = ${formatNumber(spurious.aDotAstar, 6)}; Hessian ${spectrumLine(spurious.hessian)}`,
      "          (PSD with zero modes in v: the loss is cubic in π − φ, so the sign of a_sᵀa* decides)",
      saddle
        ? `saddle    loss ${formatNumber(saddle.loss, 8)}, φ_s = ${formatNumber(saddle.phi, 6)} (${formatNumber((saddle.phi * 180) / Math.PI, 4)}°), g* = ${formatNumber(gStar, 6)}; Hessian ${spectrumLine(saddle.hessian)}`
        : `saddle    none (g* = ${formatNumber(gStar, 6)} is outside (0, π)${p < 2 ? ", or p = 1" : ""})`,
    ];
    console.log(lines.join("\n"));
    return 0;
  },
};

/** The φ = 0 and φ = π stationary points for an activation other than ReLU (numerical verdict). */
function runForKernel(choice: CnnTeacherChoice, activation: string, json: boolean): number {
  const { teacher, k, p } = choice;
  if (!["leaky-relu", "linear"].includes(activation) && Math.abs(teacher.wNorm - 1) > 1e-12)
    throw new InputError("teacher.w", `must be a unit vector for --activation ${activation}`, teacher.wNorm);
  const points = cnnKernelCriticalPoints(teacher, cnnKernelFor(activation));
  if (json) {
    printJson({ activation, k, p, ratio: choice.ratio, anorm: choice.anorm, ...points });
    return 0;
  }
  const spectrumLine = (h: { eigenvalues: number[]; index: number; zeroModes: number }) => {
    const ev = h.eigenvalues.map((x) => formatNumber(x, 4));
    const shown = ev.length > 10 ? [...ev.slice(0, 5), "…", ...ev.slice(-3)] : ev;
    return `index ${h.index}, ${h.zeroModes} zero modes; eigenvalues ${shown.join(" ")}`;
  };
  const { aligned, opposite } = points;
  console.log(
    [
      `Du et al. CNN (σ = ${activation}): k = ${k}, p = ${p}, (1ᵀa*)²/‖a*‖² = ${formatNumber(choice.ratio, 6)}, ‖a*‖ = ${formatNumber(choice.anorm, 6)}`,
      "stationary points v = ±w*, a = A⁻¹B(φ)a*; the verdict is numerical (spectrum + 64 perturbations)",
      "",
      `φ = 0   loss ${formatNumber(aligned.loss, 8)}, ‖∇ℓ‖ ${formatNumber(aligned.gradNorm, 3)}; Hessian ${spectrumLine(aligned.hessian)}`,
      `φ = π   loss ${formatNumber(opposite.loss, 8)}, ‖∇ℓ‖ ${formatNumber(opposite.gradNorm, 3)}, aᵀa* = ${formatNumber(opposite.aDotAstar, 6)}; Hessian ${spectrumLine(opposite.hessian)}`,
      `        ${opposite.isLocalMinimum ? "a local minimum" : "NOT a local minimum"} (numerically; lowest loss change over ${opposite.perturbations} perturbations ${formatNumber(opposite.worstPerturbation, 4)})`,
    ].join("\n"),
  );
  return 0;
}
