/**
 * Snapshot tests of the report's own figures: every section computed at the deterministic smoke
 * size (fixed seed), each figure compared with its golden under test/figures/goldens/report/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { before, test } from "node:test";
import { silentProgress } from "../../src/io/step-progress.js";
import { buildReport } from "../../src/report/build.js";
import { reportSections } from "../../src/report/sections.js";
import type { Report } from "../../src/report/types.js";
import { compareWithGolden, GOLDEN_DIR } from "../figures/snapshot.js";

let report: Report;

before(async () => {
  mkdirSync(`${GOLDEN_DIR}report`, { recursive: true });
  report = await buildReport(
    reportSections,
    { size: "smoke", seed: 1, workers: 1, progress: silentProgress },
    "test",
  );
});

test("every report figure at smoke size matches its golden SVG", () => {
  const problems: string[] = [];
  let count = 0;
  for (const section of report.sections)
    for (const sub of section.subsections)
      for (const figure of sub.figures) {
        count++;
        const problem = compareWithGolden(`report/${figure.name}`, figure.svg);
        if (problem) problems.push(problem);
      }
  assert.ok(count > 0);
  assert.deepEqual(problems, []);
});
