/** Every CLI command, one file each. Add a command by importing it here. */
import type { Command } from "./command.js";

export const commands: readonly Command[] = [];
