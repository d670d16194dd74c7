/**
 * The figure check's colour rules: every colour that encodes data has a legend, and data colours
 * stand out from what they are drawn on.
 */
import { contrastRatio, isChromatic, normaliseColour } from "./colour.js";
import type { Box } from "./geometry.js";
import type { Layout } from "./layout.js";
import { type ExternalLegend, type FigureProblem, NOT_DATA } from "./problem.js";

/** A mark group drawing at least this many colours encodes a number by colour. */
const CONTINUOUS_COLOURS = 6;

/** The most tick labels (texts with a digit) beside any colour ramp of the figure (a gradient of ≥ 3 stops outside the panels). */
function rampTicks(layout: Layout): number {
  let best = 0;
  const ramps: Box[] = layout.shapes
    .filter((s) => s.panel === -1 && (s.gradientStops ?? 0) >= 3)
    .map((s) => s.box);
  for (const ramp of ramps) {
    const ticks = layout.texts.filter(
      (t) =>
        t.box.x1 >= ramp.x0 - 12 &&
        t.box.x0 <= ramp.x1 + 12 &&
        t.box.y0 < ramp.y1 + 24 &&
        t.box.y1 > ramp.y0 - 24 &&
        /\d/.test(t.text),
    );
    best = Math.max(best, ticks.length);
  }
  return best;
}

/**
 * Every colour of a data mark appears in a legend (a swatch outside the panels, a legend beside
 * the figure, or a label in that colour), or a ramp with three ticks covers a mark of many colours.
 */
export function colourLegend(layout: Layout, external: ExternalLegend): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const legendColours = new Set<string>((external.colours ?? []).map(normaliseColour));
  for (const s of layout.shapes) {
    if (s.panel !== -1) continue;
    legendColours.add(s.fill);
    legendColours.add(s.stroke);
  }
  const byMark = new Map<string, { label: string; colours: Set<string> }>();
  for (const s of layout.shapes) {
    if (s.panel === -1 || s.mark === undefined || NOT_DATA.test(s.mark) || s.mark === "text") continue;
    const key = `${s.panel}/${s.mark}`;
    const entry = byMark.get(key) ?? { label: `panel ${s.panel + 1}: ${s.mark}`, colours: new Set<string>() };
    for (const c of [s.fill, s.stroke]) if (isChromatic(c)) entry.colours.add(c);
    byMark.set(key, entry);
  }
  const all = new Set([...byMark.values()].flatMap((m) => [...m.colours]));
  const swatched = [...all].some((c) => legendColours.has(c));
  // a label in a mark's colour names that mark where it is drawn (a direct label)
  for (const t of layout.texts)
    if (t.panel >= 0 && t.mark === "text" && isChromatic(t.fill)) legendColours.add(t.fill);
  const ramp = Math.max(rampTicks(layout), external.rampTicks ?? 0);
  // without a legend of swatches, one colour left unnamed encodes nothing: the axis titles say
  // what it draws (a figure with a legend must name every colour in it)
  const unnamed = [...all].filter((c) => !legendColours.has(c));
  const continuous = [...byMark.values()].some((m) => m.colours.size >= CONTINUOUS_COLOURS);
  if (!swatched && unnamed.length <= 1 && !continuous) return problems;
  const missing = new Set<string>();
  for (const { label, colours } of byMark.values()) {
    const left = [...colours].filter((c) => !legendColours.has(c));
    // colours read off a ramp cannot be matched one by one: a ramp with ticks is taken to cover them
    if (left.length === 0 || ramp >= 3) continue;
    if (colours.size >= CONTINUOUS_COLOURS) {
      problems.push({
        rule: "colour-legend",
        message: `${label} encodes a number in ${colours.size} colours but the figure has no colour ramp with 3 labelled ticks`,
      });
      continue;
    }
    for (const c of left) missing.add(`${c} (${label})`);
  }
  for (const m of missing)
    problems.push({ rule: "colour-legend", message: `colour ${m} appears in no legend` });
  return problems;
}

const ON_WHITE = 1.4;
const AGAINST_OUTLINE = 3;
/** Marks that paint a field of colours (a line over them needs an outline). */
const FIELDS = new Set(["contour", "raster", "cell", "rect", "density"]);

/** Data colours on white of contrast ≥ 1.4; lines over a colour field with an outline of contrast ≥ 3. */
export function lowContrast(layout: Layout): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const seen = new Set<string>();
  const withField = new Set(layout.shapes.filter((s) => s.mark && FIELDS.has(s.mark)).map((s) => s.panel));
  layout.shapes.forEach((s, i) => {
    if (s.panel < 0 || s.mark === undefined || NOT_DATA.test(s.mark)) return;
    const colour = s.mark === "line" || s.fill === "none" ? s.stroke : s.fill;
    if (!isChromatic(colour)) return;
    if (!withField.has(s.panel)) {
      const key = `${s.panel}/${colour}/white`;
      if (contrastRatio(colour, "#ffffff") < ON_WHITE && !seen.has(key)) {
        seen.add(key);
        problems.push({
          rule: "low-contrast",
          message: `panel ${s.panel + 1}: ${s.mark} in ${colour} on white (contrast ${contrastRatio(colour, "#ffffff").toFixed(2)} < ${ON_WHITE})`,
        });
      }
      return;
    }
    if (s.mark !== "line") return;
    // the outline is drawn just before the line, along the same path and wider
    const outline = layout.shapes
      .slice(Math.max(0, i - 3), i)
      .find(
        (o) =>
          o.panel === s.panel &&
          o.strokeWidth >= s.strokeWidth + 1 &&
          Math.abs(o.box.x0 - s.box.x0) <= o.strokeWidth &&
          Math.abs(o.box.y1 - s.box.y1) <= o.strokeWidth &&
          contrastRatio(o.stroke, colour) >= AGAINST_OUTLINE,
      );
    const key = `${s.panel}/${colour}/field`;
    if (!outline && !seen.has(key)) {
      seen.add(key);
      problems.push({
        rule: "low-contrast",
        message: `panel ${s.panel + 1}: a line in ${colour} over a colour field has no outline of contrast ≥ ${AGAINST_OUTLINE}`,
      });
    }
  });
  return problems;
}
