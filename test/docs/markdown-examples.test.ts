/** The extraction and output matching that examples.test.ts relies on, on small pages. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstMissingLine, pageSteps } from "./markdown-examples.js";

const page = [
  "Some text.",
  "",
  "```sh",
  "minima --version",
  "```",
  "",
  "```text",
  "0.1.0",
  "```",
  "",
  "<!-- not run: takes an hour -->",
  "```sh",
  "minima reproduce",
  "```",
  "",
  "<!-- file: p.json -->",
  "```json",
  '{"model":"cnn"}',
  "```",
  "",
  "<!-- exit: 2 -->",
  "```ts",
  "console.log(1);",
  "```",
  "Not output: text comes between.",
  "```text",
  "1",
  "```",
].join("\n");

test("a page's steps: examples in order with their markers, output blocks and files", () => {
  const steps = pageSteps(page);
  assert.equal(steps.length, 4);
  assert.deepEqual(steps[0], {
    example: { kind: "sh", line: 3, code: "minima --version", exitCode: 0, expected: "0.1.0" },
  });
  assert.deepEqual(steps[1], {
    example: { kind: "sh", line: 12, code: "minima reproduce", notRun: "takes an hour", exitCode: 0 },
  });
  assert.deepEqual(steps[2], { file: { name: "p.json", content: '{"model":"cnn"}\n', line: 17 } });
  assert.deepEqual(steps[3], { example: { kind: "ts", line: 22, code: "console.log(1);", exitCode: 2 } });
});

test("a not-run marker needs its reason, and a fence must close", () => {
  assert.throws(() => pageSteps("<!-- not run: -->\n```sh\nls\n```"), /needs a reason/);
  assert.throws(() => pageSteps("```sh\nls\n"), /never closed/);
});

test("expected lines must appear in order; … stands for any text", () => {
  const actual = "header\nP(global) = 0.955 [0.917, 0.976]\nmiddle\nend 42 s";
  assert.equal(firstMissingLine("P(global) = 0.955 [0.917, 0.976]\nend … s", actual), undefined);
  assert.equal(firstMissingLine("  header  \n\nend   42 s", actual), undefined);
  assert.equal(firstMissingLine("P(global) = 0.956 …", actual), "P(global) = 0.956 …");
  assert.equal(firstMissingLine("end 42 s\nheader", actual), "header");
  assert.equal(
    firstMissingLine("P(global) = 0.955 [0.917, 0.976] and more", actual),
    "P(global) = 0.955 [0.917, 0.976] and more",
  );
});
