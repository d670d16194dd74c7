/** Du et al. (2018): the paper, its intro and its subsections in report order. */

import { type StepProgress, silentProgress } from "../../io/step-progress.js";
import type { SectionBuilder } from "../build.js";
import { renderSubsections } from "../claims.js";
import type { Section } from "../types.js";
import { proofs } from "./proofs.js";
import { restarts } from "./restarts.js";
import { computeDu, type DuResults } from "./results.js";
import { samples } from "./samples.js";
import { sensitivity } from "./sensitivity.js";
import { slice } from "./slice.js";
import { table } from "./table.js";
import { twoPhase } from "./two-phase.js";

export const DU_SUBSECTIONS = [table, restarts, twoPhase, slice, sensitivity, samples, proofs] as const;

export function duSection(r: DuResults, progress: StepProgress = silentProgress): Section {
  return {
    id: "du",
    title: "Du, Lee, Tian, Póczos & Singh (2018): one-hidden-layer CNN",
    paper:
      "Gradient Descent Learns One-hidden-layer CNN: Don't be Afraid of Spurious Local Minima (ICML 2018)",
    arxiv: "1712.00779",
    docs: [
      { path: "docs/du-cnn.md", title: "the one-hidden-layer CNN" },
      { path: "docs/proofs.md", title: "proven critical points" },
    ],
    external: [],
    intro:
      "The paper's full text was not available to us: only its abstracts are verified. The theorem statements are from recollection, and its experiments section (table sizes, p, η, trial counts) is unknown, so Minima compares patterns and exact derived statements, not the paper's printed numbers.",
    subsections: renderSubsections(DU_SUBSECTIONS, r, progress, "Du"),
    missing: [],
  };
}

export const duBuilder: SectionBuilder = {
  id: "du",
  title: "Du et al. (2018)",
  async build(settings) {
    return duSection(await computeDu(settings), settings.progress);
  },
};
