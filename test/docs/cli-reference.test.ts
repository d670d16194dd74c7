/**
 * docs/cli.md cannot drift from the CLI: below its marker line it must equal what
 * scripts/cli-reference.mjs generates from `minima --help` and each `minima <command> --help` of the
 * built CLI, and it has a section for every command the CLI lists.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { CLI_DOC, expectedCliDoc, MARKER } from "../../scripts/cli-reference.mjs";
import { assertBuilt, BUILD_HINT } from "./built-cli.js";

test("docs/cli.md is the CLI's own help output, for every command", async () => {
  assertBuilt();
  const current = readFileSync(CLI_DOC, "utf8");
  const expected = await expectedCliDoc(current);
  const sections = expected.slice(expected.indexOf(MARKER)).match(/\n## minima [a-z0-9 ]+\n/g) ?? [];
  assert.ok(sections.length >= 15, `only ${sections.length} commands in the generated reference`);
  assert.equal(
    current,
    expected,
    `docs/cli.md differs from the CLI's help: run \`node scripts/cli-reference.mjs\` ${BUILD_HINT}`,
  );
});
