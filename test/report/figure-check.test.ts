/**
 * The figure check (src/figures/check/) on every figure of the quick report (seed 1, the size CI
 * and the README's quick run use): each must pass every rule.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { checkFigure } from "../../src/figures/check/figure-check.js";
import type { Figure } from "../../src/figures/figure.js";
import { silentProgress } from "../../src/io/step-progress.js";
import { buildReport } from "../../src/report/build.js";
import { reportSections } from "../../src/report/sections.js";

let figures: Figure[] = [];

before(
  async () => {
    const report = await buildReport(
      reportSections,
      { size: "quick", seed: 1, workers: 2, progress: silentProgress },
      "test",
    );
    figures = report.sections.flatMap((s) => s.subsections.flatMap((sub) => sub.figures));
  },
  { timeout: 900_000 },
);

test("every figure of the quick report passes the figure check", () => {
  assert.ok(figures.length >= 25, `the report has ${figures.length} figures`);
  const problems = figures.flatMap((f) =>
    checkFigure(f.svg).map((p) => `${f.name}: ${p.rule}: ${p.message}`),
  );
  assert.deepEqual(problems, []);
});
