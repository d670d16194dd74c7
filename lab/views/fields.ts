/** Controls bound to a field of a view's state section: changing one writes the state and recomputes. */
import type { LabState } from "../state.js";
import { numberControl, textControl } from "../ui.js";
import type { SectionId, ViewIO } from "./define.js";

export type NumberKey<K extends SectionId> = {
  [F in keyof LabState[K]]: LabState[K][F] extends number ? F : never;
}[keyof LabState[K]] &
  string;

export type ListKey<K extends SectionId> = {
  [F in keyof LabState[K]]: LabState[K][F] extends number[] ? F : never;
}[keyof LabState[K]] &
  string;

export interface NumberFieldOptions {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly integer?: boolean;
  readonly slider?: boolean;
  readonly help?: string;
}

/** A number input (id `${prefix}-${key}`) for one numeric field. */
export function numberField<K extends SectionId>(
  io: ViewIO<K>,
  prefix: string,
  key: NumberKey<K>,
  options: NumberFieldOptions,
): HTMLElement {
  return numberControl({
    ...options,
    id: `${prefix}-${key}`,
    value: io.state()[key] as number,
    onChange: (value) => io.set({ [key]: value } as unknown as Partial<LabState[K]>),
  });
}

export interface ListFieldOptions {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly maxLength: number;
  readonly integer?: boolean;
  readonly help?: string;
  /** The message for any invalid list, in place of the specific one. */
  readonly problem?: string;
}

/** Why a comma-separated list is not valid, or undefined when it is. */
export function listProblem(text: string, options: ListFieldOptions): string | undefined {
  const { min, max, maxLength, integer = false } = options;
  const items = text.split(",").map((s) => (s.trim() === "" ? Number.NaN : Number(s)));
  const problem =
    items.length > maxLength
      ? `at most ${maxLength} values`
      : items.some((x) => !Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x)))
        ? `comma-separated ${integer ? "integers" : "numbers"} from ${min} to ${max}`
        : undefined;
  return problem === undefined ? undefined : (options.problem ?? problem);
}

/** A text input (id `${prefix}-${key}`) for a comma-separated list of numbers. */
export function listField<K extends SectionId>(
  io: ViewIO<K>,
  prefix: string,
  key: ListKey<K>,
  options: ListFieldOptions,
): HTMLElement {
  return textControl({
    id: `${prefix}-${key}`,
    label: options.label,
    value: (io.state()[key] as number[]).join(","),
    help: options.help,
    validate: (text) => listProblem(text, options),
    onChange: (text) => io.set({ [key]: text.split(",").map(Number) } as unknown as Partial<LabState[K]>),
  });
}
