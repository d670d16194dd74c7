/** Tian (2017), Fig. 3: the closed form of E[F(e, w)] against samples, by `minima fc fig3`'s experiment. */
import { closedFormF, type Fig3Result, type Fig3Spec, fig3 } from "../../../experiments/tian/fig3.js";
import { bySize, type ReportSettings } from "../../settings.js";
import { slopeOf } from "./slope.js";

export interface TianFig3 {
  readonly spec: Omit<Fig3Spec, "seed">;
  readonly result: Fig3Result;
  /** Least-squares slope of log₁₀(mean error) against log₁₀ N over the three largest N, per input law and d (−½ for pure sampling noise). */
  readonly slopes: readonly { readonly law: string; readonly d: number; readonly slope: number }[];
  /** A deterministic check of the closed form itself: E[F(e, e)] = e/2 at θ = 0 (max abs deviation). */
  readonly thetaZeroCheck: number;
}

export function closedFormVersusSamples(settings: Pick<ReportSettings, "size" | "seed">): TianFig3 {
  const thetaCount = bySize(settings.size, { smoke: 6, quick: 12, full: 24 });
  const spec: Omit<Fig3Spec, "seed"> = {
    laws: ["gaussian", "uniform"],
    ds: bySize(settings.size, { smoke: [5], quick: [10], full: [10, 100] }),
    Ns: bySize(settings.size, {
      smoke: [100, 1000],
      quick: [100, 1000, 10_000, 100_000],
      full: [100, 1000, 10_000, 100_000],
    }),
    // θ = πi/n: the error grows towards π, where the two gates rarely open together
    thetas: Array.from({ length: thetaCount }, (_, i) => (Math.PI * i) / thetaCount),
    thetaN: bySize(settings.size, { smoke: 200, quick: 1000, full: 1000 }),
    pairs: bySize(settings.size, { smoke: 4, quick: 20, full: 40 }),
  };
  const result = fig3({ ...spec, seed: settings.seed });
  const slopes = spec.laws.flatMap((law) =>
    spec.ds.map((d) => {
      // the three largest N: at small N and large d the error saturates near 1, which flattens the slope
      const cells = result.versusN.filter((c) => c.law === law && c.d === d).slice(-3);
      return {
        law,
        d,
        slope: slopeOf(
          cells.map((c) => Math.log10(c.N)),
          cells.map((c) => Math.log10(c.meanRelativeError)),
        ),
      };
    }),
  );
  const e = Float64Array.of(0.6, 0.8, 0);
  const half = closedFormF(e, e, 0);
  const thetaZeroCheck = Math.max(...half.map((v, i) => Math.abs(v - e[i] / 2)));
  return { spec, result, slopes, thetaZeroCheck };
}
