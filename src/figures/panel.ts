/** Observable Plot, run on the headless document, returning one panel's SVG. */
import * as Plot from "@observablehq/plot";
import { headlessDocument } from "./dom.js";
import type { Axis } from "./figure.js";
import type { Panel } from "./svg.js";

export const PANEL_WIDTH = 460;
export const PANEL_HEIGHT = 320;

export function plotPanel(options: Plot.PlotOptions, width = PANEL_WIDTH, height = PANEL_HEIGHT): Panel {
  const element = Plot.plot({
    ...options,
    width,
    height,
    document: headlessDocument(),
    style: { fontSize: "11px", background: "white", color: "black", overflow: "visible" },
  }) as unknown as Element;
  if (element.tagName.toLowerCase() !== "svg") throw new Error("a panel must be a bare SVG (no Plot legend)");
  return { svg: element.outerHTML, width, height };
}

/** Plot scale options for one of our axes. */
export function scaleOptions(axis: Axis): Plot.ScaleOptions {
  const options: Plot.ScaleOptions = { label: axis.label, grid: true };
  if (axis.log) options.type = "log";
  if (axis.domain) options.domain = [...axis.domain];
  if (axis.ticks) options.ticks = [...axis.ticks];
  if (axis.tickFormat) options.tickFormat = axis.tickFormat;
  if (axis.log && !axis.tickFormat) options.tickFormat = logTick;
  return options;
}

/** Log-axis ticks as powers of ten ("10⁻³"), blank between decades. */
export function logTick(value: number): string {
  const e = Math.log10(value);
  if (Math.abs(e - Math.round(e)) > 1e-9) return "";
  return `10${superscript(Math.round(e))}`;
}

const SUPERSCRIPTS: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

export function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPTS[c] ?? c).join("");
}
