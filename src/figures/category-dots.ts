/**
 * Values per named category (e.g. one network configuration per category), one colour and symbol
 * per measured quantity, in one or more panels that share the categories: e.g. the loss at a
 * constructed minimum against the best loss found, on a log axis that spans 25 decades.
 * The quantities of one category sit side by side a few pixels apart (they are often equal, and
 * one symbol would hide the other), and the y axis is inset so no symbol sits on the frame.
 */
import * as Plot from "@observablehq/plot";
import { textWidth } from "./check/text-extent.js";
import type { Axis, Figure } from "./figure.js";
import { categoricalColour, REFERENCE_COLOUR } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { composeFigure, type LegendEntry } from "./svg.js";

/** The legend can draw these two, so a series' symbol always matches its legend entry. */
export type DotSymbol = "circle" | "square";

export interface CategoryValue {
  readonly category: string;
  readonly y: number;
}

export interface CategorySeries {
  readonly label: string;
  /** Any number of values per category (e.g. one per restart). */
  readonly values: readonly CategoryValue[];
  readonly symbol?: DotSymbol;
}

export interface CategoryPanel {
  readonly y: Axis;
  readonly series: readonly CategorySeries[];
  readonly references?: readonly { readonly y: number; readonly label: string }[];
}

export interface CategoryDotsSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  /** Category names in drawing order. */
  readonly categories: readonly string[];
  readonly xLabel: string;
  /** Every panel has the same series, in the same order (one legend, one colour each). */
  readonly panels: readonly CategoryPanel[];
  readonly columns?: number;
}

const SYMBOLS: readonly DotSymbol[] = ["circle", "square"];
/** Pixels between the symbols of neighbouring series in one category: a symbol's width and a gap. */
const DODGE_PX = 9;
const Y_INSET_PX = 8;
const ROTATE_DEG = 50;
const FONT_PX = 11;

/** Room below the frame for the category names, rotated, and the axis label under them. */
function bottomRoom(categories: readonly string[]): number {
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, FONT_PX)));
  const r = (ROTATE_DEG * Math.PI) / 180;
  return Math.ceil(9 + widest * Math.sin(r) + FONT_PX * Math.cos(r) + FONT_PX + 10);
}

export function categoryDots(spec: CategoryDotsSpec): Figure {
  const bottom = bottomRoom(spec.categories);
  const width = Math.max(560, 22 * spec.categories.length + 110);
  const panels = spec.panels.map((panel) => {
    const marks: Plot.Markish[] = [];
    const n = panel.series.length;
    panel.series.forEach((s, i) => {
      // a log axis cannot show 0 or negative values; the tables show them
      const pts = panel.y.log ? s.values.filter((v) => v.y > 0) : s.values;
      marks.push(
        Plot.dot(pts, {
          x: "category",
          y: "y",
          dx: (i - (n - 1) / 2) * DODGE_PX,
          fill: categoricalColour(i),
          symbol: s.symbol ?? SYMBOLS[i % SYMBOLS.length],
          r: 3.5,
        }),
      );
    });
    for (const r of panel.references ?? []) {
      marks.push(Plot.ruleY([r.y], { stroke: REFERENCE_COLOUR, strokeDasharray: "6,3" }));
      marks.push(
        Plot.text([r], {
          y: "y",
          frameAnchor: "left",
          text: "label",
          dx: 4,
          dy: -6,
          fill: REFERENCE_COLOUR,
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        }),
      );
    }
    marks.push(Plot.frame({ stroke: "#999" }));
    return plotPanel(
      {
        marginLeft: 64,
        marginBottom: bottom,
        marginRight: 16,
        x: {
          type: "point",
          domain: [...spec.categories],
          label: spec.xLabel,
          tickRotate: -ROTATE_DEG,
          padding: 0.6,
          // below the rotated category names
          labelOffset: bottom - 4,
          labelAnchor: "center",
        },
        y: {
          ...scaleOptions(panel.y, [
            ...panel.series.flatMap((s) => s.values.map((v) => v.y)),
            ...(panel.references ?? []).map((r) => r.y),
          ]),
          inset: Y_INSET_PX,
        },
        marks,
      },
      width,
      300 + bottom,
    );
  });
  const legend: LegendEntry[] = (spec.panels[0]?.series ?? []).map((s, i) => ({
    label: s.label,
    colour: categoricalColour(i),
    shape: (s.symbol ?? SYMBOLS[i % SYMBOLS.length]) === "square" ? ("square" as const) : ("dot" as const),
  }));
  const svg = composeFigure({
    name: spec.name,
    title: spec.title,
    panels,
    columns: spec.columns ?? 1,
    legend,
  });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
