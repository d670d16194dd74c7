import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Command } from "../../src/cli/command.js";
import { fcCriticalCommand } from "../../src/cli/fc-critical.js";
import { fcFieldCommand } from "../../src/cli/fc-field.js";
import { fcFig3Command } from "../../src/cli/fc-fig3.js";
import { fcK1Command } from "../../src/cli/fc-k1.js";
import { fcNoisyCommand } from "../../src/cli/fc-noisy.js";
import { fcSaddlesCommand } from "../../src/cli/fc-saddles.js";
import { fcSsbCommand } from "../../src/cli/fc-ssb.js";
import { InputError } from "../../src/core/errors.js";
import { trainFc } from "../../src/experiments/tian/train.js";
import { fcPairKernelFor } from "../../src/models/fc/kernels.js";
import { makeNetwork } from "../../src/models/fc/network.js";
import { FcPopulation } from "../../src/models/fc/population.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "minima-fc-activation-"));

test("fc train --activation tanh (K = d = 2) converges to J ≈ 0 at the tanh teacher", () => {
  const args = ["fc", "train", "--K", "2", "--d", "2", "--init-std", "0.5", "--eta", "1", "--steps", "2000"];
  const r = runCli([...args, "--activation", "tanh", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.activation, "tanh");
  assert.equal(out.outcome, "global");
  assert.ok(out.loss < 1e-10 && out.teacherDistance.max < 1e-3, `J ${out.loss}, ${out.teacherDistance.max}`);
  // The loss fell from a start that was far from the teacher (the run did something).
  assert.ok(out.trace[0].loss > 0.1);
});

test("trainFc with activation relu equals the default run bit for bit (the closed form)", () => {
  const spec = {
    K: 3,
    d: 4,
    teacher: { kind: "gaussian", scale: 1 },
    start: { kind: "gaussian", std: 0.5 },
    trainA: true,
    eta: 0.1,
    maxSteps: 300,
    seed: 4,
  } as const;
  assert.deepEqual(trainFc({ ...spec, activation: "relu" }), trainFc(spec));
});

test("bad activation names exit 2 with a one-line error naming --activation (fc train, fc noisy)", () => {
  const r = runCli(["fc", "train", "--K", "2", "--d", "2", "--activation", "sine"]);
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /--activation: must be one of relu, leaky-relu/);
  assert.throws(
    () => fcNoisyCommand.run(["--K", "2", "--activation", "sine"]),
    (e: unknown) => e instanceof InputError && e.field === "--activation",
  );
});

test("ReLU-only fc commands refuse another activation with the reason (exit 2, one line)", () => {
  const r = runCli(["fc", "dynamics2d", "--K", "3", "--x0", "0.1", "--y0", "0", "--activation", "tanh"]);
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /--activation: minima fc dynamics2d is ReLU only \(.+\)/);
  const commands: Array<[string, Command, string[]]> = [
    ["fc k1", fcK1Command, []],
    ["fc saddles", fcSaddlesCommand, []],
    ["fc critical", fcCriticalCommand, []],
    ["fc field", fcFieldCommand, ["--K", "3"]],
    ["fc ssb", fcSsbCommand, ["--K", "3"]],
    ["fc fig3", fcFig3Command, []],
  ];
  for (const [name, command, args] of commands) {
    assert.throws(
      () => command.run([...args, "--activation", "softplus"]),
      (e: unknown) => e instanceof InputError && e.field === "--activation" && /ReLU only/.test(e.message),
      name,
    );
  }
  // The M-matrix equations of fc critical --problem are ReLU's too.
  const file = join(dir, "tanh-problem.json");
  writeFileSync(
    file,
    JSON.stringify({
      model: "fc",
      teacher: { W: [[1, 0]] },
      student: { W: [[0.5, 0.5]] },
      activation: "tanh",
    }),
  );
  assert.throws(() => fcCriticalCommand.run(["--problem", file]), /activation" must be relu/);
});

test('minima eval on an fc problem with "activation":"softplus" prints the softplus loss and gradient', () => {
  const problem = {
    model: "fc",
    teacher: {
      W: [
        [1, 0, 0],
        [0, 1, 0],
      ],
    },
    student: {
      W: [
        [0.8, 0.3, 0],
        [0.1, 0.9, -0.2],
      ],
    },
    activation: "softplus",
  };
  const file = join(dir, "softplus-problem.json");
  writeFileSync(file, JSON.stringify(problem));
  const r = runCli(["eval", file, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const pop = new FcPopulation(
    fcPairKernelFor("softplus"),
    makeNetwork(2, 3, Float64Array.from([1, 0, 0, 0, 1, 0])),
    2,
  );
  const x = { W: Float64Array.from([0.8, 0.3, 0, 0.1, 0.9, -0.2]), a: new Float64Array(2).fill(1) };
  assert.equal(out.loss, pop.loss(x));
  assert.deepEqual(out.grad.W.flat(), Array.from(pop.gradient(x, false)));
});
