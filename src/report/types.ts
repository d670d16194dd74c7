/**
 * The report as plain data. Each paper's folder (du/, tian/, ding/) computes its results as plain
 * data and renders them, one file per subsection, into this shape (claims, tables, figures); the
 * HTML, Markdown and JSON writers read only this shape.
 *
 * A claim is written as data (`ClaimSpec`): what the paper states, where that statement comes from,
 * how the measurement is put into words, and the verdict as a stated test with its threshold plus
 * the function that applies it. `evaluateClaim` (claims.ts) turns a spec and a subsection's results
 * into the rendered `Claim`, which carries the test's text beside the verdict.
 */
import type { Figure } from "../figures/figure.js";

/** How far the compared statement is the paper's own, (docs/report.md#provenance-how-sure-we-are-that-the-paper-says-it). */
export type Provenance =
  | "verified" // checked against the paper's available text
  | "recalled" // recollection of the paper, not verified: treat as a hypothesis
  | "derived" // derived for Minima (true for the model; docs/ on each paper), not necessarily printed in the paper
  | "prior-run" // a pattern or number from independent simulations made before Minima (docs/), not the paper's
  | "released"; // the authors' released results (their result files and processing), not the paper's printed text

export type Verdict = "agrees" | "differs" | "partly agrees" | "not comparable";

export interface Claim {
  readonly id: string;
  /** What the paper states (or, for prior-run patterns, what is expected). */
  readonly paper: string;
  readonly provenance: Provenance;
  /** What Minima measured, with intervals. */
  readonly measured: string;
  readonly verdict: Verdict;
  /** The test that decided the verdict, with its threshold, in words. */
  readonly test: string;
  /** Why it differs, or why the comparison is limited, where known. */
  readonly why?: string;
}

/** How a verdict is reached: the test in words (with its threshold) and the function that applies it. */
export interface VerdictRule<R> {
  readonly test: string;
  readonly decide: (r: R) => Verdict;
}

/**
 * A claim as data, over the results `R` of its subsection (usually the subsection's facts: the
 * numbers derived from the paper's results that the claims compare). `statement` is rendered as
 * the claim's `paper` field (the name results.json has always used).
 */
export interface ClaimSpec<R> {
  readonly id: string;
  /** What the paper states (or, for prior-run patterns, what is expected). */
  readonly statement: string;
  readonly provenance: Provenance;
  /** What Minima measured, with intervals, in words. */
  readonly measured: (r: R) => string;
  readonly verdict: VerdictRule<R>;
  /** Why it differs, or why the comparison is limited, where known. */
  readonly why?: string | ((r: R) => string | undefined);
  /** Whether the claim is made at all for these results (default: always). */
  readonly applies?: (r: R) => boolean;
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

/**
 * A subsection as parts kept apart: the method text, the claims (evaluated from the claim specs),
 * the tables, the figures and the raw data, each a function of the paper's results `R`.
 */
export interface SubsectionSpec<R> {
  readonly id: string;
  readonly title: string;
  readonly method: (r: R) => string;
  readonly claims: (r: R) => readonly Claim[];
  readonly tables: (r: R) => readonly Table[];
  readonly figures: (r: R) => readonly Figure[];
  readonly data: (r: R) => unknown;
}

/** A page of Minima's docs/ that explains a section's mathematics and protocol. */
export interface DocLink {
  /** The path in the repository, e.g. "docs/du-cnn.md". */
  readonly path: string;
  readonly title: string;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly paper: string;
  /** The paper's arXiv identifier, e.g. "1712.00779". */
  readonly arxiv: string;
  /** The docs/ pages behind the section. */
  readonly docs: readonly DocLink[];
  /** Results of others that the section's claims hold Minima against (empty when none), in words. */
  readonly external: readonly string[];
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
  derived: "derived for Minima (see docs/), not necessarily printed in the paper",
  "prior-run": "from independent simulations made before Minima (see docs/), not the paper's numbers",
  released: "from the authors' released results, not the paper's printed text",
};
