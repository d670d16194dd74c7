/**
 * docs/architecture.md stays true of the code: every file or folder it names exists, every folder of
 * src/ has a paragraph, and the names its "how to add" examples rely on are exported where it says.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const doc = readFileSync(join(ROOT, "docs/architecture.md"), "utf8");

function dirsUnder(dir: string, depth: number): string[] {
  if (depth === 0) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [join(dir, e.name), ...dirsUnder(join(dir, e.name), depth - 1)]);
}

test("every path docs/architecture.md names exists", () => {
  // Paths are written from the repository root (src/…, test/…) or from src/ (models/cnn/protocol.ts).
  const paths = [...doc.matchAll(/`([A-Za-z0-9_.-]+\/[A-Za-z0-9_./<>-]*)`/g)]
    .map((m) => m[1])
    .filter((p) => !p.includes("<") && (p.endsWith(".ts") || p.endsWith("/")));
  assert.ok(paths.length > 40, `found ${paths.length} paths`);
  // A bare sub-folder ("cnn/", "compute/") is named in its parent's paragraph: it must exist under src/.
  const bases = [ROOT, join(ROOT, "src"), join(ROOT, "lab"), ...dirsUnder(join(ROOT, "src"), 2)];
  const missing = paths.filter((p) => !bases.some((b) => existsSync(join(b, p))));
  assert.deepEqual(missing, []);
});

test("every folder of src/ has its paragraph in docs/architecture.md", () => {
  const folders = readdirSync(join(ROOT, "src"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const missing = folders.filter((f) => !doc.includes(`**\`${f}/\`**`));
  assert.deepEqual(missing, []);
});

test("the names the how-to examples use are exported where the doc says", async () => {
  const checks: [string, string][] = [
    ["src/activations/registry.ts", "activations"],
    ["src/models/registry.ts", "registerProblemFormat"],
    ["src/train/descent.ts", "descend"],
    ["src/train/fc/gradient-descent.ts", "fcGradientDescent"],
    ["src/sweep/registry.ts", "builtInModels"],
    ["src/cli/cnn-train.ts", "cnnFlagName"],
    ["src/cli/commands.ts", "commands"],
    ["src/experiments/cnn/trial.ts", "cnnTrial"],
    ["src/report/claims.ts", "evaluateClaims"],
  ];
  for (const [file, name] of checks) {
    const mod = (await import(join(ROOT, file))) as Record<string, unknown>;
    assert.ok(mod[name] !== undefined, `${file} exports ${name}`);
  }
});
