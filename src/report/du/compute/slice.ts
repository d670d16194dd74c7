/** Du et al. (2018): the loss on a 2-D slice through the global and spurious minima, with GD trajectories. */
import type { CnnTrialSpec } from "../../../experiments/cnn/spec.js";
import { runCnnTrialDetailed } from "../../../experiments/cnn/trial.js";
import { Rng } from "../../../math/rng.js";
import { cnnPopulationLoss } from "../../../models/cnn/population.js";
import { saddleAngle, spuriousLoss, spuriousOutputWeights } from "../../../models/cnn/stationary.js";
import { cnnTeacherFromRatio } from "../../../models/cnn/teacher.js";
import { streamKeyOf } from "../../../sweep/canonical.js";
import { bySize, type ReportSettings } from "../../settings.js";
import { duSpec } from "./cells.js";

export interface DuSlice {
  readonly spec: CnnTrialSpec;
  /** x = φ ∈ [0, π] (v rotated from w* towards −w*), y = t (a = a* + t(a_s − a*)); values log₁₀ ℓ. */
  readonly grid: {
    readonly nx: number;
    readonly ny: number;
    readonly x0: number;
    readonly x1: number;
    readonly y0: number;
    readonly y1: number;
    readonly values: readonly number[];
  };
  readonly spuriousLoss: number;
  readonly spuriousLossOnSlice: number;
  readonly saddleAngle: number | null;
  readonly runs: readonly {
    readonly trial: number;
    readonly outcome: string;
    readonly points: readonly { readonly x: number; readonly y: number }[];
  }[];
}

export function slice(settings: ReportSettings): DuSlice {
  // no early stop: runs heading to the spurious minimum are followed on their slow approach to φ = π
  const spec = duSpec(25, 1, { eta: 0.2, maxSteps: 3000, earlyStop: false });
  const teacher = cnnTeacherFromRatio(spec.k, spec.p, spec.ratio, spec.anorm);
  const as = spuriousOutputWeights(teacher);
  const d = Float64Array.from(as, (x, i) => x - teacher.a[i]);
  const dd = d.reduce((s, x) => s + x * x, 0);
  const aStarD = teacher.a.reduce((s, x, i) => s + x * d[i], 0);
  // a_s − a* = α·a* + β·1, so (a − a*)ᵀd needs only aᵀa* and 1ᵀa, which every trajectory records
  const alpha = -Math.PI / (Math.PI - 1);
  const beta = (Math.PI * teacher.a.reduce((s, x) => s + x, 0)) / (spec.k + Math.PI - 1) / (Math.PI - 1);
  const nx = bySize(settings.size, { smoke: 21, quick: 61, full: 91 });
  const ny = bySize(settings.size, { smoke: 15, quick: 41, full: 61 });
  const y0 = -0.3;
  const y1 = 1.3;
  const values: number[] = [];
  const v = new Float64Array(spec.p);
  for (let j = 0; j < ny; j++) {
    const t = y0 + ((y1 - y0) * j) / (ny - 1);
    const a = Float64Array.from(teacher.a, (x, i) => x + t * d[i]);
    for (let i = 0; i < nx; i++) {
      const phi = (Math.PI * i) / (nx - 1);
      v.fill(0);
      v[0] = Math.cos(phi);
      v[1] = Math.sin(phi);
      values.push(Math.log10(Math.max(cnnPopulationLoss(teacher, v, a), 1e-12)));
    }
  }
  const vs = new Float64Array(spec.p);
  vs[0] = -1;
  const key = streamKeyOf("cnn-slice", spec);
  const runs = [];
  const count = bySize(settings.size, { smoke: 3, quick: 6, full: 8 });
  for (let t = 0; t < count; t++) {
    const det = runCnnTrialDetailed(spec, Rng.fromSeed(settings.seed, key, t), { trajectoryPoints: 200 });
    runs.push({
      trial: t,
      outcome: det.result.outcome,
      points: (det.trajectory ?? []).map((q) => {
        const aDotD = alpha * q.aDotAstar + beta * q.oneDotA;
        return { x: q.phi, y: (aDotD - aStarD) / dd };
      }),
    });
  }
  const phiS = saddleAngle(teacher);
  return {
    spec,
    grid: { nx, ny, x0: 0, x1: Math.PI, y0, y1, values },
    spuriousLoss: spuriousLoss(teacher),
    spuriousLossOnSlice: cnnPopulationLoss(teacher, vs, as),
    saddleAngle: phiS ?? null,
    runs,
  };
}
