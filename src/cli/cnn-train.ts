/**
 * `minima cnn train`: one training run of the Du et al. CNN (Algorithm 1 by default) from a seeded
 * random start, with its outcome, end state, detected phase switch and (optionally) trajectory.
 * The run is trial `--trial` (default 0) of `--seed`: its random stream is Rng.fromSeed(seed, trial).
 */

import { activationNames } from "../activations/registry.js";
import { InputError } from "../core/errors.js";
import { CNN_TRIAL_DEFAULTS, validateCnnTrialSpec } from "../experiments/cnn/spec.js";
import { runCnnTrialDetailed } from "../experiments/cnn/trial.js";
import { Rng } from "../math/rng.js";
import { cnnKernelCriticalPoints } from "../models/cnn/kernel-critical.js";
import { cnnKernelFor } from "../models/cnn/kernels.js";
import { cnnStabilityBoundFor } from "../models/cnn/protocol.js";
import { isSpuriousLocalMinimum } from "../models/cnn/stationary.js";
import {
  type CnnTeacher,
  cnnTeacherFromRatio,
  parseCnnTeacher,
  teacherRatio,
  validateCnnTeacherSettings,
} from "../models/cnn/teacher.js";
import type { Command } from "./command.js";
import {
  boolFlag,
  choiceFlag,
  intFlag,
  numberFlag,
  optionalStringFlag,
  type ParsedFlags,
  parseFlags,
} from "./flags.js";
import { readJsonFile } from "./json-file.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima cnn train --k K --p P --ratio R [--anorm A] [--eta E] [--steps N] [--seed S]
                         [--init paper|gaussian] [--init-std s] [--method wn-gd|gd] [--samples n] [--batch b]
                         [--activation NAME] [--teacher FILE] [--trial T] [--full-budget] [--trajectory] [--json]

Trains the one-hidden-layer CNN f(Z, w, a) = Σ_j a_j σ(wᵀZ_j) of Du, Lee, Tian, Póczos & Singh (ICML 2018)
on its exact population loss (Gaussian patches) from a random start and reports the outcome
(global, spurious, saddle, unconverged or diverged; rules in docs/du-cnn.md#outcomes).

Teacher: w* = e₁, a* = A·((√R/k)·1 + √(1 − R/k)·u), u = (e₁ − e₂)/√2, so (1ᵀa*)² = R‖a*‖², ‖a*‖ = A;
or --teacher FILE with {"w":[p numbers],"a":[k numbers]} (w* of any norm: it is normalised and its
norm moved into a*, which leaves the labels unchanged).

Flags:
  --k K            number of patches = hidden units (integer >= 1; from FILE with --teacher)
  --p P            patch (filter) size (integer >= 1; from FILE with --teacher)
  --ratio R        (1ᵀa*)²/‖a*‖², in [0, k]
  --anorm A        ‖a*‖ (default 1)
  --eta E          step size (default min(0.2, 2π/(k+π−1))); a warning above the bound 4π/(k+π−1)
  --steps N        step budget (default ceil(6000/η)); runs stop early once the outcome is decided
  --seed S         root seed (default 1); --trial T picks the stream (default 0)
  --init           paper (v₀ uniform on the sphere, a₀ uniform in the ball of radius |1ᵀa*|/√k; default)
                   or gaussian (i.i.d. N(0, s²) entries, s = --init-std, default 1/√k)
  --method         wn-gd (Algorithm 1, weight-normalised; default) or gd (plain GD on (w, a))
  --samples n      GD on n drawn inputs instead of the population loss
  --batch b        mini-batch SGD with b inputs per step (from the n samples, or fresh each step)
  --activation σ   ${activationNames().join(", ")} (default relu, the exact
                   paths). Others: WN-GD on full vectors with the Gauss–Hermite kernel of σ (population)
                   or σ itself (--samples/--batch); w* must be a unit vector unless σ is positively
                   homogeneous; --method gd is ReLU only. Outcomes: docs/du-cnn.md (global by the same
                   tolerances, also the mirror (−w*, −a*) for odd σ; spurious/saddle from the Hessian)
  --full-budget    run all N steps (no early stopping); the outcome is decided at the end
  --trajectory     also print the thinned trajectory (ℓ_t, φ_t, a_tᵀa*, 1ᵀa_t, ‖v_t‖)
  --json           print JSON

Example: minima cnn train --k 25 --p 25 --ratio 4 --seed 3 --trajectory`;

export interface CnnTeacherChoice {
  readonly teacher: CnnTeacher;
  readonly k: number;
  readonly p: number;
  readonly ratio: number;
  readonly anorm: number;
}

/** The CLI flag of each trial-spec field, so that the one validator's messages name what the user typed. */
const FLAG_OF: Readonly<Record<string, string>> = {
  k: "--k",
  p: "--p",
  ratio: "--ratio",
  anorm: "--anorm",
  eta: "--eta",
  maxSteps: "--steps",
  init: "--init",
  initStd: "--init-std",
  method: "--method",
  samples: "--samples",
  batch: "--batch",
  earlyStop: "--full-budget",
  activation: "--activation",
};

export const cnnFlagName = (field: string): string => FLAG_OF[field] ?? field;

/** The teacher from --teacher FILE or from --k/--p/--ratio/--anorm (shared with `cnn critical`). */
export function teacherFromFlags(flags: ParsedFlags, defaultP?: number): CnnTeacherChoice {
  const file = optionalStringFlag(flags, "teacher");
  if (file !== undefined) {
    for (const name of ["k", "p", "ratio", "anorm"])
      if (flags.values[name] !== undefined)
        throw new InputError(`--${name}`, "cannot be combined with --teacher");
    const teacher = parseCnnTeacher(readJsonFile("--teacher", file), "teacher");
    let n2 = 0;
    for (const x of teacher.a) n2 += x * x;
    return {
      teacher,
      k: teacher.a.length,
      p: teacher.w.length,
      // (1ᵀa*)² ≤ k‖a*‖²; rounding must not push the ratio past k.
      ratio: teacher.a.length === 1 ? 1 : Math.min(teacher.a.length, teacherRatio(teacher)),
      anorm: Math.sqrt(n2),
    };
  }
  // Flags are parsed here; their ranges are checked by the model's one validator.
  const { k, p, ratio, anorm } = validateCnnTeacherSettings(
    {
      k: numberFlag(flags, "k"),
      p: numberFlag(flags, "p", defaultP === undefined ? {} : { default: defaultP }),
      ratio: numberFlag(flags, "ratio"),
      anorm: numberFlag(flags, "anorm", { default: CNN_TRIAL_DEFAULTS.anorm }),
    },
    cnnFlagName,
  );
  return { teacher: cnnTeacherFromRatio(k, p, ratio, anorm), k, p, ratio, anorm };
}

const degrees = (x: number) => `${formatNumber((x * 180) / Math.PI, 4)}°`;

export const cnnTrainCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      k: { type: "string" },
      p: { type: "string" },
      ratio: { type: "string" },
      anorm: { type: "string" },
      eta: { type: "string" },
      steps: { type: "string" },
      seed: { type: "string" },
      trial: { type: "string" },
      init: { type: "string" },
      "init-std": { type: "string" },
      method: { type: "string" },
      samples: { type: "string" },
      batch: { type: "string" },
      teacher: { type: "string" },
      activation: { type: "string" },
      "full-budget": { type: "boolean" },
      trajectory: { type: "boolean" },
      json: { type: "boolean" },
    });
    const choice = teacherFromFlags(flags);
    const { k, p } = choice;
    const raw: Record<string, unknown> = {
      k,
      p,
      ratio: choice.ratio,
      anorm: choice.anorm,
      init: choiceFlag(flags, "init", ["paper", "gaussian"] as const, CNN_TRIAL_DEFAULTS.init),
      method: choiceFlag(flags, "method", ["wn-gd", "gd"] as const, CNN_TRIAL_DEFAULTS.method),
    };
    const numbers = {
      eta: "eta",
      maxSteps: "steps",
      initStd: "init-std",
      samples: "samples",
      batch: "batch",
    };
    for (const [field, flag] of Object.entries(numbers))
      if (flags.values[flag] !== undefined) raw[field] = numberFlag(flags, flag);
    const activationFlag = optionalStringFlag(flags, "activation");
    if (activationFlag !== undefined) raw.activation = activationFlag;
    if (boolFlag(flags, "full-budget")) raw.earlyStop = false;
    const spec = validateCnnTrialSpec(raw, cnnFlagName);
    const { eta, init } = spec;
    const method = spec.method ?? "wn-gd";
    const activation = spec.activation ?? "relu";
    const kernel = activation === "relu" ? undefined : cnnKernelFor(activation);
    const seed = intFlag(flags, "seed", { default: 1, min: 0 });
    const trial = intFlag(flags, "trial", { default: 0, min: 0 });
    const wantTrajectory = boolFlag(flags, "trajectory");
    const warnings: string[] = [];
    const bound = cnnStabilityBoundFor(activation, k);
    if (eta >= bound) {
      warnings.push(
        `--eta ${eta} is at or above the stability bound ${kernel ? "2/λ_max(A)" : "4π/(k+π−1)"} = ${formatNumber(bound, 4)}: the a-layer of GD diverges`,
      );
    }
    for (const w of warnings) console.error(`minima: warning: ${w}`);
    const detail = runCnnTrialDetailed(spec, Rng.fromSeed(seed, trial), {
      teacher: choice.teacher,
      ...(wantTrajectory ? { trajectoryPoints: 500 } : {}),
    });
    const r = detail.result;
    // For other activations: the φ = π point's status, found numerically (cnn critical).
    const spuriousIsLocalMinimum = kernel
      ? cnnKernelCriticalPoints(choice.teacher, kernel).opposite.isLocalMinimum
      : isSpuriousLocalMinimum(choice.teacher);
    if (boolFlag(flags, "json")) {
      printJson({
        k,
        p,
        ratio: choice.ratio,
        anorm: choice.anorm,
        eta,
        method,
        init,
        seed,
        trial,
        activation,
        spuriousIsLocalMinimum,
        ...r,
        warnings,
        ...(wantTrajectory ? { trajectory: detail.trajectory } : {}),
      });
      return 0;
    }
    const data = spec.samples
      ? `${spec.samples} samples${spec.batch ? `, batch ${spec.batch}` : ""}`
      : spec.batch
        ? `online SGD, batch ${spec.batch}`
        : "population loss";
    const lines = [
      `Du et al. CNN (σ = ${activation}): k = ${k}, p = ${p}, (1ᵀa*)²/‖a*‖² = ${formatNumber(choice.ratio, 6)}, ‖a*‖ = ${formatNumber(choice.anorm, 6)}; spurious local minimum ${spuriousIsLocalMinimum ? "exists" : "does not exist"}${kernel ? " (at φ = π, numerically)" : ""}`,
      `run:      ${method === "wn-gd" ? "WN-GD (Algorithm 1)" : "plain GD on (w, a)"}, ${data}, η = ${formatNumber(eta, 6)}, ${init} init, seed ${seed}, trial ${trial}`,
      `start:    φ₀ = ${formatNumber(r.phi0, 6)} (${degrees(r.phi0)}), a₀ᵀa* = ${formatNumber(r.a0DotAstar, 6)}, 1ᵀa₀ = ${formatNumber(r.oneDotA0, 6)}`,
      `outcome:  ${r.outcome} after ${r.steps} steps${r.phaseSwitch !== null ? `; fast phase from step ${r.phaseSwitch}` : ""}`,
      r.loss === null || r.gradNorm === null || r.aDotAstar === null || r.oneDotA === null || r.vNorm === null
        ? `end:      diverged at step ${r.steps} (no finite end state)`
        : `end:      loss ${formatNumber(r.loss, 6)}, ‖∇ℓ‖ ${formatNumber(r.gradNorm, 4)}, φ = ${formatNumber(r.phi, 6)} (${degrees(r.phi)}), aᵀa* = ${formatNumber(r.aDotAstar, 6)}, 1ᵀa = ${formatNumber(r.oneDotA, 6)}, ‖v‖ = ${formatNumber(r.vNorm, 8)}`,
    ];
    if (wantTrajectory && detail.trajectory) {
      lines.push("", "step          loss            φ          aᵀa*         1ᵀa          ‖v‖");
      for (const q of detail.trajectory) {
        lines.push(
          [
            String(q.step).padEnd(10),
            formatNumber(q.loss, 6).padStart(12),
            formatNumber(q.phi, 6).padStart(12),
            formatNumber(q.aDotAstar, 6).padStart(12),
            formatNumber(q.oneDotA, 6).padStart(12),
            formatNumber(q.vNorm, 8).padStart(12),
          ].join(" "),
        );
      }
    }
    console.log(lines.join("\n"));
    return 0;
  },
};
