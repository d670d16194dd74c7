/**
 * Figure helpers for the views: Observable Plot in the page's own document, with the library's
 * colour-blind-safe palette (src/figures/palette.ts). Each figure is an <svg> so it exports as is.
 */
import * as Plot from "@observablehq/plot";
import { OKABE_ITO, REFERENCE_COLOUR } from "../src/figures/palette.js";

export { OKABE_ITO, Plot, REFERENCE_COLOUR };

export const OUTCOME_COLOURS: Record<string, string> = {
  global: OKABE_ITO[0],
  spurious: OKABE_ITO[1],
  saddle: OKABE_ITO[4],
  unconverged: "#9a9a9a",
  diverged: OKABE_ITO[6],
};

/**
 * Margins for 13 px type: room above the top tick for the y axis title, below the tick labels for
 * the x axis title, and left of the frame for labels such as "−0.25" (Plot's defaults suit 10 px).
 */
export const PLOT_MARGINS = { marginTop: 32, marginRight: 20, marginBottom: 46, marginLeft: 64 } as const;

/** Plot returns a <figure> when it adds a legend; the views want the <svg> for export. */
export function plotSvg(options: Plot.PlotOptions): SVGSVGElement {
  const node = Plot.plot({ style: { fontSize: "13px", background: "white" }, ...PLOT_MARGINS, ...options });
  if (node instanceof SVGSVGElement) return node;
  // With a legend Plot wraps legend and plot in a <figure>; the plot is the last <svg>, and the
  // figure holds the scales.
  const all = node.querySelectorAll(":scope > svg");
  const svg = all[all.length - 1] as SVGSVGElement | undefined;
  if (!svg) throw new Error("Plot made no SVG");
  (svg as unknown as { scale: unknown }).scale = (
    node as unknown as { scale: (n: string) => unknown }
  ).scale.bind(node);
  return svg;
}

/** The x and y pixel maps of a plot (for overlays drawn after the plot, e.g. an animated path). */
export function plotScales(svg: SVGSVGElement): { x: (v: number) => number; y: (v: number) => number } {
  const withScale = svg as unknown as { scale(name: string): { apply(v: number): number } };
  const x = withScale.scale("x");
  const y = withScale.scale("y");
  return { x: (v) => x.apply(v), y: (v) => y.apply(v) };
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export function figureBox(svg: SVGSVGElement, caption: string, id: string, legend?: Element): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "figure";
  figure.id = id;
  const cap = document.createElement("figcaption");
  cap.textContent = caption;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", caption);
  if (legend) figure.append(legend);
  figure.append(svg, cap);
  return figure;
}

/** A src/figures figure (standalone SVG text) as an element of the page. */
export function figureElement(figure: { readonly svg: string }): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(figure.svg, "image/svg+xml").documentElement;
  return document.importNode(parsed, true) as unknown as SVGSVGElement;
}
