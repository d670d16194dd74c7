/** Observable Plot, run on the headless document, returning one panel's SVG. */
import * as Plot from "@observablehq/plot";
import { headlessDocument } from "./dom.js";
import type { Axis } from "./figure.js";
import type { Panel } from "./svg.js";
import { logTickFormat, logTicks, powerText } from "./ticks.js";

export const PANEL_WIDTH = 460;
export const PANEL_HEIGHT = 320;

/** Plot's default top margin is 20 px; 4 more keep a top tick label clear of the y axis title. */
const MARGIN_TOP = 24;

export function plotPanel(options: Plot.PlotOptions, width = PANEL_WIDTH, height = PANEL_HEIGHT): Panel {
  const element = Plot.plot({
    marginTop: MARGIN_TOP,
    ...options,
    width,
    height,
    document: headlessDocument(),
    style: { fontSize: "11px", background: "white", color: "black", overflow: "visible" },
  }) as unknown as Element;
  if (element.tagName.toLowerCase() !== "svg") throw new Error("a panel must be a bare SVG (no Plot legend)");
  return { svg: element.outerHTML, width, height };
}

/** The smallest and largest finite value (positive only, for a log axis), or undefined. */
export function extentOf(values: Iterable<number>, log = false): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * Plot scale options for one of our axes. `values` are the data drawn on the axis: a log axis
 * without explicit ticks gets ticks from them that label at least three values (ticks.ts).
 */
export function scaleOptions(axis: Axis, values?: Iterable<number>): Plot.ScaleOptions {
  const options: Plot.ScaleOptions = { label: axis.label, grid: true };
  if (axis.log) options.type = "log";
  if (axis.domain) options.domain = [...axis.domain];
  if (axis.ticks) options.ticks = [...axis.ticks];
  if (axis.tickFormat) options.tickFormat = axis.tickFormat;
  if (axis.log && !axis.ticks) {
    const extent = axis.domain ? ([...axis.domain] as [number, number]) : values && extentOf(values, true);
    if (extent) {
      options.domain = extent;
      options.ticks = logTicks(extent[0], extent[1]);
    }
  }
  if (axis.log && !axis.tickFormat)
    options.tickFormat = Array.isArray(options.ticks) ? logTickFormat(options.ticks as number[]) : powerText;
  return options;
}
