/**
 * The trial contract, one per model: spec → validated spec → result.
 *
 * `validate` is the model's one validator of a raw spec (from CLI flags, a sweep cell, the report or
 * the lab's URL hash). It fills the protocol's defaults, gives the spec one canonical form (a sweep
 * keys a cell's random stream by a hash of it) and throws an InputError naming the field as the
 * caller wrote it (`name` maps a field to a flag or a path). `run` is pure in (spec, rng): the start
 * and any data are drawn from `rng` in a documented order, so a trial's result depends only on
 * (spec, stream), never on workers, shards or order. The sweep model of a model (src/sweep/models/)
 * is its trial contract plus the sweep's conveniences.
 */
import type { Rng } from "../math/rng.js";

export interface TrialContract<Spec, Result> {
  /** The model's name, as in sweep specs and problem JSON. */
  readonly model: string;
  validate(input: unknown, name?: (field: string) => string): Spec;
  run(spec: Spec, rng: Rng): Result;
}
