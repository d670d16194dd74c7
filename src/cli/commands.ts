/** Every CLI command, one file each. Add a command by importing it here. */
import type { Command } from "./command.js";
import { evalCommand } from "./eval.js";
import { reproduceCommand } from "./reproduce.js";

export const commands: readonly Command[] = [evalCommand, reproduceCommand];
