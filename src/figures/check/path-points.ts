/**
 * An SVG path's outline as polylines in its own coordinates: straight commands give their end
 * points, curves their control points (the curve lies in their hull, so a box around them is an
 * upper bound), arcs 16 points along the arc.
 */
import type { Pt } from "./geometry.js";

const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/** Points along the arc from p0 to p1 (SVG's endpoint form, converted to centre form). */
function arcPoints(p0: Pt, a: readonly number[], p1: Pt): Pt[] {
  let [rx, ry] = [Math.abs(a[0]), Math.abs(a[1])];
  const [phiDeg, largeArc, sweep] = [a[2], a[3], a[4]];
  if (rx === 0 || ry === 0) return [p1];
  const phi = (phiDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  const dx = (p0.x - p1.x) / 2;
  const dy = (p0.y - p1.y) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const k = (largeArc !== sweep ? 1 : -1) * Math.sqrt(Math.max(0, num / den));
  const cx1 = (k * rx * y1) / ry;
  const cy1 = (-k * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (p0.x + p1.x) / 2;
  const cy = sin * cx1 + cos * cy1 + (p0.y + p1.y) / 2;
  const angle = (ux: number, uy: number) => Math.atan2(uy, ux);
  const t0 = angle((x1 - cx1) / rx, (y1 - cy1) / ry);
  let dt = angle((-x1 - cx1) / rx, (-y1 - cy1) / ry) - t0;
  if (sweep && dt < 0) dt += 2 * Math.PI;
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  const out: Pt[] = [];
  for (let i = 1; i <= 16; i++) {
    const t = t0 + (dt * i) / 16;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    out.push({ x: cos * ex - sin * ey + cx, y: sin * ex + cos * ey + cy });
  }
  return out;
}

/** The path's subpaths as polylines (a closed subpath repeats its first point at the end). */
export function pathPolylines(d: string): Pt[][] {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const lines: Pt[][] = [];
  let line: Pt[] = [];
  let cur: Pt = { x: 0, y: 0 };
  let start: Pt = cur;
  let command = "";
  let i = 0;
  const flush = () => {
    if (line.length > 0) lines.push(line);
    line = [];
  };
  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i])) command = tokens[i++];
    const upper = command.toUpperCase();
    const n = ARITY[upper];
    if (n === undefined) throw new Error(`unknown path command ${command} in ${d.slice(0, 40)}`);
    const relative = command !== upper;
    if (upper === "Z") {
      line.push(start);
      cur = start;
      flush();
      command = "";
      continue;
    }
    const a = tokens.slice(i, i + n).map(Number);
    if (a.length < n || a.some((v) => !Number.isFinite(v)))
      throw new Error(`bad path data: ${d.slice(0, 40)}`);
    i += n;
    const ox = relative ? cur.x : 0;
    const oy = relative ? cur.y : 0;
    if (upper === "M") {
      flush();
      cur = { x: ox + a[0], y: oy + a[1] };
      start = cur;
      line.push(cur);
      // further pairs after a moveto are linetos
      command = relative ? "l" : "L";
      continue;
    }
    if (line.length === 0) line.push(cur);
    if (upper === "H") cur = { x: ox + a[0], y: cur.y };
    else if (upper === "V") cur = { x: cur.x, y: oy + a[0] };
    else if (upper === "A") {
      const end = { x: ox + a[5], y: oy + a[6] };
      line.push(...arcPoints(cur, a, end));
      cur = end;
      continue;
    } else {
      for (let j = 0; j + 2 < n; j += 2) line.push({ x: ox + a[j], y: oy + a[j + 1] });
      cur = { x: ox + a[n - 2], y: oy + a[n - 1] };
    }
    line.push(cur);
  }
  flush();
  return lines;
}
