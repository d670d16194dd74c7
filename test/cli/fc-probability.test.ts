import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { planSweep } from "../../src/sweep/plan.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

const example = JSON.parse(readFileSync("examples/sweeps/safran-shamir.json", "utf8"));

test("minima fc probability --json gives every outcome as {count, n, p, lo, hi} and the families of minima", () => {
  const r = runCli([
    "fc",
    "probability",
    "--K",
    "8",
    "--trials",
    "40",
    "--seed",
    "1",
    "--workers",
    "2",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.trials, 40);
  let total = 0;
  for (const name of ["global", "spurious", "saddle", "unconverged", "diverged"]) {
    const e = out.outcomes[name];
    assert.deepEqual(Object.keys(e).sort(), ["count", "hi", "lo", "n", "p"]);
    assert.equal(e.n, 40);
    assert.ok(e.lo <= e.p && e.p <= e.hi);
    total += e.count;
  }
  assert.equal(total, 40);
  const spurious = out.outcomes.spurious.count + out.outcomes.saddle.count;
  assert.equal(
    out.families.reduce((s: number, f: { count: number }) => s + f.count, 0),
    spurious,
  );
  for (const f of out.families) {
    for (const field of ["loss", "count", "index", "lambdaMin", "orbits", "representative"])
      assert.ok(field in f, field);
    assert.equal(f.representative.length, 64);
  }
  assert.deepEqual(out.settings.n, 8);
});

test("fc probability prints a table with a header, and names the flag of a bad input", () => {
  const r = runCli(["fc", "probability", "--K", "4", "--trials", "8", "--workers", "1"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /outcome\s+count\s+p\s+95% interval/);
  assert.match(r.stdout, /global\s+\d+/);
  for (const args of [
    ["fc", "probability", "--K", "0"],
    ["fc", "probability", "--K", "4", "--Kstar", "5", "--d", "3"],
    ["fc", "probability", "--K", "4", "--init", "xavier"],
  ]) {
    const bad = runCli(args);
    assert.ok(isOneLineInputError(bad), bad.stderr);
    assert.match(bad.stderr, /--(K|d|init):/);
  }
  // A message that names a second field names it as a flag too.
  const both = runCli(["fc", "probability", "--K", "4", "--init", "normal"]);
  assert.match(both.stderr, /--init-std: is required with --init normal/);
  assert.doesNotMatch(both.stderr, /spec\./);
});

test("the safran-shamir example's cells draw the same streams as fc probability with the same settings", async () => {
  assert.equal(example.trials, 1000);
  const plan = await planSweep(parseSweepSpec({ ...example, trials: 2 }), process.cwd());
  assert.equal(plan.cells.length, 30);
  const single = await planSweep(
    parseSweepSpec({ model: "fc", params: { n: 11, k: 10, d: 10 }, trials: 2, seed: example.seed }),
    process.cwd(),
  );
  const cell = plan.cells.find((c) => c.axes.k === 10 && c.axes.excess === 1)!;
  assert.deepEqual(cell.params, single.cells[0].params);
  assert.equal(cell.streamKey, single.cells[0].streamKey);
});

test("sweep summary shows an fc sweep's families as text, JSON and CSV", () => {
  const dir = mkdtempSync(join(tmpdir(), "minima-fc-sweep-"));
  try {
    const spec = join(dir, "spec.json");
    writeFileSync(spec, JSON.stringify({ ...example, grid: { k: [7], excess: [0] }, trials: 60 }));
    const run = runCli(["sweep", "run", spec, "--out", join(dir, "out"), "--workers", "2"]);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(runCli(["sweep", "summary", join(dir, "out"), "--json"]).stdout);
    const families = json.cells[0].families;
    assert.ok(Array.isArray(families));
    const text = runCli(["sweep", "summary", join(dir, "out")]).stdout;
    assert.match(text, /families \(modulo the symmetries\)/);
    const csv = runCli(["sweep", "summary", join(dir, "out"), "--csv", "--families"])
      .stdout.trim()
      .split("\n");
    assert.match(csv[0], /^cell,k,excess,key,count,/);
    assert.equal(csv.length, 1 + families.length);
    assert.ok(isOneLineInputError(runCli(["sweep", "summary", join(dir, "out"), "--families"])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
