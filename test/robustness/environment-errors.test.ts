/**
 * Issue 16, item 6: user and environment errors exit 2 with one line naming --out; "internal error"
 * is for bugs. A file or an empty string as --out, a full disk (a tiny tmpfs, where mounting is
 * allowed) and a directory the user may not write (run as nobody when the tests run as root) for
 * sweep run and sweep merge, each within a timeout (an unwritable --out once made both hang).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { environmentErrorText, reportError } from "../../src/cli/report-error.js";
import { CaseRunner, notHandled } from "./harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "minima-env-"));
chmodSync(dir, 0o777);
const spec = join(dir, "spec.json");
writeFileSync(
  spec,
  JSON.stringify({
    name: "env",
    model: "cnn",
    params: { p: 3, anorm: 1, init: "paper" },
    optimiser: { method: "wn-gd", eta: "auto" },
    stop: { horizon: 60 },
    grid: { k: [3], ratio: [0, 1] },
    trials: 200,
    seed: 1,
  }),
);
const runner = new CaseRunner(60_000);
after(() => {
  runner.close();
  spawnSync("umount", [join(dir, "small")]);
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // a mount that would not go away; the directory is in tmpdir
  }
});

function oneLineNamingOut(r: { code: number; stdout: string; stderr: string; hung?: boolean }): void {
  assert.equal(notHandled(r, ["--out"]), undefined, r.stderr);
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error/);
}

test("--out that is a file or empty: exit 2, one line naming --out (sweep run and sweep merge)", async () => {
  const file = join(dir, "a-file");
  writeFileSync(file, "x");
  const good = join(dir, "good");
  const made = await runner.run(["sweep", "run", spec, "--out", good, "--workers", "1"]);
  assert.equal(made.code, 0, made.stderr);
  for (const out of [file, "", join(file, "sub")]) {
    oneLineNamingOut(await runner.run(["sweep", "run", spec, "--out", out, "--workers", "1"]));
    oneLineNamingOut(await runner.run(["sweep", "merge", good, "--out", out]));
  }
});

test("a full disk (ENOSPC) is one line naming --out, not an internal error", async (t) => {
  const small = join(dir, "small");
  mkdirSync(small);
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=8k", "tmpfs", small]);
  if (mounted.status !== 0) return t.skip("cannot mount a small tmpfs here");
  const r = await runner.run(["sweep", "run", spec, "--out", join(small, "out"), "--workers", "1"]);
  oneLineNamingOut(r);
  assert.match(r.stderr, /ENOSPC/);
});

test("permission denied (EACCES) for sweep run and merge: one line, exit 2, no hang", (t) => {
  const readOnly = join(dir, "read-only");
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
  const asRoot = process.getuid?.() === 0;
  const setpriv = spawnSync("setpriv", ["--version"]);
  if (asRoot && setpriv.status !== 0) return t.skip("root without setpriv: permissions do not apply");
  const prefix = asRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
  const cli = [process.execPath, "--import", "tsx", join(root, "src/cli/main.ts")];
  // The unprivileged user must be able to load the CLI and read the spec, which a clone in a private
  // directory (mktemp -d is mode 700) does not allow: then the test says so instead of failing.
  if (asRoot) {
    const probe = [
      process.execPath,
      "--import",
      "tsx",
      "-e",
      `require("node:fs").accessSync(${JSON.stringify(spec)})`,
    ];
    const [command, ...rest] = [...prefix, ...probe];
    if (spawnSync(command, rest, { cwd: root, timeout: 60_000 }).status !== 0)
      return t.skip("the unprivileged user (65534) cannot read this clone or its temporary files");
  }
  for (const args of [
    ["sweep", "run", spec, "--out", readOnly, "--workers", "1"],
    ["sweep", "run", spec, "--out", join(readOnly, "sub"), "--workers", "1"],
    ["sweep", "merge", join(dir, "good"), "--out", join(readOnly, "merged")],
  ]) {
    const [command, ...rest] = [...prefix, ...cli, ...args];
    const r = spawnSync(command, rest, { cwd: root, encoding: "utf8", timeout: 60_000 });
    oneLineNamingOut({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, hung: r.status === null });
    assert.match(r.stderr, /EACCES|permission/);
  }
});

test("the classifier: system error codes of the environment are exit 2, anything else exit 1", () => {
  const error = Object.assign(new Error("EACCES: permission denied, open '/x'"), {
    code: "EACCES",
    path: "/x",
    syscall: "open",
  });
  assert.equal(environmentErrorText(error), "/x: permission denied (EACCES on open)");
  assert.equal(environmentErrorText(new TypeError("x is undefined")), undefined);
  const write = console.error;
  console.error = () => {};
  try {
    assert.equal(reportError(error), 2);
    assert.equal(reportError(new TypeError("x is undefined")), 1);
  } finally {
    console.error = write;
  }
});
