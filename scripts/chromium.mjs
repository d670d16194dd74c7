#!/usr/bin/env node
// Finds the chromium that the lab's end-to-end tests drive (test/lab/harness.ts reads
// MINIMA_CHROMIUM, default /usr/bin/chromium), and installs it when it can:
//   1. MINIMA_CHROMIUM, when set (it must exist);
//   2. Debian's /usr/bin/chromium;
//   3. the Chromium that playwright-core downloads (`npx playwright-core install chromium`);
//   4. as root with apt: `apt-get install chromium` where apt has the package (Debian), otherwise
//      `npx playwright-core install --with-deps chromium` (Ubuntu ships chromium as a snap only,
//      which does not run in containers);
//   5. otherwise it stops with one line saying exactly what to run.
// `planChromium` is the decision as a pure function of the machine's facts (tested in
// test/tooling/); run as a script, this file acts on the plan: `node scripts/chromium.mjs`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const APT_PACKAGES = ["chromium", "fonts-dejavu-core"];

/**
 * What to do, from the facts: {action: "use", path} | {action: "install", how: "apt" | "playwright",
 * packages?, path} | {action: "stop", line}. Facts: env (MINIMA_CHROMIUM), exists(path),
 * playwrightPath (where playwright-core keeps its Chromium), root, apt (apt-get on PATH),
 * aptHasChromium (apt has a candidate for the package), numpy (python3 can import numpy).
 */
export function planChromium(facts) {
  const given = facts.env.MINIMA_CHROMIUM;
  if (given) {
    if (facts.exists(given)) return { action: "use", path: given };
    return {
      action: "stop",
      line: `minima: MINIMA_CHROMIUM=${given} does not exist: point it at a chromium binary, or unset it to let the tests find or install one`,
    };
  }
  if (facts.exists(DEBIAN_CHROMIUM)) return { action: "use", path: DEBIAN_CHROMIUM };
  if (facts.playwrightPath && facts.exists(facts.playwrightPath))
    return { action: "use", path: facts.playwrightPath };
  if (facts.root && facts.apt && facts.aptHasChromium) {
    const packages = facts.numpy ? APT_PACKAGES : [...APT_PACKAGES, "python3-numpy"];
    return { action: "install", how: "apt", packages, path: DEBIAN_CHROMIUM };
  }
  if (facts.root && facts.apt) return { action: "install", how: "playwright", path: facts.playwrightPath };
  const command = facts.aptHasChromium
    ? "sudo apt-get install -y chromium"
    : "npx playwright-core install --with-deps chromium";
  return {
    action: "stop",
    line: `minima: the lab tests need chromium, which is not installed: run \`${command}\`, then the tests again`,
  };
}

/** The facts of this machine; the slow ones (apt, python) are only looked up when a plan reads them. */
export function machineFacts(env = process.env) {
  const succeeds = (cmd, args) => {
    try {
      return spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
    } catch {
      return false;
    }
  };
  const once = (f) => {
    let value;
    let known = false;
    return () => {
      if (!known) [value, known] = [f(), true];
      return value;
    };
  };
  const apt = once(() => succeeds("sh", ["-c", "command -v apt-get"]));
  const aptHasChromium = once(() => {
    if (!apt()) return false;
    const policy = spawnSync("apt-cache", ["policy", "chromium"], { encoding: "utf8" }).stdout ?? "";
    const candidate = /Candidate:\s*(\S+)/.exec(policy)?.[1];
    return candidate !== undefined && candidate !== "(none)";
  });
  const playwrightPath = once(playwrightChromium);
  const numpy = once(() => succeeds("python3", ["-c", "import numpy"]));
  return {
    env,
    exists: existsSync,
    get playwrightPath() {
      return playwrightPath();
    },
    root: typeof process.getuid === "function" && process.getuid() === 0,
    get apt() {
      return apt();
    },
    get aptHasChromium() {
      return aptHasChromium();
    },
    get numpy() {
      return numpy();
    },
  };
}

/** The path where playwright-core keeps (or would keep) its Chromium, if playwright-core is installed. */
function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    return require("playwright-core").chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * Returns the path of a usable chromium, installing it first when the plan says so; on failure
 * prints one line and returns undefined.
 */
export function ensureChromium(facts = machineFacts()) {
  const plan = planChromium(facts);
  if (plan.action === "use") return plan.path;
  if (plan.action === "stop") {
    console.error(plan.line);
    return undefined;
  }
  const steps =
    plan.how === "apt"
      ? [
          ["apt-get", ["update", "-qq"]],
          ["apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...plan.packages]],
        ]
      : [["npx", ["--no-install", "playwright-core", "install", "--with-deps", "chromium"]]];
  const shown = steps.map(([cmd, args]) => [cmd, ...args].join(" ")).join(" && ");
  console.error(`minima: installing chromium for the lab tests: ${shown}`);
  for (const [cmd, args] of steps) {
    const run = spawnSync(cmd, args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (run.status !== 0) {
      console.error(
        `minima: \`${shown}\` failed (exit ${run.status ?? run.signal}): run it yourself, then the tests again`,
      );
      return undefined;
    }
  }
  if (!existsSync(plan.path)) {
    console.error(`minima: chromium is still missing at ${plan.path} after \`${shown}\``);
    return undefined;
  }
  return plan.path;
}

/** Test files that drive chromium: the lab's end-to-end tests (they use its harness). */
export function needsChromium(file) {
  try {
    const text = readFileSync(file, "utf8");
    return /from "\.\/harness\.js"|from "playwright-core"/.test(text);
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(ensureChromium() ? 0 : 1);
}
