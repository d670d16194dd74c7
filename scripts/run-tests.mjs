#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's own test runner (TypeScript through tsx) and prints a
// short summary (scripts/test-reporter.mjs): counts, time, and each failure in full.
// Node 20's --test does not expand globs, so the files are listed here. Extra arguments are
// substrings that select files: `npm run test:only -- cnn rng`. TEST_REPORTER=spec (or tap) gives
// Node's own reporters instead, e.g. to see every test's name.
// When the selection includes the lab's end-to-end tests, chromium is found or installed first
// (scripts/chromium.mjs); where that is impossible the run stops at once with one line saying
// what to run.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureChromium, needsChromium } from "./chromium.mjs";

function listTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTests(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = listTests("test")
  .map((f) => relative(".", f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(", ")}`);
  process.exit(1);
}

const env = { ...process.env };
if (files.some(needsChromium)) {
  const chromium = ensureChromium();
  if (!chromium) process.exit(1);
  env.MINIMA_CHROMIUM = chromium;
}

const reporter = process.env.TEST_REPORTER ?? fileURLToPath(new URL("./test-reporter.mjs", import.meta.url));
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", `--test-reporter=${reporter}`, "--test-concurrency=2", ...files],
  { stdio: "inherit", env },
);
process.exit(result.status ?? 1);
