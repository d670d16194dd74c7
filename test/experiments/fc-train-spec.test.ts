import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import {
  FC_TRAIN_DEFAULTS,
  type TrainSpec,
  trainFc,
  validateFcTrainSpec,
} from "../../src/experiments/tian/train.js";
import { runCli } from "../helpers/cli.js";

const base: TrainSpec = {
  K: 2,
  d: 2,
  teacher: { kind: "orthonormal" },
  start: { kind: "gaussian", std: 0.1 },
  trainA: false,
  eta: 0.1,
  maxSteps: 10,
  seed: 1,
};

test("trainFc refuses a malformed spec with an InputError naming the field (the library checks what the CLI checks)", () => {
  const cases: [Partial<TrainSpec>, string][] = [
    [{ K: 2.5 }, "K"],
    [{ K: 0 }, "K"],
    [{ d: 1e6 }, "d"],
    [{ eta: 0 }, "eta"],
    [{ eta: Number.NaN }, "eta"],
    [{ maxSteps: -1 }, "maxSteps"],
    [{ start: { kind: "gaussian", std: -1 } }, "start.std"],
    [{ start: { kind: "given", W: new Float64Array(3) } }, "start.W"],
    [{ activation: "sine" }, "activation"],
  ];
  for (const [change, field] of cases) {
    assert.throws(
      () => trainFc({ ...base, ...change } as TrainSpec),
      (e: unknown) => e instanceof InputError && e.field === field,
      field,
    );
  }
  assert.deepEqual(validateFcTrainSpec(base), base);
  // The fields `fc train` defaults are defaulted for the library too, from the same FC_TRAIN_DEFAULTS.
  assert.deepEqual(validateFcTrainSpec({ K: 2, d: 2 }), { K: 2, d: 2, ...FC_TRAIN_DEFAULTS });
  assert.equal(trainFc({ K: 2, d: 2, maxSteps: 5 }).steps, 5);
});

test("fc train reports the validator's errors under the flag the user typed", () => {
  const cases: [string[], RegExp][] = [
    [["--K", "2.5", "--d", "2"], /^minima: error: --K: must be an integer from 1 to 10000/m],
    [["--K", "2", "--d", "2", "--eta", "0"], /^minima: error: --eta: must be > 0/m],
    [["--K", "2", "--d", "2", "--steps=-3"], /^minima: error: --steps: must be an integer from 0 to/m],
    [["--K", "2", "--d", "2", "--init-std=-1"], /^minima: error: --init-std: must be a positive number/m],
  ];
  for (const [args, message] of cases) {
    const r = runCli(["fc", "train", ...args]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
  }
});
