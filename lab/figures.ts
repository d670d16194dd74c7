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

/** Pixels by which the x axis title sits above Plot's place for it (see clearXLabel). */
const X_LABEL_LIFT = 6;

/** The smallest type on screen in CSS px: 14, or 20 in presentation mode (projected in a hall). */
export function minType(): number {
  return typeof document !== "undefined" && document.documentElement.classList.contains("presentation")
    ? 20
    : 14;
}

/**
 * Margins for the current type: room above the top tick for the y axis title, below the tick
 * labels for the x axis title, and left of the frame for labels such as "−0.25" (measured at 13 px
 * and scaled; Plot's defaults suit 10 px).
 */
export function plotMargins(): {
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
} {
  const f = minType() / 13;
  return {
    marginTop: Math.round(32 * f),
    marginRight: Math.round(20 * f),
    // and X_LABEL_LIFT more, the room the x axis title is lifted by (clearXLabel)
    marginBottom: Math.round(46 * f) + X_LABEL_LIFT,
    marginLeft: Math.round(64 * f),
  };
}

/** The width a figure may take in `holder` (its parent's when it is not laid out yet). */
export function availableWidth(holder: HTMLElement): number {
  const own = holder.clientWidth || holder.parentElement?.clientWidth || 0;
  return Math.max(240, Math.floor(own || 600));
}

/** Plot returns a <figure> when it adds a legend; the views want the <svg> for export. */
export function plotSvg(options: Plot.PlotOptions): SVGSVGElement {
  const node = Plot.plot({
    style: { fontSize: `${minType()}px`, background: "white" },
    ...plotMargins(),
    ...options,
  });
  if (node instanceof SVGSVGElement) return clearXLabel(node);
  // With a legend Plot wraps legend and plot in a <figure>; the plot is the last <svg>, and the
  // figure holds the scales.
  const all = node.querySelectorAll(":scope > svg");
  const svg = all[all.length - 1] as SVGSVGElement | undefined;
  if (!svg) throw new Error("Plot made no SVG");
  (svg as unknown as { scale: unknown }).scale = (
    node as unknown as { scale: (n: string) => unknown }
  ).scale.bind(node);
  return clearXLabel(svg);
}

/**
 * Plot ends the x axis title 3 px from the SVG's right and bottom edges, where at 14 px and more
 * its arrow and descenders can touch them: the title is moved a third of an em to the left and
 * X_LABEL_LIFT px up (the bottom margin has that much more room).
 */
function clearXLabel(svg: SVGSVGElement): SVGSVGElement {
  const label = svg.querySelector(':scope > g[aria-label="x-axis label"]');
  if (label) {
    const shift = document.createElementNS("http://www.w3.org/2000/svg", "g");
    shift.setAttribute("transform", `translate(${-Math.round(minType() / 3)},${-X_LABEL_LIFT})`);
    label.replaceWith(shift);
    shift.append(label);
  }
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

/** The smallest font size set in an SVG (attributes and inline styles), or undefined. */
export function smallestFont(svg: string): number | undefined {
  const sizes = [...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1]));
  return sizes.length > 0 ? Math.min(...sizes) : undefined;
}

/**
 * A src/figures figure drawn for `available` px of page with its smallest type at minType(): the
 * builder is asked for a figure 1/s as wide, s = minType / its smallest font, and the SVG is shown
 * s times its size. A builder of fixed size (a heat map) is scaled the same way and may then be
 * wider than the page; its box scrolls rather than shrink the type.
 */
export function fittedFigure(
  build: (width: number) => { readonly svg: string },
  available: number,
): SVGSVGElement {
  const target = minType();
  let scale = target / 11;
  let figure = build(Math.floor(available / scale));
  const smallest = smallestFont(figure.svg) ?? 11;
  if (Math.abs(target / smallest - scale) > 1e-9) {
    scale = target / smallest;
    figure = build(Math.floor(available / scale));
  }
  const svg = figureElement(figure);
  const natural = svg.viewBox.baseVal?.width || Number(svg.getAttribute("width")) || available / scale;
  svg.setAttribute("width", String(Math.round(natural * scale)));
  svg.setAttribute("height", String(Math.round((svg.viewBox.baseVal?.height || 0) * scale) || ""));
  svg.style.maxWidth = "none";
  return svg;
}

/** A src/figures figure (standalone SVG text) as an element of the page. */
export function figureElement(figure: { readonly svg: string }): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(figure.svg, "image/svg+xml").documentElement;
  return document.importNode(parsed, true) as unknown as SVGSVGElement;
}
