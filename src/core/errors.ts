/**
 * Errors a person can act on. Anything that rejects user input throws `InputError` naming the
 * field, what is allowed and what was given; the CLI prints its message as one line and exits 2.
 */
export class InputError extends Error {
  readonly field: string;

  constructor(field: string, allowed: string, got?: unknown) {
    super(`${field}: ${allowed}${got === undefined ? "" : `, got ${describe(got)}`}`);
    this.name = "InputError";
    this.field = field;
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}
