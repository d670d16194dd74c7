/** Safran & Shamir (2018): the paper, its intro and its subsections in report order. */

import { type StepProgress, silentProgress } from "../../io/step-progress.js";
import type { SectionBuilder } from "../build.js";
import { renderSubsections } from "../claims.js";
import type { Section } from "../types.js";
import { commandsText } from "./common.js";
import { curvature } from "./curvature.js";
import { families } from "./families.js";
import { probability } from "./probability.js";
import { RELEASED_EXTERNAL, RELEASED_PROVENANCE } from "./released.js";
import { computeSafranShamir, type SafranShamirResults } from "./results.js";
import { saddles } from "./saddles.js";

export const SS_SUBSECTIONS = [probability, families, curvature, saddles] as const;

export function safranShamirSection(
  r: SafranShamirResults,
  progress: StepProgress = silentProgress,
): Section {
  return {
    id: "safran-shamir",
    title: "Safran & Shamir (2018): spurious minima are common",
    paper: "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks (ICML 2018)",
    arxiv: "1712.08968",
    docs: [
      { path: "docs/safran-shamir.md", title: "the protocol and the released results" },
      { path: "docs/proofs.md", title: "the computer-assisted proofs" },
    ],
    external: [RELEASED_EXTERNAL],
    intro: `The paper's printed text was not available. The protocol follows the authors' released experiment code, and every number Minima is held against is ${RELEASED_PROVENANCE}: per (k, n) the runs of 1000 that ended non-global, the share in families verified as local minima by a computer-assisted proof, the mean lower bound on λ_min, and the loss of the most frequent family. The released runs used MATLAB's generator and cannot be replayed, so cells are compared statistically, each with its own binomial error on both sides. Minima decides every end point by its exact Hessian, and proves each family with a computer-assisted argument of its own (Newton–Kantorovich at the Newton-polished member, docs/proofs.md). ${commandsText(r)}`,
    subsections: renderSubsections(SS_SUBSECTIONS, r, progress, "Safran–Shamir"),
    missing: [],
  };
}

export const safranShamirBuilder: SectionBuilder = {
  id: "safran-shamir",
  title: "Safran & Shamir (2018)",
  async build(settings) {
    return safranShamirSection(await computeSafranShamir(settings), settings.progress);
  },
};
