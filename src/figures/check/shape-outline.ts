/** The outline of an SVG shape element in its own coordinates, and a Plot dot's centre and size. */
import { apply, type Box, type Matrix, type Pt } from "./geometry.js";
import { pathPolylines } from "./path-points.js";
import { length } from "./svg-style.js";

/** The width and height that lengths in % refer to. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** A Plot dot's centre (its translate, or its circle's centre) and radius. */
export function dotGeometry(el: Element, matrix: Matrix, box: Box): { centre: Pt; radius: number } {
  const local =
    el.tagName.toLowerCase() === "circle"
      ? { x: Number(el.getAttribute("cx") ?? 0), y: Number(el.getAttribute("cy") ?? 0) }
      : { x: 0, y: 0 };
  return {
    centre: apply(matrix, local),
    radius: Math.max(box.x1 - box.x0, box.y1 - box.y0) / 2,
  };
}

/** A shape element's outline in its own coordinates (no transform applied). */
export function shapeOutline(el: Element, fontSize: number, viewport: Viewport): Pt[][] {
  const tag = el.tagName.toLowerCase();
  const n = (name: string, reference = 0) => length(el.getAttribute(name), fontSize, reference) ?? 0;
  const { width: vw, height: vh } = viewport;
  if (tag === "rect" || tag === "image" || tag === "use") {
    const x = n("x", vw);
    const y = n("y", vh);
    const w = n("width", vw);
    const h = n("height", vh);
    if (tag === "use" && w === 0) return [];
    return [
      [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h },
        { x, y: y + h },
        { x, y },
      ],
    ];
  }
  if (tag === "circle" || tag === "ellipse") {
    const cx = n("cx", vw);
    const cy = n("cy", vh);
    const rx = tag === "circle" ? n("r") : n("rx", vw);
    const ry = tag === "circle" ? n("r") : n("ry", vh);
    return [
      Array.from({ length: 17 }, (_, i) => ({
        x: cx + rx * Math.cos((i * Math.PI) / 8),
        y: cy + ry * Math.sin((i * Math.PI) / 8),
      })),
    ];
  }
  if (tag === "line")
    return [
      [
        { x: n("x1", vw), y: n("y1", vh) },
        { x: n("x2", vw), y: n("y2", vh) },
      ],
    ];
  if (tag === "polyline" || tag === "polygon") {
    const v = (el.getAttribute("points") ?? "")
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    const pts: Pt[] = [];
    for (let i = 0; i + 1 < v.length; i += 2) pts.push({ x: v[i], y: v[i + 1] });
    if (tag === "polygon" && pts.length > 0) pts.push(pts[0]);
    return pts.length > 0 ? [pts] : [];
  }
  if (tag === "path") {
    const d = el.getAttribute("d");
    return d ? pathPolylines(d) : [];
  }
  return [];
}
