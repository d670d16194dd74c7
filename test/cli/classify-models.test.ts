/** `minima classify` works for every registered model through the Problem interface alone. */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { classifyCommand } from "../../src/cli/classify.js";

const dir = mkdtempSync(join(tmpdir(), "minima-classify-models-"));

async function classify(json: unknown): Promise<Record<string, unknown>> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(json));
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((text: string) => {
    chunks.push(String(text));
    return true;
  }) as typeof process.stdout.write;
  try {
    await classifyCommand.run([file, "--restarts", "1", "--iterations", "200", "--json"]);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(chunks.join(""));
}

test("cnn: the teacher itself is a global minimum (stationary, PSD) and a perturbed student is not stationary", async () => {
  const teacher = { w: [1, 0, 0], a: [0.6, 0.8] };
  const atTeacher = await classify({ model: "cnn", teacher, student: { v: [1, 0, 0], a: [0.6, 0.8] } });
  assert.ok((atTeacher.gradNorm as number) < 1e-10);
  assert.equal(atTeacher.index, 0);
  assert.match(atTeacher.label as string, /local-min/);
  assert.equal((atTeacher.eigenvalues as number[]).length, 5);
  const off = await classify({ model: "cnn", teacher, student: { v: [0.3, 1, 0], a: [0.2, 0.1] } });
  assert.equal(off.label, "not-stationary");
});

test("fc: the teacher is a minimum with zero gradient; a moved student is not stationary", async () => {
  const teacher = {
    W: [
      [1, 0],
      [0, 1],
    ],
  };
  const atTeacher = await classify({ model: "fc", teacher, student: teacher });
  assert.ok((atTeacher.gradNorm as number) < 1e-10);
  assert.equal(atTeacher.index, 0);
  assert.match(atTeacher.label as string, /local-min/);
  const off = await classify({
    model: "fc",
    teacher,
    student: {
      W: [
        [0.7, 0.2],
        [0.1, 1.1],
      ],
    },
  });
  assert.equal(off.label, "not-stationary");
});
