/**
 * The figure check: rules a figure must pass to show its data, read off the SVG alone
 * (layout.ts) so it applies to every figure the report or the lab draws, whoever drew it.
 *
 * - no two pieces of text overlap or touch (boxes from font size and characters, rotation included);
 * - all text and marks lie inside the figure's viewBox, and inside a clipping panel's viewport;
 * - a panel's data marks lie inside its frame (a dot's centre, any other mark whole), and no
 *   interval or arrow ends on the frame (cut off or not? one cannot tell);
 * - every axis has at least three labelled ticks;
 * - every colour that encodes data has a legend: a continuous legend (a ramp with at least three
 *   labelled ticks) where a mark uses many colours, a legend swatch or a label in that colour for
 *   every other colour (without a swatch legend, one colour may go unnamed: the axes say what it is);
 * - no dot is hidden under a dot of another series, and no line or other marker is drawn across a
 *   label;
 * - colours stand out from their background: a data colour on white has a contrast ratio of at
 *   least 1.4 (yellow on white fails), a line over a colour field has an outline (a wider line
 *   under it) of contrast at least 3 with it, so it reads on every colour of the field.
 */
import { isChromatic } from "./colour.js";
import { colourLegend, lowContrast } from "./colour-rules.js";
import { boxCorners, contains, containsPoint, overlapDepth, type Pt } from "./geometry.js";
import { type DrawnShape, type DrawnText, type Layout, layoutSvg } from "./layout.js";
import { type ExternalLegend, type FigureProblem, NOT_DATA, OVERLAP_SLACK, short, where } from "./problem.js";

export { contrastRatio } from "./colour.js";
export type { ExternalLegend, FigureProblem, FigureRule } from "./problem.js";

/** Texts closer than this (pixels) run into each other. */
const TEXT_CLEARANCE = 0.5;
const AXIS_LABEL = /^(f?[xy])-axis tick label$/;
const AXIS_TICK = /^(f?[xy])-axis tick$/;
/** Plot marks that draw lines (a label may not be crossed by one). */
const LINE_MARKS = new Set(["line", "rule", "tick", "link", "ruleX", "ruleY"]);

/** The shrunk box of a text, so touching boxes do not count as overlapping. */
function shrink(corners: readonly Pt[], by: number): Pt[] {
  const cx = corners.reduce((s, p) => s + p.x, 0) / corners.length;
  const cy = corners.reduce((s, p) => s + p.y, 0) / corners.length;
  return corners.map((p) => {
    const dx = p.x - cx;
    const dy = p.y - cy;
    const len = Math.hypot(dx, dy) || 1;
    const f = Math.max(0, (len - by) / len);
    return { x: cx + dx * f, y: cy + dy * f };
  });
}

function textOverlaps(texts: readonly DrawnText[]): FigureProblem[] {
  const problems: FigureProblem[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      if (a.box.x1 < b.box.x0 || b.box.x1 < a.box.x0 || a.box.y1 < b.box.y0 || b.box.y1 < a.box.y0) continue;
      if (a.element === b.element) continue;
      if (overlapDepth(a.corners, b.corners) > -TEXT_CLEARANCE)
        problems.push({
          rule: "text-overlap",
          message: `"${short(a.text)}" overlaps "${short(b.text)}" at ${where(a.box)}`,
        });
    }
  }
  return problems;
}

function outsideFigure(layout: Layout): FigureProblem[] {
  const problems: FigureProblem[] = [];
  for (const t of layout.texts) {
    const panel = layout.panels[t.panel];
    if (!contains(layout.viewBox, t.box, OVERLAP_SLACK))
      problems.push({
        rule: "outside-figure",
        message: `text "${short(t.text)}" at ${where(t.box)} leaves the figure`,
      });
    else if (panel?.clips && !contains(panel.box, t.box, OVERLAP_SLACK))
      problems.push({
        rule: "outside-figure",
        message: `text "${short(t.text)}" at ${where(t.box)} is clipped by its panel`,
      });
  }
  for (const s of layout.shapes) {
    if (s.box.x1 - s.box.x0 >= layout.viewBox.x1 - layout.viewBox.x0 && s.mark === undefined) continue;
    const panel = layout.panels[s.panel];
    const mark = s.mark ?? s.tag;
    if (!contains(layout.viewBox, s.box, OVERLAP_SLACK))
      problems.push({ rule: "outside-figure", message: `${mark} at ${where(s.box)} leaves the figure` });
    else if (panel?.clips && s.mark !== undefined && !contains(panel.box, s.box, OVERLAP_SLACK))
      problems.push({
        rule: "outside-figure",
        message: `${mark} at ${where(s.box)} is clipped by its panel`,
      });
  }
  return problems;
}

/**
 * Marks whose ends carry data (an interval's bounds, an arrow's tip): they may not end on the
 * frame. Curves may: a trajectory reaching the edge of the parameter range is drawn to the edge.
 */
const ENDS_CHECKED = new Set(["rule", "tick", "vector", "link", "arrow"]);

/**
 * Data marks inside their panel's frame: a dot's centre, any other mark whole; and no interval or
 * arrow ending on the frame, where one cannot tell whether it stops there or is cut off (a rule
 * that spans the frame from edge to edge, such as a reference line, may meet the edges it spans).
 */
function outsideFrame(layout: Layout): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const counted = new Set<string>();
  const report = (s: DrawnShape, what: string) => {
    const key = `${s.panel}/${s.mark}/${what}`;
    if (counted.has(key)) return;
    counted.add(key);
    problems.push({
      rule: "outside-frame",
      message: `panel ${s.panel + 1}: ${s.mark} at ${where(s.box)} ${what}`,
    });
  };
  for (const s of layout.shapes) {
    const frame = layout.panels[s.panel]?.frame;
    if (!frame || s.mark === undefined || NOT_DATA.test(s.mark)) continue;
    if (s.centre) {
      if (!containsPoint(frame, s.centre, OVERLAP_SLACK)) report(s, `lies outside the frame ${where(frame)}`);
      continue;
    }
    if (!contains(frame, s.box, s.strokeWidth / 2 + OVERLAP_SLACK)) {
      report(s, `lies outside the frame ${where(frame)}`);
      continue;
    }
    if (!ENDS_CHECKED.has(s.mark)) continue;
    // the frame's line is half a pixel inside its box; the mark's geometry half its stroke inside its box
    const h = s.strokeWidth / 2;
    const [fx0, fy0, fx1, fy1] = [frame.x0 + 0.5, frame.y0 + 0.5, frame.x1 - 0.5, frame.y1 - 0.5];
    const [x0, y0, x1, y1] = [s.box.x0 + h, s.box.y0 + h, s.box.x1 - h, s.box.y1 - h];
    const spansX = x0 <= fx0 + 1 && x1 >= fx1 - 1;
    const spansY = y0 <= fy0 + 1 && y1 >= fy1 - 1;
    if (!spansY && (y0 <= fy0 + 1 || y1 >= fy1 - 1)) report(s, "ends on the top or bottom of the frame");
    else if (!spansX && (x0 <= fx0 + 1 || x1 >= fx1 - 1)) report(s, "ends on the left or right of the frame");
  }
  return problems;
}

/** A tick label that is a number: "0.25", "−3", "1,000", "10⁻³", "2·10⁻⁵". */
const NUMBER = /^[−+-]?(\d[\d.,]*(·10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)%?$/;

/**
 * At least three labelled ticks on every axis. An axis of named categories (any label not a
 * number) passes when every category is named, however few there are.
 */
function axisTicks(layout: Layout): FigureProblem[] {
  const labels = new Map<string, string[]>();
  const ticks = new Map<string, number>();
  for (const t of layout.texts) {
    const m = t.mark === undefined ? null : AXIS_LABEL.exec(t.mark);
    if (m) labels.set(`${t.panel}/${m[1]}`, [...(labels.get(`${t.panel}/${m[1]}`) ?? []), t.text]);
  }
  // an axis whose ticks are all unlabelled has tick marks but no label texts
  for (const s of layout.shapes) {
    const m = s.mark === undefined ? null : AXIS_TICK.exec(s.mark);
    if (!m) continue;
    const key = `${s.panel}/${m[1]}`;
    ticks.set(key, (ticks.get(key) ?? 0) + 1);
    if (!labels.has(key)) labels.set(key, []);
  }
  const problems: FigureProblem[] = [];
  for (const [key, texts] of labels) {
    const count = texts.length;
    if (count >= 3) continue;
    const categorical = texts.some((t) => !NUMBER.test(t));
    if (categorical && count > 0 && count >= (ticks.get(key) ?? 0)) continue;
    const [panel, axis] = key.split("/");
    problems.push({
      rule: "axis-ticks",
      message: `panel ${Number(panel) + 1}: the ${axis} axis has ${count} labelled tick${count === 1 ? "" : "s"} (3 needed)`,
    });
  }
  return problems;
}

function coveredBy(a: DrawnShape, b: DrawnShape): boolean {
  // markers of annotations (white with a black outline) may sit on the data they mark
  if (!b.centre || b.radius === undefined || !isChromatic(b.fill) || b.fillOpacity < 0.9) return false;
  const c = b.centre;
  const r = b.radius + 0.5;
  if (a.centre && a.radius !== undefined)
    return Math.hypot(a.centre.x - c.x, a.centre.y - c.y) + a.radius <= r;
  return boxCorners(a.box).every((p) => Math.hypot(p.x - c.x, p.y - c.y) <= r);
}

/** Dots and intervals of one series entirely covered by a later dot of another. */
function hiddenMarks(layout: Layout): FigureProblem[] {
  const dots = layout.shapes.filter((s) => s.centre);
  const candidates = layout.shapes.filter((s) => s.centre || s.mark === "rule" || s.mark === "tick");
  const problems: FigureProblem[] = [];
  const counted = new Map<string, number>();
  for (const a of candidates) {
    const cover = dots.find(
      (b) =>
        b.order > a.order &&
        b.panel === a.panel &&
        b.fill !== (a.centre ? a.fill : a.stroke) &&
        coveredBy(a, b),
    );
    if (cover) {
      const key = `panel ${a.panel + 1}: ${a.mark} of colour ${a.centre ? a.fill : a.stroke} under dots of ${cover.fill}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of counted)
    problems.push({ rule: "hidden-mark", message: `${key} (${n} entirely covered)` });
  return problems;
}

/**
 * Labels in a panel (Plot text marks) with a line drawn across them (after them, or under them
 * without a white outline to mask it), or with another point marker under them; tick labels with
 * a marker over them.
 */
function overprintedLabels(layout: Layout): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const labels = layout.texts.filter((t) => t.panel >= 0 && t.mark === "text");
  const near = (s: DrawnShape, t: DrawnText) =>
    s.panel === t.panel &&
    s.box.x1 >= t.box.x0 &&
    s.box.x0 <= t.box.x1 &&
    s.box.y1 >= t.box.y0 &&
    s.box.y0 <= t.box.y1;
  for (const t of layout.texts) {
    if (t.panel < 0 || t.mark === undefined || !AXIS_LABEL.test(t.mark)) continue;
    const marker = layout.shapes.find(
      (s) => s.centre && near(s, t) && overlapDepth(boxCorners(s.box), t.corners) > OVERLAP_SLACK,
    );
    if (marker)
      problems.push({
        rule: "label-overprinted",
        message: `panel ${t.panel + 1}: a marker at ${where(marker.box)} covers the tick label "${short(t.text)}"`,
      });
  }
  for (const t of labels) {
    const box = shrink(t.corners, 1);
    const line = layout.shapes.find(
      (s) =>
        s.mark !== undefined &&
        LINE_MARKS.has(s.mark) &&
        (s.order > t.order || !t.halo) &&
        near(s, t) &&
        s.polylines.some((l) => l.some((p, k) => k > 0 && overlapDepth([l[k - 1], p], box) >= 0)),
    );
    if (line) {
      problems.push({
        rule: "label-overprinted",
        message: `panel ${t.panel + 1}: a ${line.mark} is drawn across the label "${short(t.text)}"`,
      });
      continue;
    }
    // a point marker (white or black, not a data colour) under another point's label
    const dot = layout.shapes.find(
      (s) =>
        s.centre &&
        s.fill !== "none" &&
        !isChromatic(s.fill) &&
        !isChromatic(s.stroke) &&
        near(s, t) &&
        overlapDepth([s.centre, s.centre], box) >= 0,
    );
    if (dot)
      problems.push({
        rule: "label-overprinted",
        message: `panel ${t.panel + 1}: a marker lies under the label "${short(t.text)}"`,
      });
  }
  return problems;
}

/** Every problem of one figure; an empty list means it passes. */
export function checkFigure(svg: string, external: ExternalLegend = {}): FigureProblem[] {
  const layout = layoutSvg(svg);
  return [
    ...textOverlaps(layout.texts),
    ...outsideFigure(layout),
    ...outsideFrame(layout),
    ...axisTicks(layout),
    ...colourLegend(layout, external),
    ...hiddenMarks(layout),
    ...overprintedLabels(layout),
    ...lowContrast(layout),
  ];
}
