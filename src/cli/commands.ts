/** Every CLI command, one file each. Add a command by importing it here. */
import { certifyCommand } from "./certify.js";
import { classifyCommand } from "./classify.js";
import { cnnCriticalCommand } from "./cnn-critical.js";
import { cnnProbabilityCommand } from "./cnn-probability.js";
import { cnnTrainCommand } from "./cnn-train.js";
import type { Command } from "./command.js";
import { evalCommand } from "./eval.js";
import { fcCriticalCommand } from "./fc-critical.js";
import { fcDynamics2dCommand } from "./fc-dynamics2d.js";
import { fcFieldCommand } from "./fc-field.js";
import { fcFig3Command } from "./fc-fig3.js";
import { fcK1Command } from "./fc-k1.js";
import { fcNoisyCommand } from "./fc-noisy.js";
import { fcSaddlesCommand } from "./fc-saddles.js";
import { fcSsbCommand } from "./fc-ssb.js";
import { fcTrainCommand } from "./fc-train.js";
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
  fcTrainCommand,
  fcK1Command,
  fcDynamics2dCommand,
  fcFieldCommand,
  fcSaddlesCommand,
  fcSsbCommand,
  fcNoisyCommand,
  fcFig3Command,
  fcCriticalCommand,
];
