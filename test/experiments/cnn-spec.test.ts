import assert from "node:assert/strict";
import { test } from "node:test";
import { cnnFlagName, cnnTrainCommand } from "../../src/cli/cnn-train.js";
import { InputError } from "../../src/core/errors.js";
import { validateCnnTrialSpec } from "../../src/experiments/cnn/spec.js";
import { cnnDefaultEta, cnnDefaultEtaFor, stepsForHorizon } from "../../src/models/cnn/protocol.js";
import { resolveCnnParams } from "../../src/sweep/models/cnn.js";

test("validateCnnTrialSpec fills the protocol's defaults (anorm 1, paper init, default step, 6000/η steps)", () => {
  const spec = validateCnnTrialSpec({ k: 25, p: 25, ratio: 4 });
  assert.deepEqual(spec, {
    k: 25,
    p: 25,
    ratio: 4,
    anorm: 1,
    eta: cnnDefaultEta(25),
    maxSteps: stepsForHorizon(6000, cnnDefaultEta(25)),
    init: "paper",
  });
  // tanh is odd (μ = 0), so λ_max(A) = m2 < 5 and its default step is 0.2 even at k = 100, where ReLU's is 0.06.
  const tanh = validateCnnTrialSpec({ k: 100, p: 4, ratio: 1, activation: "tanh" });
  assert.equal(tanh.eta, cnnDefaultEtaFor("tanh", 100));
  assert.equal(tanh.eta, 0.2);
  assert.ok(cnnDefaultEta(100) < 0.07);
});

test("a spec written with defaults and one written without draw the same canonical spec", () => {
  const bare = validateCnnTrialSpec({ k: 9, p: 3, ratio: 2 });
  const explicit = validateCnnTrialSpec({
    ...bare,
    method: "wn-gd",
    earlyStop: true,
    activation: "relu",
  });
  assert.deepEqual(explicit, bare);
  assert.deepEqual(resolveCnnParams({ k: 9, p: 3, ratio: 2 }, "cell"), bare);
});

test("the CLI, the sweep and the library reject the same input with the same message, each in its own names", () => {
  const cases: [Record<string, unknown>, string[]][] = [
    [{ k: 5, p: 3, ratio: 6 }, ["--k", "5", "--p", "3", "--ratio", "6"]],
    [{ k: 5, p: 3, ratio: 1, eta: 0 }, ["--k", "5", "--p", "3", "--ratio", "1", "--eta", "0"]],
    [{ k: 5, p: 3, ratio: 1, maxSteps: 2.5 }, ["--k", "5", "--p", "3", "--ratio", "1", "--steps", "2.5"]],
    [
      { k: 5, p: 3, ratio: 1, samples: 10, batch: 20 },
      ["--k", "5", "--p", "3", "--ratio", "1", "--samples", "10", "--batch", "20"],
    ],
    [{ k: 5, p: 3, ratio: 1, initStd: 0.1 }, ["--k", "5", "--p", "3", "--ratio", "1", "--init-std", "0.1"]],
    [
      { k: 5, p: 3, ratio: 1, method: "gd", activation: "tanh" },
      ["--k", "5", "--p", "3", "--ratio", "1", "--method", "gd", "--activation", "tanh"],
    ],
  ];
  for (const [raw, argv] of cases) {
    let library: InputError | undefined;
    try {
      validateCnnTrialSpec(raw);
    } catch (error) {
      library = error as InputError;
    }
    assert.ok(library instanceof InputError, JSON.stringify(raw));
    const detail = (field: string, message: string) => message.slice(field.length + 2);
    assert.throws(
      () => cnnTrainCommand.run(argv),
      (error: unknown) =>
        error instanceof InputError &&
        error.field === cnnFlagName(library.field) &&
        detail(error.field, error.message) ===
          detail(library.field, library.message).replaceAll(/\b(init|activation)\b/g, (f) => cnnFlagName(f)),
      argv.join(" "),
    );
    assert.throws(
      () => resolveCnnParams(raw, "cells[0]"),
      (error: unknown) => error instanceof InputError && error.field === `cells[0].${library.field}`,
    );
  }
});
