/**
 * The library refuses bad input: every export of src/index.ts, called with each malformed argument
 * that test/library/table.ts derives from its kinds (wrong length, NaN, ±∞, wrong type, empty,
 * negative sizes, out of range), throws an InputError that names the argument (or the element or
 * field in it that is wrong). The list of exports is read from the module itself, so an export
 * without a table entry fails here.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as lib from "../../src/index.js";
import { INNER_LOOP, NO_INPUT, TABLE } from "./table.js";

/** Whether an export takes input: functions, classes, and objects with function members. */
function takesInput(value: unknown): boolean {
  if (typeof value === "function") return true;
  if (value === null || typeof value !== "object") return false;
  const members = Array.isArray(value) ? value : Object.values(value);
  return members.some(
    (m) => typeof m === "function" || (typeof m === "object" && m !== null && takesInput(m)),
  );
}

test("every export that takes input has a table entry (the list is read from src/index.ts)", () => {
  const covered = new Set(TABLE.map((e) => e.export));
  const missing = Object.entries(lib)
    .filter(
      ([name, value]) =>
        takesInput(value) && !covered.has(name) && !(name in NO_INPUT) && !(name in INNER_LOOP),
    )
    .map(([name]) => name);
  assert.deepEqual(missing, [], "add these exports to test/library/table.ts");
  const stale = [...covered, ...Object.keys(NO_INPUT), ...Object.keys(INNER_LOOP)].filter(
    (name) => !(name in lib),
  );
  assert.deepEqual(stale, [], "these table entries name no export");
});

test("each valid call in the table succeeds", () => {
  for (const entry of TABLE) {
    const label = entry.label ?? entry.export;
    assert.doesNotThrow(() => entry.call(...entry.args.map((a) => a.valid)), label);
  }
});

test("every malformed argument throws an InputError naming it", (t) => {
  const failures: string[] = [];
  let count = 0;
  for (const entry of TABLE) {
    const label = entry.label ?? entry.export;
    entry.args.forEach((arg, i) => {
      for (const bad of arg.bad) {
        count++;
        const args = entry.args.map((a, j) => (j === i ? bad.value : a.valid));
        const name = bad.name ?? arg.name;
        let error: unknown;
        try {
          entry.call(...args);
        } catch (e) {
          error = e;
        }
        const what = `${label}(${arg.name}: ${bad.what})`;
        if (!(error instanceof lib.InputError)) {
          failures.push(
            `${what}: ${error === undefined ? "no error" : `${(error as Error).name}: ${(error as Error).message}`}`,
          );
          continue;
        }
        const field = error.field;
        if (!(field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`)))
          failures.push(`${what}: names "${field}", not "${name}" (${error.message})`);
      }
    });
  }
  t.diagnostic(
    `${count} malformed calls to ${new Set(TABLE.map((e) => e.export)).size} exports, ${count - failures.length} rejected with an InputError naming the argument`,
  );
  assert.deepEqual(
    failures,
    [],
    `${failures.length} of ${count} malformed calls were not refused as they should be`,
  );
});
