/**
 * How the test command finds chromium for the lab's end-to-end tests (scripts/chromium.mjs): every
 * branch of the plan on made-up machines, and the one-line stop when MINIMA_CHROMIUM is wrong.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { type ChromiumFacts, DEBIAN_CHROMIUM, needsChromium, planChromium } from "../../scripts/chromium.mjs";

const PLAYWRIGHT = "/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

function machine(over: Partial<ChromiumFacts> & { files?: string[] } = {}): ChromiumFacts {
  const files = new Set(over.files ?? []);
  return {
    env: {},
    exists: (p) => files.has(p),
    playwrightPath: PLAYWRIGHT,
    root: false,
    apt: true,
    aptHasChromium: true,
    numpy: true,
    ...over,
  };
}

test("an existing chromium is used: MINIMA_CHROMIUM, then Debian's, then playwright's", () => {
  const all = [DEBIAN_CHROMIUM, PLAYWRIGHT, "/opt/chrome"];
  assert.deepEqual(planChromium(machine({ files: all, env: { MINIMA_CHROMIUM: "/opt/chrome" } })), {
    action: "use",
    path: "/opt/chrome",
  });
  assert.deepEqual(planChromium(machine({ files: all })), { action: "use", path: DEBIAN_CHROMIUM });
  assert.deepEqual(planChromium(machine({ files: [PLAYWRIGHT] })), { action: "use", path: PLAYWRIGHT });
});

test("as root with apt it installs: Debian's package (with NumPy when missing), else playwright's build", () => {
  assert.deepEqual(planChromium(machine({ root: true, numpy: false })), {
    action: "install",
    how: "apt",
    packages: ["chromium", "fonts-dejavu-core", "python3-numpy"],
    path: DEBIAN_CHROMIUM,
  });
  const ubuntu = planChromium(machine({ root: true, aptHasChromium: false }));
  assert.deepEqual(ubuntu, { action: "install", how: "playwright", path: PLAYWRIGHT });
});

test("otherwise it stops with one line giving the exact command", () => {
  const debian = planChromium(machine());
  assert.equal(debian.action, "stop");
  if (debian.action !== "stop") return;
  assert.doesNotMatch(debian.line, /\n/);
  assert.match(debian.line, /run `sudo apt-get install -y chromium`/);
  const other = planChromium(machine({ apt: false, aptHasChromium: false }));
  assert.ok(
    other.action === "stop" && other.line.includes("`npx playwright-core install --with-deps chromium`"),
  );
  const wrong = planChromium(machine({ files: [DEBIAN_CHROMIUM], env: { MINIMA_CHROMIUM: "/nope" } }));
  assert.ok(wrong.action === "stop" && wrong.line.includes("MINIMA_CHROMIUM=/nope does not exist"));
});

test("the runner stops at once, with that one line, before running any test", () => {
  const runner = fileURLToPath(new URL("../../scripts/run-tests.mjs", import.meta.url));
  const started = Date.now();
  const run = spawnSync(process.execPath, [runner, "test/lab/lab.test.ts"], {
    encoding: "utf8",
    env: { ...process.env, MINIMA_CHROMIUM: "/nowhere/chromium" },
  });
  assert.equal(run.status, 1);
  assert.equal(run.stdout, "");
  assert.deepEqual(run.stderr.trimEnd().split("\n"), [
    "minima: MINIMA_CHROMIUM=/nowhere/chromium does not exist: point it at a chromium binary, or unset it to let the tests find or install one",
  ]);
  assert.ok(Date.now() - started < 10_000);
});

test("the lab's end-to-end tests are the ones that need chromium", () => {
  assert.equal(needsChromium("test/lab/lab.test.ts"), true);
  assert.equal(needsChromium("test/math/rng.test.ts"), false);
});
