/**
 * What an SVG figure draws, flattened: every text line and every shape with its place in figure
 * coordinates (transforms, nested viewports and clip rectangles applied), its colours, and which
 * Observable Plot panel and mark it belongs to (Plot labels each mark's group with aria-label:
 * "dot", "line", "x-axis tick label", "frame", …). The rules in figure-check.ts read only this.
 */
import { DOMParser } from "linkedom";
import { normaliseColour } from "./colour.js";
import {
  apply,
  type Box,
  boxCorners,
  boxOf,
  compose,
  grow,
  IDENTITY,
  intersect,
  lengthScale,
  type Matrix,
  type Pt,
  parseTransform,
} from "./geometry.js";
import { dotGeometry, shapeOutline, type Viewport } from "./shape-outline.js";
import { fontSizeOf, length, numberOr, property, styleDeclarations } from "./svg-style.js";
import { textLines } from "./text-lines.js";

export { normaliseColour };

export interface DrawnText {
  readonly text: string;
  /** The line's box as four corners in figure coordinates (rotated text gives a rotated box). */
  readonly corners: readonly Pt[];
  readonly box: Box;
  readonly fontSize: number;
  /** Index into Layout.panels, or −1 outside every Plot panel (title, legends). */
  readonly panel: number;
  /** The Plot mark the text belongs to ("x-axis tick label", "text", …). */
  readonly mark?: string;
  /** Drawn with a white outline under it (paint-order stroke), so lines under it are masked. */
  readonly halo: boolean;
  readonly fill: string;
  /** Drawing order among all texts and shapes. */
  readonly order: number;
  /** Which text element the line comes from (the lines of one element never collide). */
  readonly element: number;
}

export interface DrawnShape {
  readonly tag: string;
  /** Bounding box in figure coordinates, stroke included, after clipping. */
  readonly box: Box;
  /** The shape's outline as polylines in figure coordinates (for lines crossing text). */
  readonly polylines: readonly (readonly Pt[])[];
  readonly panel: number;
  readonly mark?: string;
  /** Which element of its mark this is (marks are groups of elements). */
  readonly markIndex: number;
  readonly fill: string;
  readonly stroke: string;
  readonly fillOpacity: number;
  readonly strokeWidth: number;
  /** For a Plot dot: its centre and radius (stroke included) in figure coordinates. */
  readonly centre?: Pt;
  readonly radius?: number;
  /** A linear gradient this shape is filled with, by its number of stops. */
  readonly gradientStops?: number;
  readonly order: number;
}

export interface PanelInfo {
  /** The panel's viewport in figure coordinates. */
  readonly box: Box;
  /** Plot's frame mark, when the panel has one. */
  readonly frame?: Box;
  /** Whether the viewport clips what lies outside it (a nested svg without overflow: visible). */
  readonly clips: boolean;
}

export interface Layout {
  readonly viewBox: Box;
  readonly texts: readonly DrawnText[];
  readonly shapes: readonly DrawnShape[];
  readonly panels: readonly PanelInfo[];
}

interface Style {
  readonly matrix: Matrix;
  readonly fontSize: number;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly color: string;
  readonly opacity: number;
  readonly fillOpacity: number;
  readonly textAnchor: string;
  readonly paintOrder: string;
  readonly clip?: Box;
  readonly panel: number;
  readonly mark?: string;
  /** The viewport lengths in % refer to. */
  readonly viewport: Viewport;
}

const SKIPPED = new Set([
  "defs",
  "clippath",
  "mask",
  "title",
  "desc",
  "style",
  "script",
  "lineargradient",
  "radialgradient",
  "marker",
  "symbol",
  "pattern",
  "metadata",
]);

function isPlotPanel(el: Element): boolean {
  return /(^|\s)plot-[0-9a-f]+(\s|$)/.test(el.getAttribute("class") ?? "");
}

/** Reads an SVG document (a standalone figure) into its drawn texts and shapes. */
export function layoutSvg(svgText: string): Layout {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = doc.documentElement as unknown as Element;
  if (root?.tagName.toLowerCase() !== "svg") throw new Error("not an SVG document");
  const byId = new Map<string, Element>();
  for (const el of root.querySelectorAll("[id]")) byId.set(el.getAttribute("id") ?? "", el);

  const texts: DrawnText[] = [];
  const shapes: DrawnShape[] = [];
  const panels: PanelInfo[] = [];
  const frames = new Map<number, Box>();
  const markCounts = new Map<string, number>();
  let order = 0;

  const rootWidth = length(root.getAttribute("width"), 16) ?? 0;
  const rootHeight = length(root.getAttribute("height"), 16) ?? 0;
  const vb = (root.getAttribute("viewBox") ?? `0 0 ${rootWidth} ${rootHeight}`)
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const viewBox: Box = { x0: vb[0], y0: vb[1], x1: vb[0] + vb[2], y1: vb[1] + vb[3] };

  const clipBox = (el: Element, style: Style, matrix: Matrix): Box | undefined => {
    const ref = /url\(\s*#([^)\s]+)\s*\)/.exec(
      el.getAttribute("clip-path") ?? styleDeclarations(el).get("clip-path") ?? "",
    );
    if (!ref) return style.clip;
    const clip = byId.get(ref[1]);
    const shape = clip?.querySelector("rect, path, circle");
    if (!shape) return style.clip;
    const local = shapeOutline(shape, style.fontSize, style.viewport);
    if (local.length === 0) return style.clip;
    const box = boxOf(
      local.flat().map((p) => apply(compose(matrix, parseTransform(shape.getAttribute("transform"))), p)),
    );
    return style.clip ? (intersect(box, style.clip) ?? { ...box, x1: box.x0, y1: box.y0 }) : box;
  };

  const visit = (el: Element, parent: Style) => {
    const tag = el.tagName.toLowerCase();
    if (SKIPPED.has(tag)) return;
    const styles = styleDeclarations(el);
    if (property(el, styles, "display") === "none" || property(el, styles, "visibility") === "hidden") return;
    const fontSize = fontSizeOf(property(el, styles, "font-size"), parent.fontSize);
    let matrix = compose(parent.matrix, parseTransform(el.getAttribute("transform")));
    let viewport = parent.viewport;
    let clip = parent.clip;
    let panel = parent.panel;
    let mark = parent.mark;

    if (tag === "svg" && el !== root) {
      const x = length(el.getAttribute("x"), fontSize, viewport.width) ?? 0;
      const y = length(el.getAttribute("y"), fontSize, viewport.height) ?? 0;
      const width = length(el.getAttribute("width"), fontSize, viewport.width) ?? viewport.width;
      const height = length(el.getAttribute("height"), fontSize, viewport.height) ?? viewport.height;
      const v = el
        .getAttribute("viewBox")
        ?.trim()
        .split(/[\s,]+/)
        .map(Number);
      let inner: Matrix = [1, 0, 0, 1, x, y];
      if (v && v.length === 4 && v[2] > 0 && v[3] > 0)
        inner = compose(inner, [
          width / v[2],
          0,
          0,
          height / v[3],
          -v[0] * (width / v[2]),
          -v[1] * (height / v[3]),
        ]);
      const outer = matrix;
      matrix = compose(matrix, inner);
      viewport = v && v.length === 4 ? { width: v[2], height: v[3] } : { width, height };
      const box = boxOf([apply(outer, { x, y }), apply(outer, { x: x + width, y: y + height })]);
      const clips = property(el, styles, "overflow") !== "visible";
      if (clips) clip = clip ? (intersect(box, clip) ?? box) : box;
      if (isPlotPanel(el)) {
        panel = panels.length;
        panels.push({ box, clips });
        mark = undefined;
      }
    } else if (tag === "svg" && isPlotPanel(el)) {
      panel = panels.length;
      panels.push({ box: viewBox, clips: true });
    }
    if (panel >= 0 && panel !== parent.panel) mark = undefined;
    else if (panel >= 0 && mark === undefined && parent.panel === panel && el.getAttribute("aria-label"))
      mark = el.getAttribute("aria-label") ?? undefined;

    const colour = property(el, styles, "color");
    const opacity = parent.opacity * numberOr(property(el, styles, "opacity"), 1);
    const style: Style = {
      matrix,
      fontSize,
      color: colour ? normaliseColour(colour) : parent.color,
      fill: property(el, styles, "fill") ?? parent.fill,
      stroke: property(el, styles, "stroke") ?? parent.stroke,
      strokeWidth: numberOr(property(el, styles, "stroke-width"), parent.strokeWidth),
      opacity,
      fillOpacity: numberOr(property(el, styles, "fill-opacity"), parent.fillOpacity),
      textAnchor: property(el, styles, "text-anchor") ?? parent.textAnchor,
      paintOrder: property(el, styles, "paint-order") ?? parent.paintOrder,
      clip,
      panel,
      mark,
      viewport,
    };
    const withClip: Style = { ...style, clip: clipBox(el, style, parent.matrix) };
    const paint = (value: string) => {
      const v = normaliseColour(value);
      return v === "currentcolor" ? withClip.color : v;
    };

    if (tag === "text") {
      const element = order;
      for (const line of textLines(el, withClip.fontSize, withClip.textAnchor, withClip.viewport)) {
        const corners = boxCorners(line.box).map((p) => apply(withClip.matrix, p));
        const box = boxOf(corners);
        if (withClip.clip && !intersect(box, withClip.clip)) continue;
        texts.push({
          text: line.text,
          corners,
          box,
          fontSize: withClip.fontSize * lengthScale(withClip.matrix),
          panel,
          mark,
          halo: /^\s*stroke/.test(withClip.paintOrder) && paint(withClip.stroke) !== "none",
          fill: paint(withClip.fill),
          order: order++,
          element,
        });
      }
      return;
    }

    const outline = shapeOutline(el, withClip.fontSize, withClip.viewport);
    if (outline.length > 0) {
      const fill = tag === "line" || tag === "polyline" ? "none" : paint(withClip.fill);
      const stroke = paint(withClip.stroke);
      const visible = withClip.opacity > 0 && (fill !== "none" || stroke !== "none");
      const points = outline.map((line) => line.map((p) => apply(withClip.matrix, p)));
      const scale = lengthScale(withClip.matrix);
      const strokeWidth = stroke === "none" ? 0 : withClip.strokeWidth * scale;
      let box: Box | undefined = grow(boxOf(points.flat()), strokeWidth / 2);
      if (withClip.clip) box = intersect(box, withClip.clip);
      if (visible && box) {
        const key = `${panel}/${mark}`;
        const markIndex = markCounts.get(key) ?? 0;
        markCounts.set(key, markIndex + 1);
        const gradient = /^url\(\s*#([^)\s]+)\s*\)$/.exec(fill);
        const shape: DrawnShape = {
          tag,
          box,
          polylines: points,
          panel,
          mark,
          markIndex,
          fill,
          stroke,
          fillOpacity: withClip.fillOpacity * withClip.opacity,
          strokeWidth,
          gradientStops: gradient ? byId.get(gradient[1])?.querySelectorAll("stop").length : undefined,
          order: order++,
          ...(mark === "dot" ? dotGeometry(el, withClip.matrix, box) : {}),
        };
        shapes.push(shape);
        if (mark === "frame" && panel >= 0 && !frames.has(panel)) frames.set(panel, box);
      }
    }
    for (const child of el.children) visit(child, withClip);
  };

  const initial: Style = {
    matrix: IDENTITY,
    fontSize: 16,
    fill: "black",
    stroke: "none",
    strokeWidth: 1,
    color: "#000000",
    opacity: 1,
    fillOpacity: 1,
    textAnchor: "start",
    paintOrder: "normal",
    panel: -1,
    viewport: { width: vb[2], height: vb[3] },
  };
  visit(root, initial);
  return {
    viewBox,
    texts,
    shapes,
    panels: panels.map((p, i) => (frames.has(i) ? { ...p, frame: frames.get(i) } : p)),
  };
}
