/**
 * Tian (2017), Fig. 4: the 2-D (x, y) dynamics (vector field, trajectories from (10⁻³, 0), the check
 * against full GD, random starts in Ω). The starts in Ω are drawn here, from
 * Rng.fromSeed(seed, streamKeyOf("tian-omega-starts", {K}), i).
 */
import {
  compareWithFull,
  type Dynamics2dResult,
  type FieldSample,
  type FullCheckResult,
  simulate2d,
  vectorField,
} from "../../../experiments/tian/dynamics2d.js";
import { Rng } from "../../../math/rng.js";
import { type ProportionEstimate, wilsonInterval } from "../../../math/stats.js";
import { symmetricSaddle } from "../../../models/fc/reduced-2d.js";
import { streamKeyOf } from "../../../sweep/canonical.js";
import { bySize, type ReportSettings } from "../../settings.js";

export interface TianField {
  readonly K: number;
  readonly saddle: number;
  readonly range: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly samples: readonly FieldSample[];
}

export interface TianOmegaStarts {
  readonly K: number;
  readonly starts: number;
  /** Starts whose 2-D trajectory ended at (1, 0). */
  readonly toTeacher: ProportionEstimate;
  /** Largest final distance from (1, 0) over the starts. */
  readonly maxFinalDistance: number;
}

export interface TianDynamics {
  readonly eta: number;
  readonly steps: number;
  readonly fields: readonly TianField[];
  /** Fig. 4(c, d): K = 2, 5, 10 from (10⁻³, 0). */
  readonly trajectories: readonly Dynamics2dResult[];
  /** The 2-D map against full population GD in d dimensions from the same start. */
  readonly fullCheck: FullCheckResult & { readonly steps: number };
  /** Thm 4.1(2): random starts uniform in Ω = {0 < x ≤ 1, 0 ≤ y ≤ 1, x > y}. */
  readonly omega: readonly TianOmegaStarts[];
  readonly omegaSettings: { readonly eta: number; readonly steps: number };
}

export function dynamics(settings: Pick<ReportSettings, "size" | "seed">): TianDynamics {
  const eta = 0.01;
  const steps = 1000;
  const n = bySize(settings.size, { smoke: 7, quick: 15, full: 21 });
  const range = { x: [0, 1.1] as const, y: [0, 0.6] as const };
  const fields = [2, 5].map((K) => ({
    K,
    saddle: symmetricSaddle(K),
    range,
    samples: vectorField({
      K,
      xMin: range.x[0],
      xMax: range.x[1],
      yMin: range.y[0],
      yMax: range.y[1],
      nx: n,
      ny: Math.round((n * 6) / 11) + 1,
    }),
  }));
  const recordEvery = bySize(settings.size, { smoke: 50, quick: 5, full: 2 });
  const trajectories = [2, 5, 10].map((K) => simulate2d({ K, x0: 1e-3, y0: 0, eta, steps, recordEvery }));
  const checkSteps = bySize(settings.size, { smoke: 100, quick: 1000, full: 1000 });
  const fullCheck = {
    ...compareWithFull({ K: 5, d: 7, x0: 1e-3, y0: 0, eta, steps: checkSteps }),
    steps: checkSteps,
  };
  const count = bySize(settings.size, { smoke: 5, quick: 50, full: 200 });
  const omegaSettings = { eta: 0.05, steps: 20_000 };
  const omega = [2, 3, 5, 10, 20].map((K) => {
    const key = streamKeyOf("tian-omega-starts", { K });
    let hits = 0;
    let maxFinalDistance = 0;
    for (let i = 0; i < count; i++) {
      const rng = Rng.fromSeed(settings.seed, key, i);
      // uniform on the triangle 0 ≤ y < x ≤ 1 (x = 0 has probability zero)
      const u = rng.uniform();
      const v = rng.uniform();
      const x = Math.max(u, v);
      const y = Math.min(u, v);
      const r = simulate2d({ K, x0: x, y0: y, ...omegaSettings, recordEvery: omegaSettings.steps });
      if (r.limit === "teacher") hits++;
      maxFinalDistance = Math.max(maxFinalDistance, Math.hypot(r.final.x - 1, r.final.y));
    }
    return { K, starts: count, toTeacher: wilsonInterval(hits, count), maxFinalDistance };
  });
  return { eta, steps, fields, trajectories, fullCheck, omega, omegaSettings };
}
