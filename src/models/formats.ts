/**
 * Registers every model's problem format (the {"model": …} JSON read by `minima eval` and
 * `minima classify`). Import this module once where problems are parsed from JSON.
 */

import { cnnProblemFormat } from "./cnn/problem.js";
import { fcProblemFormat } from "./fc/problem-format.js";
import { mlpFormat } from "./mlp/format.js";
import { registerProblemFormat } from "./registry.js";

const formats = [mlpFormat, fcProblemFormat, cnnProblemFormat] as const;
for (const format of formats) registerProblemFormat(format);
