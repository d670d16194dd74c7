/**
 * The report as plain data. Each paper's section module computes its results as plain data and
 * then renders them into this shape (claims, tables, figures); the HTML, Markdown and JSON writers
 * read only this shape.
 */
import type { Figure } from "../figures/figure.js";

/** How far the compared statement is the paper's own, as labelled in the paper notes. */
export type Provenance =
  | "verified" // checked against the paper's available text
  | "recalled" // recollection of the paper, not verified: treat as a hypothesis
  | "derived" // derived in the notes (true for the model), not necessarily printed in the paper
  | "notes-run"; // a pattern from simulations made for the notes, not the paper's numbers

export type Verdict = "agrees" | "differs" | "partly agrees" | "not comparable";

export interface Claim {
  readonly id: string;
  /** What the paper states (or, for notes-run patterns, what is expected). */
  readonly paper: string;
  readonly provenance: Provenance;
  /** What Minima measured, with intervals. */
  readonly measured: string;
  readonly verdict: Verdict;
  /** Why it differs, or why the comparison is limited, where known. */
  readonly why?: string;
}

export type Cell = string | number;

export interface Table {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface Subsection {
  readonly id: string;
  readonly title: string;
  /** Settings and method in a sentence or two. */
  readonly method: string;
  readonly claims: readonly Claim[];
  readonly tables: readonly Table[];
  readonly figures: readonly Figure[];
  /** The raw numbers behind the claims, tables and figures (written to results.json). */
  readonly data: unknown;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly paper: string;
  readonly intro: string;
  readonly subsections: readonly Subsection[];
  /** Parts that could not be computed (a missing capability), named honestly. */
  readonly missing: readonly string[];
}

export type ReportSize = "smoke" | "quick" | "full";

export interface ReportMeta {
  readonly title: string;
  readonly version: string;
  readonly size: ReportSize;
  readonly seed: number;
  readonly command: string;
}

export interface Report {
  readonly meta: ReportMeta;
  readonly sections: readonly Section[];
}

export const PROVENANCE_TEXT: Record<Provenance, string> = {
  verified: "verified against the paper's text",
  recalled: "recalled, not verified against the paper",
  derived: "derived in the notes (not necessarily printed in the paper)",
  "notes-run": "pattern from the notes' own simulations, not the paper's numbers",
};
