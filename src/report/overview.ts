/** The report's opening, as data: verdict and provenance counts and the external results it is held against. */
import type { Provenance, Report } from "./types.js";

export interface LinkOptions {
  /** Where docs/ is as seen from the written report (e.g. "../docs/"); without it docs pages are named, not linked. */
  readonly docsHref?: string;
}

export const allClaims = (report: Report) =>
  report.sections.flatMap((s) => s.subsections.flatMap((sub) => sub.claims));

export function verdictCounts(report: Report): string {
  const counts = new Map<string, number>();
  for (const c of allClaims(report)) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${v}`).join(", ");
}

/** How many claims of each provenance, in words, for the report's opening. */
export function provenanceCounts(report: Report): string {
  const count = (p: Provenance) => allClaims(report).filter((c) => c.provenance === p).length;
  return [
    `${count("verified")} checked against the papers' text`,
    `${count("recalled")} recalled from the papers, not verified (hypotheses)`,
    `${count("released")} held against the authors' released results`,
    `${count("derived")} derived for Minima (mathematics in docs/, not necessarily printed in the papers)`,
    `${count("prior-run")} from Minima's own simulations made before it (docs/), not the papers' numbers`,
  ].join("; ");
}

/** The external results the report is held against, one per line (from the sections). */
export function externalResults(report: Report): readonly string[] {
  return report.sections.flatMap((s) => s.external);
}
