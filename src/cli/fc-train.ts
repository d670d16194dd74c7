/**
 * `minima fc train`: one run of population gradient descent (or, with --optimizer flow, gradient flow)
 * on Tian's two-layer network g(x) = Σ_j a_j σ(w_jᵀx), x ~ N(0, I_d), J = ½E[(g − g*)²], from a seeded
 * start; σ = ReLU by default, any activation of the registry with --activation.
 */
import { InputError } from "../core/errors.js";
import {
  FC_TRAIN_DEFAULTS,
  type StartSpec,
  type TeacherSpec,
  type TrainSpec,
  trainFc,
  validateFcTrainSpec,
} from "../experiments/tian/train.js";
import type { Command } from "./command.js";
import { ACTIVATION_HELP, activationFlag, networkFile } from "./fc-common.js";
import { boolFlag, choiceFlag, numberFlag, optionalStringFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima fc train --K K --d D [--Kstar K*] [--teacher orthonormal|gaussian] [--teacher-file FILE]
                       [--init gaussian|ball] [--init-std s] [--init-radius r] [--init-file FILE] [--train-a]
                       [--eta E] [--steps N] [--seed S] [--activation σ] [--hessian] [--json]
                       [--optimizer gd|flow] [--flow-rtol r] [--flow-atol a]

Population GD (closed-form gradient, Tian 2017; docs/tian.md#closed-forms) on g(x) = Σ_j a_j σ(w_jᵀx) against a teacher with
the same σ (ReLU by default; for other σ the gradient comes from σ's pair kernel, see --activation).
Teacher: orthonormal w*_j = e_j (needs d >= K*), Gaussian N(0, 1) entries (the author's convergence.py),
or --teacher-file with {"W":[[…d…],…K* rows],"a":[…]?}. The top weights are ones unless given; they are
trained only with --train-a. Start: N(0, s²) entries (default s = 1e-3), uniform in a ball of radius r per
unit, or --init-file {"W":…,"a":…?}. Random streams: teacher Rng(seed, 0), start Rng(seed, 1).

Prints the outcome (global: J < 1e-10; stationary: ‖∇J‖ < 1e-10 above that; max-steps; diverged;
out-of-range: a unit's norm passed 20, the range of a smooth σ's quadrature — J, ‖∇J‖ of the step before), final J,
‖∇J‖, W, a, a thinned trace, the distance to the teacher up to a permutation of units (when K = K*), and with
--hessian the Hessian's index, zero modes and smallest eigenvalue (from the kernel's second-order terms
for relu, leaky-relu and elu; central differences of the gradient for smooth σ). The outcome rules use
only J and ‖∇J‖, for every σ. For an odd σ (tanh, erf, linear) with --train-a, (−w_j, −a_j) is the same
unit as (w_j, a_j): the teacher distance compares units up to that mirror (rows taken with a_j ≥ 0).

Flags:
  --K K, --d D      hidden units and input dimension (integers >= 1)
  --Kstar K*        teacher width (default K)
  --eta E           step size (default 0.1); --steps N budget (default 10000); --seed S (default 1)
  --optimizer flow  gradient flow dW/dt = −∇J instead of GD steps, by an adaptive integrator (explicit
                    Dormand–Prince, RODAS4 on the Hessian where the flow is stiff; docs/gradient-flow.md)
                    with per-step tolerances --flow-rtol (default 1e-6) and --flow-atol (default 1e-9);
                    --steps then counts accepted flow steps, --eta is unused, and the flow time is printed
  ${ACTIVATION_HELP}
  --json            print JSON

Example: minima fc train --K 5 --d 5 --teacher orthonormal --init gaussian --init-std 1e-3 --steps 20000`;

/** The CLI flag of each spec field, so the validator's messages name what the user typed. */
const FLAG_OF: Readonly<Record<string, string>> = {
  K: "--K",
  Kstar: "--Kstar",
  d: "--d",
  eta: "--eta",
  maxSteps: "--steps",
  seed: "--seed",
  activation: "--activation",
  optimizer: "--optimizer",
  flowRtol: "--flow-rtol",
  flowAtol: "--flow-atol",
  "start.std": "--init-std",
  "start.radius": "--init-radius",
  "start.W": "--init-file",
};
const fcTrainFlagName = (field: string): string => FLAG_OF[field] ?? field;

export const fcTrainCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      K: { type: "string" },
      d: { type: "string" },
      Kstar: { type: "string" },
      teacher: { type: "string" },
      "teacher-file": { type: "string" },
      init: { type: "string" },
      "init-std": { type: "string" },
      "init-radius": { type: "string" },
      "init-file": { type: "string" },
      "train-a": { type: "boolean" },
      eta: { type: "string" },
      steps: { type: "string" },
      seed: { type: "string" },
      hessian: { type: "boolean" },
      activation: { type: "string" },
      optimizer: { type: "string" },
      "flow-rtol": { type: "string" },
      "flow-atol": { type: "string" },
      json: { type: "boolean" },
    });
    const activation = activationFlag(flags);
    const teacherFile = optionalStringFlag(flags, "teacher-file");
    let teacher: TeacherSpec;
    let d: number;
    let Kstar: number | undefined;
    if (teacherFile !== undefined) {
      if (flags.values.teacher !== undefined)
        throw new InputError("--teacher", "cannot be combined with --teacher-file");
      const network = networkFile("teacher-file", teacherFile);
      teacher = { kind: "given", network };
      d = network.d;
      if (flags.values.d !== undefined && numberFlag(flags, "d") !== d)
        throw new InputError("--d", `must match the teacher file's dimension ${d}`, flags.values.d);
      Kstar = network.K;
    } else {
      const kind = choiceFlag(flags, "teacher", ["orthonormal", "gaussian"] as const, "orthonormal");
      teacher = kind === "gaussian" ? { kind, scale: 1 } : { kind };
      d = numberFlag(flags, "d");
    }
    // Flags are parsed here; their ranges are checked by the experiment's one validator.
    const K = numberFlag(flags, "K");
    if (teacherFile === undefined) Kstar = numberFlag(flags, "Kstar", { default: K });
    const initFile = optionalStringFlag(flags, "init-file");
    let start: StartSpec;
    if (initFile !== undefined) {
      const net = networkFile("init-file", initFile, d);
      if (net.K !== K) throw new InputError("--init-file", `must have K = ${K} rows`, `${net.K} rows`);
      start = { kind: "given", W: net.W, a: net.a };
    } else {
      const init = choiceFlag(flags, "init", ["gaussian", "ball"] as const, "gaussian");
      start =
        init === "gaussian"
          ? {
              kind: "gaussian",
              std: numberFlag(flags, "init-std", { default: FC_TRAIN_DEFAULTS.start.std }),
            }
          : {
              kind: "ball",
              radius: numberFlag(flags, "init-radius", { default: 1e-3 }),
            };
    }
    const trainA = boolFlag(flags, "train-a");
    const spec = validateFcTrainSpec(
      {
        K,
        Kstar,
        d,
        teacher,
        start,
        trainA,
        eta: numberFlag(flags, "eta", { default: FC_TRAIN_DEFAULTS.eta }),
        maxSteps: numberFlag(flags, "steps", { default: FC_TRAIN_DEFAULTS.maxSteps }),
        seed: numberFlag(flags, "seed", { default: FC_TRAIN_DEFAULTS.seed }),
        hessian: boolFlag(flags, "hessian"),
        activation,
        optimizer: choiceFlag(flags, "optimizer", ["gd", "flow"] as const, "gd"),
        ...(flags.values["flow-rtol"] !== undefined ? { flowRtol: numberFlag(flags, "flow-rtol") } : {}),
        ...(flags.values["flow-atol"] !== undefined ? { flowAtol: numberFlag(flags, "flow-atol") } : {}),
      },
      fcTrainFlagName,
    );
    const result = trainFc(spec);
    if (boolFlag(flags, "json")) {
      printJson({ K, Kstar, d, trainA, activation, ...result });
      return 0;
    }
    for (const line of settingsLines(spec)) console.log(line);
    const flowTime = result.time === undefined ? "" : ` (flow time ${formatNumber(result.time)})`;
    if (result.loss === null || result.gradNorm === null) {
      console.log(
        `σ = ${activation}: diverged at step ${result.steps}${flowTime} (J or a weight passed 1e100; no final J, ‖∇J‖ or W to show)`,
      );
      return 0;
    }
    console.log(`σ = ${activation}: outcome ${result.outcome} after ${result.steps} steps${flowTime}`);
    console.log(`J = ${formatNumber(result.loss)}, ‖∇J‖ = ${formatNumber(result.gradNorm)}`);
    if (result.teacherDistance)
      console.log(
        `max ‖w_j − w*_π(j)‖ = ${formatNumber(result.teacherDistance.max)}, π = [${result.teacherDistance.permutation.join(", ")}]`,
      );
    if (result.hessian)
      console.log(
        `Hessian: index ${result.hessian.index}, zero modes ${result.hessian.zeroModes}, λ_min ${formatNumber(result.hessian.minEigenvalue)}`,
      );
    return 0;
  },
};

/** The settings of the run, as `cnn train` echoes its own: teacher, sizes, top weights, optimiser, start, seed. */
export function settingsLines(spec: TrainSpec): string[] {
  const Kstar = spec.teacher.kind === "given" ? spec.teacher.network.K : (spec.Kstar ?? spec.K);
  const teacher =
    spec.teacher.kind === "given"
      ? "teacher from --teacher-file"
      : spec.teacher.kind === "gaussian"
        ? `Gaussian teacher (scale ${formatNumber(spec.teacher.scale)})`
        : "orthonormal teacher";
  const start =
    spec.start.kind === "given"
      ? "start from --init-file"
      : spec.start.kind === "gaussian"
        ? `Gaussian start (std ${formatNumber(spec.start.std)})`
        : `start in a ball (radius ${formatNumber(spec.start.radius)})`;
  const optimiser =
    spec.optimizer === "flow"
      ? `gradient flow${spec.flowRtol !== undefined ? `, rtol ${formatNumber(spec.flowRtol)}` : ""}${spec.flowAtol !== undefined ? `, atol ${formatNumber(spec.flowAtol)}` : ""}`
      : `population GD, η = ${formatNumber(spec.eta)}`;
  return [
    `two-layer network (σ = ${spec.activation ?? "relu"}): K = ${spec.K}, K* = ${Kstar} (${teacher}), d = ${spec.d}, top weights ${spec.trainA ? "trained" : "fixed"}`,
    `run:      ${optimiser}, at most ${spec.maxSteps} steps, ${start}, seed ${spec.seed}`,
  ];
}
