/**
 * Registers every model's problem format (the {"model": …} JSON read by `minima eval` and
 * `minima classify`). Import this module once where problems are parsed from JSON.
 */
import { registerProblemFormat } from "./registry.js";

const formats = [] as const;
for (const format of formats) registerProblemFormat(format);
