/**
 * The library has the CLI's defaults: a trial or training run given only the fields a user must
 * give on the command line ends exactly where the command ends with the same seed (the defaults come
 * from one place: CNN_TRIAL_DEFAULTS and the protocol for cnn train, FC_TRAIN_DEFAULTS for fc train).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Rng, runCnnTrial, trainFc } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";

test("runCnnTrial({k, p, ratio}) is `minima cnn train --k --p --ratio` with the same seed", () => {
  const cli = runCli(["cnn", "train", "--k", "4", "--p", "5", "--ratio", "2", "--seed", "3", "--json"]);
  assert.equal(cli.code, 0, cli.stderr);
  const out = JSON.parse(cli.stdout);
  const lib = runCnnTrial({ k: 4, p: 5, ratio: 2 }, Rng.fromSeed(3, 0));
  for (const key of Object.keys(lib) as (keyof typeof lib)[]) assert.equal(out[key], lib[key], key);
  assert.equal(out.eta, 0.2);
  assert.equal(out.anorm, 1);
});

test("trainFc({K, d}) is `minima fc train --K --d` (teacher, start, step, budget, seed defaulted alike)", () => {
  const cli = runCli(["fc", "train", "--K", "2", "--d", "2", "--steps", "300", "--json"]);
  assert.equal(cli.code, 0, cli.stderr);
  const out = JSON.parse(cli.stdout);
  const lib = trainFc({ K: 2, d: 2, maxSteps: 300 });
  assert.equal(out.outcome, lib.outcome);
  assert.equal(out.steps, lib.steps);
  assert.equal(out.loss, lib.loss);
  assert.deepEqual(out.W, lib.W);
});
