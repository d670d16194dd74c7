/** Every CLI command, one file each. Add a command by importing it here. */
import { cnnProbabilityCommand } from "./cnn-probability.js";
import type { Command } from "./command.js";
import { evalCommand } from "./eval.js";
import { reproduceCommand } from "./reproduce.js";
import { sweepMergeCommand } from "./sweep-merge.js";
import { sweepRunCommand } from "./sweep-run.js";
import { sweepSummaryCommand } from "./sweep-summary.js";

export const commands: readonly Command[] = [
  cnnProbabilityCommand,
  evalCommand,
  reproduceCommand,
  sweepRunCommand,
  sweepMergeCommand,
  sweepSummaryCommand,
];
