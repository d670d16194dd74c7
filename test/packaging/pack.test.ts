/**
 * The two packages as a user gets them: `npm pack` of each, installed into an empty project, then an example
 * run from there. minima-landscape-core must install without the report and figure stack (only ml-matrix and
 * its small helpers) and run the library example of its README; minima-landscape must give the `minima`
 * command and the same library. Dependencies come from npm's cache when it has them (`npm ci` filled it).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";

const root = resolve(import.meta.dirname, "../..");
const core = join(root, "packages/core");
const work = mkdtempSync(join(tmpdir(), "minima-pack-"));
after(() => rmSync(work, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });

function pack(dir: string): { tarball: string; files: string[] } {
  const out = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], dir)) as {
    filename: string;
    files: { path: string }[];
  }[];
  return { tarball: join(work, out[0].filename), files: out[0].files.map((f) => f.path) };
}

function emptyProject(name: string): string {
  const dir = join(work, name);
  execFileSync("mkdir", ["-p", dir]);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type: "module" }));
  return dir;
}

function bytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    total += s.isDirectory() ? bytes(path) : s.size;
  }
  return total;
}

before(() => {
  // `npm test` builds first; a selected run (`npm run test:only -- packaging`) may not have.
  if (!existsSync(join(core, "dist/index.js")))
    execFileSync("npx", ["tsc", "-p", "packages/core/tsconfig.json"], { cwd: root });
  if (!existsSync(join(root, "dist/cli/main.js")))
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root });
});

test("minima-landscape-core: packs only its build, installs without the figure stack, runs its README example", () => {
  const { tarball, files } = pack(core);
  assert.ok(files.includes("dist/index.js") && files.includes("dist/index.d.ts"), "entry and types packed");
  assert.ok(files.includes("README.md") && files.includes("LICENSE"));
  assert.ok(
    !files.some((f) => /(^|\/)(cli|report|figures|io|sweep)\//.test(f)),
    "no CLI, report, figures, I/O or sweeps",
  );
  const project = emptyProject("uses-core");
  npm(["install", "--prefer-offline", tarball], project);
  const installed = readdirSync(join(project, "node_modules")).sort();
  for (const heavy of ["@observablehq", "@resvg", "linkedom", "piscina", "zod"])
    assert.ok(!installed.includes(heavy), `${heavy} is not installed with the core`);
  const size = bytes(join(project, "node_modules"));
  console.log(
    `# minima-landscape-core installed: ${installed.length} top-level entries, ${(size / 1e6).toFixed(1)} MB`,
  );

  // The README's example, as written there.
  const readme = readFileSync(join(core, "README.md"), "utf8");
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, "the README has a TypeScript example");
  // It has no type annotations, so it runs as an ES module as it stands.
  writeFileSync(join(project, "example.mjs"), example);
  const run = spawnSync(process.execPath, ["example.mjs"], { cwd: project, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const m = /^P\(spurious\) = (0\.\d\d) \[(0\.\d\d), (0\.\d\d)\]$/m.exec(run.stdout);
  assert.ok(m, `example output: ${run.stdout}`);
  const [p, lo, hi] = m.slice(1).map(Number);
  assert.ok(lo <= p && p <= hi);
  // The package's types resolve for a TypeScript user.
  const types = readFileSync(join(project, "node_modules/minima-landscape-core/dist/index.d.ts"), "utf8");
  assert.match(types, /runFcTrial/);
  // Bad input is a typed error from the installed package.
  const bad = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { InputError, validateFcTrialSpec } from "minima-landscape-core";
       try { validateFcTrialSpec({ n: 0, k: 8 }); } catch (e) { console.log(e instanceof InputError, e.message); }`,
    ],
    { cwd: project, encoding: "utf8" },
  );
  assert.match(bad.stdout, /^true n: /, bad.stderr);
});

test("minima-landscape: installs the minima command and the library", () => {
  const { tarball, files } = pack(root);
  assert.ok(files.includes("dist/cli/main.js") && files.includes("dist/index.d.ts"));
  assert.ok(!files.some((f) => f.startsWith("src/") || f.startsWith("test/")), "no sources or tests packed");
  const project = emptyProject("uses-cli");
  npm(["install", "--prefer-offline", tarball], project);
  const bin = join(project, "node_modules/.bin/minima");
  const version = spawnSync(bin, ["--version"], { cwd: project, encoding: "utf8" });
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, /\d+\.\d+\.\d+/);
  const train = spawnSync(bin, ["fc", "train", "--K", "2", "--Kstar", "2", "--d", "2", "--json"], {
    cwd: project,
    encoding: "utf8",
  });
  assert.equal(train.status, 0, train.stderr);
  assert.equal(JSON.parse(train.stdout).outcome, "global");
  const lib = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { Rng } from "minima-landscape"; console.log(Rng.fromSeed(1).normal() !== 0);`,
    ],
    { cwd: project, encoding: "utf8" },
  );
  assert.equal(lib.stdout.trim(), "true", lib.stderr);
});
