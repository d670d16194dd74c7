/** What the figure check reports, and what its rules share: tolerances, Plot's mark names, wording. */
import type { Box } from "./geometry.js";

export type FigureRule =
  | "text-overlap"
  | "outside-figure"
  | "outside-frame"
  | "axis-ticks"
  | "colour-legend"
  | "hidden-mark"
  | "label-overprinted"
  | "low-contrast";

export interface FigureProblem {
  readonly rule: FigureRule;
  readonly message: string;
}

/** A legend drawn outside the SVG (the lab puts Plot's legends beside its figures). */
export interface ExternalLegend {
  /** Colours of its swatches (any CSS colour). */
  readonly colours?: readonly string[];
  /** Labelled ticks of its continuous colour ramp, if it has one. */
  readonly rampTicks?: number;
}

/** How far boxes may overlap (pixels) before it counts: anti-aliasing, not design. */
export const OVERLAP_SLACK = 0.75;
/** Plot's names of axis and frame marks (everything else in a panel draws data). */
export const NOT_DATA = /(axis|grid|frame)/;

/** A text shortened for a message. */
export const short = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}…` : text);
const round = (v: number) => Math.round(v * 10) / 10;
/** A box for a message, to a tenth of a pixel. */
export const where = (b: Box) => `(${round(b.x0)}, ${round(b.y0)})–(${round(b.x1)}, ${round(b.y1)})`;
