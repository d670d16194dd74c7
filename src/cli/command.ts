/** The contract every CLI command file fulfils: parse its own flags, compute, print, return an exit code. */
export interface Command {
  /** The full text for `minima <name> --help`. */
  readonly usage: string;
  run(argv: string[]): Promise<number> | number;
}

/** A command in the registry: what `minima --help` lists, and how to load the command itself. */
export interface CommandEntry {
  /** Words that select it, e.g. "cnn train". */
  readonly name: string;
  /** One line for `minima --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}
