/**
 * Plane geometry for the figure check: SVG transforms as 2-D affine matrices, axis-aligned boxes,
 * and the separating-axis test for convex quadrilaterals (rotated text boxes).
 */

export interface Pt {
  readonly x: number;
  readonly y: number;
}

/** An SVG transform matrix(a b c d e f): x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The transform that applies `inner` first, then `outer`. */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [A, B, C, D, E, F] = inner;
  return [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f];
}

export function apply(m: Matrix, p: Pt): Pt {
  return { x: m[0] * p.x + m[2] * p.y + m[4], y: m[1] * p.x + m[3] * p.y + m[5] };
}

/** How much the transform scales lengths (the geometric mean of its axis scales). */
export function lengthScale(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];

function rotate(degrees: number, cx = 0, cy = 0): Matrix {
  const r = (degrees * Math.PI) / 180;
  const m: Matrix = [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0];
  return compose(translate(cx, cy), compose(m, translate(-cx, -cy)));
}

/** Parses an SVG transform list ("translate(60,290) rotate(-30)"); unknown functions throw. */
export function parseTransform(text: string | null): Matrix {
  let m = IDENTITY;
  if (!text) return m;
  for (const [, name, args] of text.matchAll(/([a-zA-Z]+)\s*\(([^)]*)\)/g)) {
    const v = args
      .trim()
      .split(/[\s,]+/)
      .filter((s) => s !== "")
      .map(Number);
    let step: Matrix;
    if (name === "translate") step = translate(v[0] ?? 0, v[1] ?? 0);
    else if (name === "rotate") step = rotate(v[0] ?? 0, v[1], v[2]);
    else if (name === "scale") step = [v[0], 0, 0, v[1] ?? v[0], 0, 0];
    else if (name === "matrix") step = [v[0], v[1], v[2], v[3], v[4], v[5]];
    else if (name === "skewX") step = [1, 0, Math.tan((v[0] * Math.PI) / 180), 1, 0, 0];
    else if (name === "skewY") step = [1, Math.tan((v[0] * Math.PI) / 180), 0, 1, 0, 0];
    else throw new Error(`unknown SVG transform ${name}`);
    m = compose(m, step);
  }
  return m;
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export function boxOf(points: readonly Pt[]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  return { x0, y0, x1, y1 };
}

export function grow(b: Box, by: number): Box {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by };
}

/** The part of `b` inside `clip`, or undefined when nothing is left. */
export function intersect(b: Box, clip: Box): Box | undefined {
  const out = {
    x0: Math.max(b.x0, clip.x0),
    y0: Math.max(b.y0, clip.y0),
    x1: Math.min(b.x1, clip.x1),
    y1: Math.min(b.y1, clip.y1),
  };
  return out.x0 <= out.x1 && out.y0 <= out.y1 ? out : undefined;
}

/** Whether `inner` lies in `outer` up to `slack` pixels. */
export function contains(outer: Box, inner: Box, slack = 0): boolean {
  return (
    inner.x0 >= outer.x0 - slack &&
    inner.y0 >= outer.y0 - slack &&
    inner.x1 <= outer.x1 + slack &&
    inner.y1 <= outer.y1 + slack
  );
}

export function containsPoint(b: Box, p: Pt, slack = 0): boolean {
  return p.x >= b.x0 - slack && p.x <= b.x1 + slack && p.y >= b.y0 - slack && p.y <= b.y1 + slack;
}

export function boxCorners(b: Box): Pt[] {
  return [
    { x: b.x0, y: b.y0 },
    { x: b.x1, y: b.y0 },
    { x: b.x1, y: b.y1 },
    { x: b.x0, y: b.y1 },
  ];
}

function projection(points: readonly Pt[], axis: Pt): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    const v = p.x * axis.x + p.y * axis.y;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function edgeNormals(poly: readonly Pt[]): Pt[] {
  const normals: Pt[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len > 0) normals.push({ x: -(b.y - a.y) / len, y: (b.x - a.x) / len });
  }
  return normals;
}

/**
 * How deep two convex polygons overlap: the smallest overlap of their projections over every
 * edge normal (separating-axis theorem), 0 or less when they are apart. A segment is a polygon of
 * two points.
 */
export function overlapDepth(p: readonly Pt[], q: readonly Pt[]): number {
  let depth = Number.POSITIVE_INFINITY;
  for (const axis of [...edgeNormals(p), ...edgeNormals(q)]) {
    const [a0, a1] = projection(p, axis);
    const [b0, b1] = projection(q, axis);
    depth = Math.min(depth, Math.min(a1, b1) - Math.max(a0, b0));
    if (depth < 0) return depth;
  }
  return depth;
}
