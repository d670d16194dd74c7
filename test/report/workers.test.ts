/**
 * The report's numbers depend only on the seed: `minima reproduce` with one worker (every job and
 * trial in the main thread) and with two (the sweep worker pool) writes the same results.json and
 * summary.md. Smoke size here; MINIMA_REPORT_WORKERS_SIZE=quick runs the quick report both ways
 * (about two minutes on two free cores).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCli } from "../helpers/cli.js";

const size = process.env.MINIMA_REPORT_WORKERS_SIZE === "quick" ? "quick" : "smoke";
const dir = mkdtempSync(join(tmpdir(), "minima-report-workers-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** results.json without the command line, which names the worker count. */
function results(out: string): unknown {
  const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { meta: { command?: string } };
  json.meta.command = "";
  return json;
}

test(`reproduce --${size} writes the same results with 1 and 2 workers`, { timeout: 1_200_000 }, () => {
  const outs = [1, 2].map((workers) => {
    const out = join(dir, `w${workers}`);
    const r = runCli(["reproduce", `--${size}`, "--out", out, "--workers", String(workers), "--quiet"]);
    assert.equal(r.code, 0, r.stderr);
    return out;
  });
  assert.deepEqual(results(outs[1]), results(outs[0]));
  const md = outs.map((o) =>
    readFileSync(join(o, "summary.md"), "utf8").replace(/`minima reproduce[^`]*`/, ""),
  );
  assert.equal(md[1], md[0]);
});
