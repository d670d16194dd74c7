/** Claim specs and subsection specs turned into the report's plain data. */
import type { StepProgress } from "../io/step-progress.js";
import type { Claim, ClaimSpec, Subsection, SubsectionSpec } from "./types.js";

/** A claim spec applied to its results; `id` overrides the spec's id (for a claim made once per cell). */
export function evaluateClaim<R>(spec: ClaimSpec<R>, r: R, id: string = spec.id): Claim {
  return {
    id,
    paper: spec.statement,
    provenance: spec.provenance,
    measured: spec.measured(r),
    verdict: spec.verdict.decide(r),
    test: spec.verdict.test,
    why: typeof spec.why === "function" ? spec.why(r) : spec.why,
  };
}

/** The claims that apply to these results, in the order of the specs. */
export function evaluateClaims<R>(specs: readonly ClaimSpec<R>[], r: R): Claim[] {
  return specs.filter((s) => s.applies === undefined || s.applies(r)).map((s) => evaluateClaim(s, r));
}

export function renderSubsection<R>(spec: SubsectionSpec<R>, r: R): Subsection {
  return {
    id: spec.id,
    title: spec.title,
    method: spec.method(r),
    claims: spec.claims(r),
    tables: spec.tables(r),
    figures: spec.figures(r),
    data: spec.data(r),
  };
}

/** Renders a section's subsections (claims, tables, figures) as one progress step. */
export function renderSubsections<R>(
  specs: readonly SubsectionSpec<R>[],
  r: R,
  progress: StepProgress,
  label: string,
): Subsection[] {
  progress.step(`${label}: claims, tables and figures`, specs.length);
  const out = specs.map((spec) => {
    const sub = renderSubsection(spec, r);
    progress.advance();
    return sub;
  });
  progress.finish();
  return out;
}
