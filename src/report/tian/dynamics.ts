/** Tian (2017), the 2-D (x, y) dynamics (Fig. 4): claims, method, tables and figures. */
import type { Figure, MarkedPoint } from "../../figures/figure.js";
import { landscapeSlice } from "../../figures/landscape-slice.js";
import { lineChart } from "../../figures/line-chart.js";
import { vectorField } from "../../figures/vector-field.js";
import { evaluateClaims } from "../claims.js";
import { fmt, fmtProportion } from "../format.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { TianDynamics, TianField } from "./compute/dynamics.js";
import type { TianResults } from "./results.js";

export const dynamicsClaims: readonly ClaimSpec<TianDynamics>[] = [
  {
    id: "tian-detour",
    statement:
      "From (10⁻³, 0), gradient descent takes a detour: x and y both rise first, then y falls towards the teacher (1, 0) (Fig. 4(c)).",
    provenance: "verified",
    measured: (dyn) =>
      dyn.trajectories
        .map(
          (t) =>
            `K=${t.K}: y peaks at ${fmt(t.maxY.y)} at iteration ${t.maxY.step}, (x, y) = (${fmt(t.final.x, 4)}, ${fmt(t.final.y, 3)}) at ${dyn.steps}`,
        )
        .join("; "),
    verdict: {
      test: "agrees when for every K the peak of y exceeds 0.01 after iteration 0, the final y is below half that peak and the final x exceeds 0.9; else differs",
      decide: (dyn) =>
        dyn.trajectories.every(
          (t) => t.maxY.y > 0.01 && t.maxY.step > 0 && t.final.y < t.maxY.y / 2 && t.final.x > 0.9,
        )
          ? "agrees"
          : "differs",
    },
  },
  {
    id: "tian-faster-k",
    statement: "The error (x − 1)² + (K − 1)y² falls faster for larger K (Fig. 4(d)).",
    provenance: "verified",
    measured: (dyn) =>
      dyn.trajectories.map((t) => `K=${t.K}: ${fmt(t.final.error)} after ${dyn.steps} iterations`).join("; "),
    verdict: {
      test: "agrees when the final error strictly decreases from each K to the next larger one (K = 2, 5, 10); else differs",
      decide: (dyn) =>
        dyn.trajectories.every((t, i, tr) => i === 0 || t.final.error < tr[i - 1].final.error)
          ? "agrees"
          : "differs",
    },
  },
  {
    id: "tian-omega",
    statement:
      "From any start in Ω = {x ∈ (0, 1], y ∈ [0, 1], x > y} the dynamics converge to (1, 0): no trapping (Thm 4.1, Cor. 4.2).",
    provenance: "verified",
    measured: (dyn) =>
      `Random starts uniform in Ω reaching (1, 0): ${dyn.omega.map((o) => `K=${o.K}: ${o.toTeacher.count}/${o.toTeacher.n}`).join("; ")}; largest final distance ${fmt(Math.max(...dyn.omega.map((o) => o.maxFinalDistance)), 2)}.`,
    verdict: {
      test: "agrees when every random start in Ω, for every K, ends within 10⁻⁴ of (1, 0); else differs",
      decide: (dyn) => (dyn.omega.every((o) => o.toTeacher.count === o.toTeacher.n) ? "agrees" : "differs"),
    },
  },
  {
    id: "tian-reduction",
    statement:
      "With an orthonormal teacher, population GD keeps the form w_j = x w*_j + y Σ_{k≠j} w*_k and reduces to the 2-D dynamics of eqs. 16–17 (Sec. 4).",
    provenance: "verified",
    measured: ({ fullCheck: fc }) =>
      `Full population GD (K = ${fc.K}, d = ${fc.d}, ${fc.steps} steps from (10⁻³, 0)) against the 2-D map: max |Δx| + |Δy| = ${fmt(fc.maxDeviation, 2)}; max departure from the (x, y) form ${fmt(fc.maxStructureResidual, 2)}.`,
    verdict: {
      test: "agrees when full population GD and the 2-D map differ by less than 1e-12 (max |Δx| + |Δy|) and full GD departs from the (x, y) form by less than 1e-12; else differs",
      decide: ({ fullCheck: fc }) =>
        fc.maxDeviation < 1e-12 && fc.maxStructureResidual < 1e-12 ? "agrees" : "differs",
    },
  },
];

function fieldFigure(field: TianField, dyn: TianDynamics): Figure {
  const traj = dyn.trajectories.find((t) => t.K === field.K);
  const s = field.saddle;
  return vectorField({
    name: `tian-field-k${field.K}`,
    title: `Tian: the (x, y) vector field for K = ${field.K}`,
    caption: `Direction of population gradient descent on w_j = x·w*_j + y·Σ_{k≠j} w*_k (eqs. 16–17, K = ${field.K}), with the trajectory from (10⁻³, 0) (η = ${dyn.eta}, ${dyn.steps} iterations). Arrows on the diagonal y = x point along it towards the saddle x*_K = ${fmt(s, 4)}; below the diagonal they lead to the teacher (1, 0). The dashed grey lines are the diagonal and the segment from the saddle to (1, 0).`,
    x: { label: "x (weight on the own teacher unit w*_j)", domain: field.range.x },
    y: { label: "y (weight on each other unit w*_k)", domain: field.range.y },
    arrows: field.samples,
    trajectories: traj
      ? [{ label: `trajectory from (10⁻³, 0)`, points: traj.trajectory.map((p) => ({ x: p.x, y: p.y })) }]
      : [],
    points: [
      { x: s, y: s, label: `saddle x*_${field.K}`, symbol: "cross" },
      { x: 1, y: 0, label: "teacher (1, 0)", symbol: "star", labelLeft: true },
    ],
    guides: [
      {
        label: "y = x",
        points: [
          { x: 0, y: 0 },
          { x: 0.6, y: 0.6 },
        ],
      },
      {
        label: "saddle to teacher",
        points: [
          { x: s, y: s },
          { x: 1, y: 0 },
        ],
      },
    ],
  });
}

function dynamicsFigures(dyn: TianDynamics): Figure[] {
  const tr = dyn.trajectories;
  const trajFig = landscapeSlice({
    name: "tian-trajectories",
    title: "Tian: trajectories in (x, y) from (10⁻³, 0)",
    caption: `Population GD in the reduced coordinates for K = 2, 5, 10 (η = ${dyn.eta}, ${dyn.steps} iterations, dots every 100 iterations). Each path first climbs with x and y together (the detour), then turns down to the teacher (1, 0); crosses mark the saddles x*_K on the diagonal (dashed).`,
    x: { label: "x (weight on the own teacher unit)", domain: [0, 1.05] },
    y: { label: "y (weight on each other unit)", domain: [0, 0.6] },
    trajectories: tr.map((t) => ({
      label: `K = ${t.K}`,
      points: t.trajectory.map((p) => ({ x: p.x, y: p.y })),
    })),
    dotEvery: Math.max(1, Math.round(100 / Math.max(1, tr[0].trajectory[1]?.step ?? 100))),
    points: [
      ...tr.map((t): MarkedPoint => ({ x: t.saddle, y: t.saddle, label: `x*_${t.K}`, symbol: "cross" })),
      { x: 1, y: 0, label: "(1, 0)", symbol: "star", labelLeft: true },
    ],
    guides: [
      {
        label: "y = x",
        points: [
          { x: 0, y: 0 },
          { x: 0.6, y: 0.6 },
        ],
      },
    ],
  });
  const errFig = lineChart({
    name: "tian-error",
    title: "Tian: error against iteration",
    caption: `The error ‖w_j − w*_j‖² = (x − 1)² + (K − 1)y² along the same runs (log scale). All start at 0.998; the larger K, the faster the error falls (K = 10 reaches ${fmt(tr[tr.length - 1].final.error, 2)} by iteration ${dyn.steps}).`,
    panels: [
      {
        x: { label: "iteration t" },
        y: { label: "error (x − 1)² + (K − 1)y²", log: true },
        series: tr.map((t) => ({
          label: `K = ${t.K}`,
          points: t.trajectory.map((p) => ({ x: p.step, y: Math.max(p.error, 1e-30) })),
        })),
      },
    ],
  });
  return [...dyn.fields.map((f) => fieldFigure(f, dyn)), trajFig, errFig];
}

const CHECKPOINTS = [0, 10, 100, 200, 500, 1000];

export const dynamics: SubsectionSpec<TianResults> = {
  id: "dynamics",
  title: "The 2-D (x, y) dynamics: vector field, trajectories, error (Fig. 4)",
  method: ({ dynamics: dyn }) =>
    `Orthonormal teacher w*_j = e_j, unit top weights; the 2-D map x ← x + ηẋ, y ← y + ηẏ of eqs. 16–17 (one step is exactly one step of full population GD). Fig. 4(c, d): minima fc dynamics2d --K K --x0 0.001 --y0 0 --eta ${dyn.eta} --steps ${dyn.steps}. Starts in Ω: η = ${dyn.omegaSettings.eta}, ${dyn.omegaSettings.steps} steps, a run reaches (1, 0) when it ends within 10⁻⁴ of it.`,
  claims: (r) => evaluateClaims(dynamicsClaims, r.dynamics),
  tables: ({ dynamics: dyn }) => {
    const at = (t: (typeof dyn.trajectories)[number], step: number) =>
      t.trajectory.reduce((b, p) => (Math.abs(p.step - step) < Math.abs(b.step - step) ? p : b));
    return [
      {
        id: "tian-trajectory-checkpoints",
        caption:
          "Trajectories from (10⁻³, 0): (x, y) and the error at checkpoints (nearest recorded iteration)",
        columns: ["K", "t", "x", "y", "(x − 1)² + (K − 1)y²"],
        rows: dyn.trajectories.flatMap((t) =>
          CHECKPOINTS.map((c) => {
            const p = at(t, c);
            return [t.K, p.step, fmt(p.x, 4), fmt(p.y, 4), fmt(p.error)];
          }),
        ),
      },
      {
        id: "tian-omega-starts",
        caption: "Random starts uniform in Ω: how many reach (1, 0)",
        columns: ["K", "starts", "reach (1, 0)", "largest final distance"],
        rows: dyn.omega.map((o) => [o.K, o.starts, fmtProportion(o.toTeacher), fmt(o.maxFinalDistance, 2)]),
      },
    ];
  },
  figures: (r) => dynamicsFigures(r.dynamics),
  data: ({ dynamics: dyn }) => ({ dynamics: dyn }),
};
