/**
 * `npm ci` under npm 11 blocks dependencies' install scripts and warns about each one that
 * package.json's `allowScripts` does not decide. Every package with an install script in the lock
 * file is decided there, so the install prints no such warning. (esbuild, pulled in by tsx and
 * Vite, is denied: its postinstall only checks the binary that its platform package
 * @esbuild/<os>-<arch> already provides.)
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

test("every dependency with an install script is approved or denied in allowScripts", () => {
  const lock = read("package-lock.json") as { packages: Record<string, { hasInstallScript?: boolean }> };
  const allow = (read("package.json") as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
  const decided = new Set(Object.keys(allow).map((key) => key.replace(/(.)@.*$/, "$1")));
  const withScripts = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== "" && entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
  assert.ok(withScripts.includes("esbuild"), "the lock file lists esbuild's install script");
  assert.deepEqual(
    withScripts.filter((name) => !decided.has(name)),
    [],
    "add these to package.json allowScripts",
  );
  assert.equal(allow.esbuild, false);
});
