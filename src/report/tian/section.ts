/** Tian (2017): the paper, its intro and its subsections in report order. */

import { type StepProgress, silentProgress } from "../../io/step-progress.js";
import type { SectionBuilder } from "../build.js";
import { renderSubsections } from "../claims.js";
import type { Section } from "../types.js";
import { critical } from "./critical.js";
import { dynamics } from "./dynamics.js";
import { fig3 } from "./fig3.js";
import { k1 } from "./k1.js";
import { noisy } from "./noisy.js";
import { computeTian, type TianResults } from "./results.js";
import { saddles } from "./saddles.js";

export const TIAN_SUBSECTIONS = [fig3, dynamics, noisy, k1, saddles, critical] as const;

export function tianSection(r: TianResults, progress: StepProgress = silentProgress): Section {
  return {
    id: "tian",
    title: "Tian (2017): two-layer ReLU networks",
    paper:
      "An Analytical Formula of Population Gradient for two-layered ReLU network and its Applications in Convergence and Critical Point Analysis (ICML 2017), with its ICLR 2017 workshop version",
    arxiv: "1703.00560",
    docs: [{ path: "docs/tian.md", title: "the two-layer ReLU network" }],
    external: [],
    intro:
      "The workshop version's main text (its Lemma 3.1, Thms 3.3 and 4.1, Conjecture 4.3 and the captions of Figs. 3–5) was available and is what the verified claims quote; its appendix and figure images were not, so the figures' settings (d, N, K, noise levels) are Minima's choices (docs/tian.md). Of the ICML version only the abstract was available; the K = 2 criterion follows the author's code. J = ½E[(g − g*)²] per sample (the paper's data-matrix loss is N times this).",
    subsections: renderSubsections(TIAN_SUBSECTIONS, r, progress, "Tian"),
    missing: [],
  };
}

export const tianBuilder: SectionBuilder = {
  id: "tian",
  title: "Tian (2017)",
  async build(settings) {
    return tianSection(await computeTian(settings), settings.progress);
  },
};
