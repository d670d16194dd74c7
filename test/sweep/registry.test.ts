import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { mergeSweepDirs } from "../../src/sweep/merge.js";
import { planSweep } from "../../src/sweep/plan.js";
import { builtInModels, registeredModelNames } from "../../src/sweep/registry.js";
import { runSweep } from "../../src/sweep/run.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { summariseSweep } from "../../src/sweep/summary.js";

const root = mkdtempSync(join(tmpdir(), "minima-registry-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("the registry names every built-in model and each loads as a sweep model of that name", async () => {
  assert.ok(registeredModelNames().includes("cnn"));
  for (const name of registeredModelNames()) {
    const mod = (await import(builtInModels[name])) as { default: { name: string } };
    assert.equal(mod.default.name, name);
  }
});

test("a model whose trials end at a point keeps the point in its records and its families in the summary", async () => {
  const model = fileURLToPath(new URL("./fixtures/well-model.ts", import.meta.url));
  const plan = await planSweep(parseSweepSpec({ model, grid: { n: [3] }, trials: 60, seed: 4 }), root);
  const dir = join(root, "well");
  await runSweep(plan, { dir, specDir: root, shard: { shard: 0, shards: 1 }, workers: 2 });
  const { records } = await mergeSweepDirs([dir]);
  assert.equal(records.length, 60);
  for (const r of records) {
    assert.equal((r.end as number[]).length, 3);
    assert.ok((r.end as number[]).every((v) => v === 1 || v === -1));
  }
  const summary = summariseSweep(plan, records);
  const families = summary.cells[0].families ?? [];
  // Four families (0–3 positive coordinates), counts adding up, largest first.
  assert.equal(families.length, 4);
  assert.equal(
    families.reduce((s, f) => s + f.count, 0),
    60,
  );
  for (let i = 1; i < families.length; i++) assert.ok(families[i - 1].count >= families[i].count);
  // Under N(0, I) starts each coordinate ends at +1 with probability 1/2: 1 and 2 positives are the
  // likely families (3/8 each), 0 and 3 the rare ones (1/8 each).
  assert.ok(["1 positive", "2 positive"].includes(families[0].key));
});
