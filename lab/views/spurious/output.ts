/**
 * The Spurious-minima view's output: P(spurious) with its interval, every outcome's count, the
 * table of families (each with its proof, when the library gives one), and the selected family's
 * weight matrix as a heat map. Selecting a family redraws only the heat map.
 */
import type { FcFamily } from "../../../src/experiments/fc/families.js";
import type { ProportionEstimate } from "../../../src/math/stats.js";
import {
  familyProof,
  provenSpuriousShare,
  type SpuriousRun,
  spuriousOutcomes,
  studentWidth,
} from "../../compute/spurious.js";
import { availableWidth, figureBox, fittedFigure, minType } from "../../figures.js";
import { button, el, fmt } from "../../ui.js";
import type { ViewIO, ViewOutput } from "../define.js";
import { weightFigure, weightMatrix } from "./heat-map.js";

/** What a run of the view gives: the runs so far in trial order, and the families once all have run. */
export interface SpuriousResult {
  readonly runs: readonly SpuriousRun[];
  readonly families?: readonly FcFamily[];
}

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

/** The symmetry from its orbits: [7, 1] → "S₇ × S₁". */
export function symmetryText(orbits: readonly number[]): string {
  if (orbits.length === 0) return "—";
  return orbits.map((o) => `S${[...String(o)].map((c) => SUBSCRIPTS[Number(c)]).join("")}`).join(" × ");
}

export function proofText(f: FcFamily): string {
  const proof = familyProof(f);
  if (proof.state === "absent") return "not proven yet";
  if (proof.state === "proven") {
    const what = proof.kind ? `proven ${proof.kind}` : "proven";
    return proof.radius === undefined ? what : `${what}, r = ${fmt(proof.radius, 3)}`;
  }
  return proof.reason ? `not proven: ${proof.reason}` : "not proven";
}

export function intervalText(e: ProportionEstimate): string {
  return `[${fmt(e.lo, 3)}, ${fmt(e.hi, 3)}]`;
}

/** The family shown first: the most frequent spurious one, else the most frequent. */
export function defaultFamily(families: readonly FcFamily[]): number {
  const spurious = families.findIndex((f) => f.outcome === "spurious");
  return spurious >= 0 ? spurious : 0;
}

const FAMILY_HEADER = ["#", "outcome", "runs", "J", "k·J", "index", "λ_min", "orbits", "symmetry", "proof"];

export function spuriousOutput(io: ViewIO<"spurious">): ViewOutput<SpuriousResult> {
  const headline = el("p", { class: "headline", id: "ss-headline" });
  const proven = el("p", { id: "ss-proven" });
  const outcomes = el("table", { class: "results", id: "ss-outcomes" });
  const familiesNote = el("p", { id: "ss-families-note", "aria-live": "polite" });
  const familyTable = el("table", { class: "results", id: "ss-families" });
  const holder = el("div", { id: "ss-weights-holder" });
  const negatives = el("p", { id: "ss-negatives" });
  let figure: SVGSVGElement | null = null;
  let families: readonly FcFamily[] = [];
  let selected = 0;

  const drawWeights = () => {
    const f = families[selected];
    if (!f) {
      figure = null;
      holder.replaceChildren();
      negatives.textContent = "";
      return;
    }
    const n = studentWidth(io.state());
    const d = io.state().k;
    const available = availableWidth(holder);
    // the printed entries (9 px in the builder) need the figure drawn 14/9 times its size
    const values =
      (56 + d * Math.min(36, Math.floor(480 / Math.max(n, d))) + 24) * (minType() / 9) <= available;
    figure = fittedFigure(() => weightFigure(f, n, d, selected + 1, values), available);
    holder.replaceChildren(
      figureBox(
        figure,
        `The representative W of family ${selected + 1}: row j is student unit j, column i the coordinate e_i ` +
          "(the teacher's unit i); red is negative, blue positive, outlined entries are below −0.1·max|W|.",
        "ss-weights",
      ),
    );
    const W = weightMatrix(f, n, d);
    negatives.textContent =
      W.negatives.length === 0
        ? "No entry of W is clearly negative (all above −0.1·max|W|)."
        : `Clearly negative: ${W.negatives
            .map((c) => `unit ${c.row + 1} on coordinate ${c.column + 1}: ${fmt(c.value, 4)}`)
            .join("; ")}.`;
    for (const b of familyTable.querySelectorAll<HTMLButtonElement>("button[data-family]"))
      b.setAttribute("aria-pressed", b.dataset.family === String(selected) ? "true" : "false");
  };

  const familyRow = (f: FcFamily, i: number, k: number): HTMLElement => {
    const show = button(String(i + 1), () => {
      selected = i;
      drawWeights();
    });
    show.dataset.family = String(i);
    show.setAttribute("aria-label", `Show W of family ${i + 1}`);
    const cells = [
      f.outcome,
      String(f.count),
      fmt(f.loss, 6),
      fmt(k * f.loss, 4),
      String(f.index),
      fmt(f.lambdaMin, 4),
      f.orbits.join(" + ") || "—",
      symmetryText(f.orbits),
      proofText(f),
    ];
    const row = el(
      "tr",
      { "data-family": i },
      el("td", {}, show),
      ...cells.map((text) => el("td", { text })),
    );
    // the proof's full statement (or why it failed) on hover
    const reason = familyProof(f).reason;
    if (reason) row.lastElementChild?.setAttribute("title", reason);
    return row;
  };

  return {
    elements: [headline, proven, outcomes, familiesNote, familyTable, holder, negatives],
    figure: () => figure,
    render(result, final) {
      const runs = result.runs;
      const estimates = spuriousOutcomes(runs);
      const sp = estimates.spurious;
      headline.textContent =
        runs.length === 0
          ? "No run has finished yet."
          : `P(spurious) = ${fmt(sp.p, 4)}, 95% Wilson interval ${intervalText(sp)}: ${sp.count} of ${runs.length} runs.`;
      outcomes.replaceChildren(
        el("tr", {}, ...["outcome", "runs", "P", "95% interval"].map((h) => el("th", { text: h }))),
        ...Object.entries(estimates).map(([name, e]) =>
          el(
            "tr",
            { "data-outcome": name },
            el("th", { text: name }),
            el("td", { text: String(e.count) }),
            el("td", { text: runs.length > 0 ? fmt(e.p, 4) : "—" }),
            el("td", { text: runs.length > 0 ? intervalText(e) : "—" }),
          ),
        ),
      );
      const k = io.state().k;
      const next = result.families ?? [];
      if (next !== families) {
        families = next;
        selected = defaultFamily(families);
      }
      const share = provenSpuriousShare(families, runs.length);
      proven.textContent =
        result.families === undefined || families.every((f) => f.outcome !== "spurious")
          ? ""
          : share
            ? `Runs ending at a proven spurious minimum: ${fmt(share.p, 4)}, 95% interval ${intervalText(share)} (${share.count} of ${runs.length}).`
            : "Runs ending at a proven spurious minimum: not proven yet (the families carry no proof).";
      familiesNote.textContent =
        result.families !== undefined
          ? families.length === 0
            ? "No run ended away from the global minimum, so there are no families."
            : `${families.length} ${families.length === 1 ? "family" : "families"} of end points modulo the symmetries; choose one by its number to see its W.`
          : final
            ? "No run ended away from the global minimum, so there are no families."
            : "The families appear when every run has finished.";
      familyTable.replaceChildren(
        ...(families.length === 0
          ? []
          : [
              el("tr", {}, ...FAMILY_HEADER.map((h) => el("th", { text: h }))),
              ...families.map((f, i) => familyRow(f, i, k)),
            ]),
      );
      drawWeights();
    },
  };
}
