/** Ding, Li & Sun (2019): the paper, its intro and its subsections in report order. */

import { type StepProgress, silentProgress } from "../../io/step-progress.js";
import type { SectionBuilder } from "../build.js";
import { renderSubsections } from "../claims.js";
import type { Section } from "../types.js";
import { certificates } from "./certificates.js";
import { controls } from "./controls.js";
import { computeDing, type DingResults } from "./results.js";
import { yuChen } from "./yu-chen.js";

export const DING_SUBSECTIONS = [certificates, controls, yuChen] as const;

export function dingSection(r: DingResults, progress: StepProgress = silentProgress): Section {
  return {
    id: "ding",
    title: "Ding, Li & Sun (2019): sub-optimal local minima for almost all non-linear activations",
    paper:
      "Sub-Optimal Local Minima Exist for Neural Networks with Almost All Non-Linear Activations (arXiv 1911.01413; Mathematics of Operations Research 2022)",
    arxiv: "1911.01413",
    docs: [{ path: "docs/ding.md", title: "the construction and the verification protocol" }],
    external: [],
    intro:
      "Only the paper's abstracts were available, and the paper reports no experiments that we know of. Minima therefore verifies the headline claims on a construction of its own (docs/ding.md#the-construction), which has every property the abstract states, with the verification protocol of docs/ding.md#the-verification-protocol: each 'sub-optimal local minimum' verdict rests on an analytic certificate, perturbed restarts and a lower loss found elsewhere.",
    subsections: renderSubsections(DING_SUBSECTIONS, r, progress, "Ding"),
    missing: [],
  };
}

export const dingBuilder: SectionBuilder = {
  id: "ding",
  title: "Ding, Li & Sun (2019)",
  async build(settings) {
    return dingSection(await computeDing(settings), settings.progress);
  },
};
