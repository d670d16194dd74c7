/**
 * The lab's modules form no import cycle, type-only imports included: each file's relative imports
 * inside lab/ are followed, and a path that comes back to where it started fails the test.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const LAB = fileURLToPath(new URL("../../lab", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".config.ts") ? [path] : [];
  });
}

function labImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)].map(
    (m) => m[1],
  );
  return specifiers
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")))
    .filter((path) => path.startsWith(LAB));
}

test("no module in lab/ imports itself through a chain of imports (type-only imports included)", () => {
  const files = sources(LAB);
  const graph = new Map(files.map((f) => [f, labImports(f)]));
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(LAB, f)).join(" -> "));
      return;
    }
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, "done");
  };
  for (const file of files) visit(file, []);
  assert.ok(files.length > 20, "the lab's sources were found");
  assert.deepEqual(cycles, []);
});
