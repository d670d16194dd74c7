/** What every figure function returns: an SVG string plus the words a reader needs to read it. */
export interface Figure {
  /** File-name stem, e.g. "du-success-heatmap". Unique within a report. */
  readonly name: string;
  readonly title: string;
  /** What to see in the figure, in one or two sentences. */
  readonly caption: string;
  /** A standalone SVG document (no external resources), drawn in the shipped font. */
  readonly svg: string;
}

/** One curve: points in drawing order. */
export interface Series {
  readonly label: string;
  readonly points: readonly Point[];
  readonly dashed?: boolean;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A labelled point drawn on top of a plot (a minimum, a saddle, a start). */
export interface MarkedPoint extends Point {
  readonly label: string;
  readonly symbol?: "circle" | "cross" | "triangle" | "star" | "square" | "diamond";
  /** Put the label left of the point (for points at the right edge). */
  readonly labelLeft?: boolean;
}

export interface Axis {
  /** Label with symbol and unit, e.g. "iteration t" or "angle φ (rad)". */
  readonly label: string;
  readonly log?: boolean;
  readonly domain?: readonly [number, number];
  /** Tick values and their text, when the defaults would mislead (e.g. a square-root axis). */
  readonly ticks?: readonly number[];
  readonly tickFormat?: (value: number) => string;
}
