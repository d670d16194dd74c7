/** Every CLI command, one file each. Add a command by importing it here. */
import { certifyCommand } from "./certify.js";
import { classifyCommand } from "./classify.js";
import { cnnCriticalCommand } from "./cnn-critical.js";
import { cnnProbabilityCommand } from "./cnn-probability.js";
import { cnnTrainCommand } from "./cnn-train.js";
import type { Command } from "./command.js";
import { evalCommand } from "./eval.js";
import { reproduceCommand } from "./reproduce.js";
import { sweepMergeCommand } from "./sweep-merge.js";
import { sweepRunCommand } from "./sweep-run.js";
import { sweepSummaryCommand } from "./sweep-summary.js";

export const commands: readonly Command[] = [
  cnnTrainCommand,
  cnnCriticalCommand,
  cnnProbabilityCommand,
  evalCommand,
  classifyCommand,
  certifyCommand,
  reproduceCommand,
  sweepRunCommand,
  sweepMergeCommand,
  sweepSummaryCommand,
];
