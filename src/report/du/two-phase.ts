/** Du et al. (2018), the two phases of gradient descent: claim, method, checkpoint table and figure. */
import { lineChart } from "../../figures/line-chart.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { DuRun, DuTrajectoryPoint, DuTwoPhase } from "./compute/two-phase.js";
import type { DuResults } from "./results.js";

export interface TwoPhaseFacts {
  readonly twoPhase: DuTwoPhase;
  readonly globalRuns: number;
  /** Global runs with a detected switch after step 0. */
  readonly detected: number;
  /** Runs whose log-loss slope after the switch is below twice the slope before (both negative). */
  readonly faster: number;
  readonly speedups: readonly number[];
}

export function twoPhaseFacts(r: DuResults): TwoPhaseFacts {
  const tp = r.twoPhase;
  const globalRuns = tp.runs.filter((x) => x.outcome === "global");
  return {
    twoPhase: tp,
    globalRuns: globalRuns.length,
    detected: globalRuns.filter((x) => x.phaseSwitch !== null && x.phaseSwitch > 0).length,
    faster: tp.rates.filter((x) => x.after < 2 * x.before).length,
    speedups: tp.rates
      .filter((x) => x.before > -Infinity)
      .map((x) => (x.before === 0 ? Infinity : x.after / x.before)),
  };
}

export const twoPhaseClaims: readonly ClaimSpec<TwoPhaseFacts>[] = [
  {
    id: "du-two-phase",
    statement:
      "Gradient descent has two phases: it starts slowly and converges much faster after some iterations (abstract); Phase II is linear convergence.",
    provenance: "verified",
    measured: (f) =>
      `A switch was detected in ${f.detected} of ${f.globalRuns} global runs; log₁₀-loss slope per step before → after the switch: ${f.twoPhase.rates.map((x) => `${fmt(x.before)} → ${fmt(x.after)}`).join("; ")}.`,
    verdict: {
      test: "agrees when a switch (the knee of log ℓ_t) is detected after step 0 in every global run and in every such run the log₁₀-loss slope after the switch is below twice the slope before it (more than twice as fast); else partly agrees",
      decide: (f) =>
        f.detected === f.globalRuns && f.faster === f.twoPhase.rates.length ? "agrees" : "partly agrees",
    },
    why: (f) =>
      f.speedups.length > 0
        ? "the slow phase lasts while φ is near π/2 and aᵀa* is small; its length varies strongly with the start"
        : undefined,
  },
];

const CHECKPOINTS = [0, 10, 100, 200];

const near = (run: DuRun, t: number) =>
  run.points.reduce((b, q) => (Math.abs(q.step - t) < Math.abs(b.step - t) ? q : b));

export const twoPhase: SubsectionSpec<DuResults> = {
  id: "two-phase",
  title: "Two phases",
  method: ({ twoPhase: tp }) =>
    `Population WN-GD, k = ${tp.spec.k}, p = ${tp.spec.p}, (1ᵀa*)² = ${tp.spec.ratio}, η = ${tp.spec.eta}, ${tp.spec.maxSteps} steps without early stopping. Switch: the knee of log ℓ_t against t (the point furthest above the chord; src/train/phase-switch.ts).`,
  claims: (r) => evaluateClaims(twoPhaseClaims, twoPhaseFacts(r)),
  tables: ({ twoPhase: tp }) => [
    {
      id: "du-two-phase-checkpoints",
      caption: "Checkpoints of each run (nearest recorded step)",
      columns: ["trial", "outcome", "switch", "t", "ℓ_t", "φ_t", "a_tᵀa*"],
      rows: tp.runs.flatMap((run) =>
        CHECKPOINTS.map((t) => {
          const q = near(run, t);
          return [
            run.trial,
            run.outcome,
            run.phaseSwitch ?? "—",
            q.step,
            fmt(q.loss),
            fmt(q.phi),
            fmt(q.aDotAstar),
          ];
        }),
      ),
    },
  ],
  figures: ({ twoPhase: tp }) => {
    const series = (pick: (q: DuTrajectoryPoint) => number) =>
      tp.runs.map((run) => ({
        label: `trial ${run.trial} (${run.outcome})`,
        points: run.points.map((q) => ({ x: q.step, y: pick(q) })),
      }));
    const markers = tp.runs.flatMap((run, i) =>
      run.phaseSwitch !== null && run.phaseSwitch > 0 ? [{ series: i, x: run.phaseSwitch }] : [],
    );
    return [
      lineChart({
        name: "du-two-phase",
        title: "Du et al.: two phases of gradient descent",
        caption:
          "Loss (log scale), angle φ_t and alignment a_tᵀa* against the iteration for several random starts (k = p = 25, (1ᵀa*)² = 4, η = 0.2). Dotted verticals mark the detected switch to the fast phase: a slow first phase while φ and aᵀa* grow together, then a straight (linear-rate) decline of the loss to round-off.",
        columns: 3,
        panels: [
          {
            x: { label: "iteration t" },
            y: { label: "loss ℓ_t", log: true },
            series: series((q) => Math.max(q.loss, 1e-32)),
            markers,
          },
          {
            x: { label: "iteration t" },
            y: { label: "angle φ_t (rad)" },
            series: series((q) => q.phi),
            markers,
            references: [{ y: Math.PI / 2, label: "π/2" }],
          },
          {
            x: { label: "iteration t" },
            y: { label: "a_tᵀa*" },
            series: series((q) => q.aDotAstar),
            markers,
          },
        ],
      }),
    ];
  },
  data: ({ twoPhase: tp }) => ({ twoPhase: tp }),
};
