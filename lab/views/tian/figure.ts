/**
 * The Tian figure: src/figures' vector-field marks (as in the report: arrows, the diagonal guide,
 * trajectories, the saddle and the optimum), drawn in the page so a click can be mapped back to
 * (x, y). The start dots are a lab decoration.
 */
import { trajectoryColour } from "../../../src/figures/landscape-slice.js";
import { FIELD_INSET, vectorPanelMarks } from "../../../src/figures/vector-field.js";
import { TIAN_X_DOMAIN, TIAN_Y_DOMAIN, type TianPicture } from "../../compute/tian.js";
import { Plot, plotMargins, plotScales, plotSvg } from "../../figures.js";
import { fmt } from "../../ui.js";

/** The figure at `width` px (the plane's aspect kept near 1). */
export function tianFigure(picture: TianPicture, width: number): SVGSVGElement {
  const WIDTH = width;
  const HEIGHT = Math.round(Math.min(720, Math.max(320, width * 0.8)));
  // the plot's margins (the arrows' angles are computed on screen, so they need them)
  const m = plotMargins();
  const MARGINS = { top: m.marginTop, right: m.marginRight, bottom: m.marginBottom, left: m.marginLeft };
  const s = picture.saddle;
  const marks = vectorPanelMarks(
    {
      name: "lab-tian",
      title: "",
      caption: "",
      x: { label: "x (weight on one's own teacher vector)", domain: TIAN_X_DOMAIN },
      y: { label: "y (weight on each other teacher vector)", domain: TIAN_Y_DOMAIN },
      arrows: picture.field,
      guides: [
        {
          label: "y = x",
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
      ],
      trajectories: picture.runs.map((run, i) => ({
        label: `run ${i}`,
        points: run.points.map(([x, y]) => ({ x, y })),
      })),
      points: [
        { x: s, y: s, label: `saddle (x*_K, x*_K), x*_K = ${fmt(s, 4)}`, symbol: "triangle" },
        { x: 1, y: 0, label: "optimum (1, 0)", symbol: "star", labelLeft: true },
      ],
    },
    WIDTH,
    HEIGHT,
    MARGINS,
  );
  const starts = picture.runs.map((r, i) => ({ x: r.start[0], y: r.start[1], colour: trajectoryColour(i) }));
  return plotSvg({
    width: WIDTH,
    height: HEIGHT,
    // grid points at the domain's edge a half arrow inside the frame
    x: { label: "x (weight on one's own teacher vector)", domain: [...TIAN_X_DOMAIN], inset: FIELD_INSET },
    y: { label: "y (weight on each other teacher vector)", domain: [...TIAN_Y_DOMAIN], inset: FIELD_INSET },
    length: { type: "identity" },
    symbol: { type: "identity" },
    marks: [
      ...marks,
      Plot.dot(starts, { x: "x", y: "y", r: 5, fill: "white", stroke: "colour", strokeWidth: 2 }),
    ],
  });
}

/** The plane's (x, y) under a click at (clientX, clientY), or undefined outside the plotted domain. */
export function pointAt(
  figure: SVGSVGElement,
  clientX: number,
  clientY: number,
): [number, number] | undefined {
  const box = figure.getBoundingClientRect();
  const scale = figure.viewBox.baseVal.width / box.width || 1;
  const px = (clientX - box.left) * scale;
  const py = (clientY - box.top) * scale;
  const map = plotScales(figure);
  const [x0, x1] = TIAN_X_DOMAIN;
  const [y0, y1] = TIAN_Y_DOMAIN;
  const x = x0 + ((px - map.x(x0)) / (map.x(x1) - map.x(x0))) * (x1 - x0);
  const y = y0 + ((py - map.y(y0)) / (map.y(y1) - map.y(y0))) * (y1 - y0);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 ? [x, y] : undefined;
}
