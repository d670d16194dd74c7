#!/usr/bin/env node
// Runs every bench/*.bench.ts (TypeScript through tsx) one after another; each prints its own
// table of measurements beside its baseline, as ratios. Arguments are substrings selecting files.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const filters = process.argv.slice(2);
const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `bench/${file}`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
if (files.length === 0) console.log("no benchmarks match");
process.exit(failed === 0 ? 0 : 1);
