/**
 * Bars with confidence intervals, one per category (e.g. success rate per noise level and K),
 * optionally with a theory value per bar drawn as a short black tick.
 */
import * as Plot from "@observablehq/plot";
import { textWidth } from "./check/text-extent.js";
import type { Axis, Figure } from "./figure.js";
import { categoricalColour } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { composeFigure, type LegendEntry } from "./svg.js";

export interface Bar {
  readonly category: string;
  /** Index of the colour group (e.g. K); bars of one group share a colour. */
  readonly group: number;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly theory?: number;
}

export interface BarChartSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly xLabel: string;
  readonly y: Axis;
  readonly bars: readonly Bar[];
  readonly groupLabels: readonly string[];
  readonly theoryLabel?: string;
}

const ROTATE_DEG = 30;
const FONT_PX = 11;

/**
 * The bottom margin and the axis label's offset for category names rotated by ROTATE_DEG: the
 * label goes below the lowest point of the longest name, so the two never meet.
 */
function bottomRoom(categories: readonly string[]): { margin: number; labelOffset: number } {
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, FONT_PX)));
  const r = (ROTATE_DEG * Math.PI) / 180;
  const drop = 9 + widest * Math.sin(r) + FONT_PX * Math.cos(r);
  const labelOffset = Math.ceil(drop + FONT_PX + 4);
  return { margin: labelOffset + 8, labelOffset };
}

export function barChart(spec: BarChartSpec): Figure {
  const bars = spec.bars.map((b) => ({ ...b, colour: categoricalColour(b.group) }));
  const withCi = bars.filter((b) => b.low !== undefined && b.high !== undefined);
  const withTheory = bars.filter((b) => b.theory !== undefined);
  const order = bars.map((b) => b.category);
  const marks: Plot.Markish[] = [
    Plot.barY(bars, { x: "category", y: "value", fill: "colour" }),
    Plot.ruleX(withCi, { x: "category", y1: "low", y2: "high", stroke: "black", strokeWidth: 1.5 }),
    Plot.tickY(withTheory, { x: "category", y: "theory", stroke: "black", strokeWidth: 2.5 }),
    Plot.ruleY([0]),
  ];
  const room = bottomRoom(order);
  const panel = plotPanel(
    {
      marginLeft: 60,
      marginBottom: room.margin,
      x: {
        label: spec.xLabel,
        domain: order,
        tickRotate: -ROTATE_DEG,
        labelOffset: room.labelOffset,
        labelAnchor: "center",
        labelArrow: "none",
      },
      y: scaleOptions(
        spec.y,
        bars.flatMap((b) => [b.value, b.low ?? b.value, b.high ?? b.value]),
      ),
      color: { type: "identity" },
      marks,
    },
    Math.max(420, 36 * bars.length + 100),
    290 + room.margin,
  );
  const legend: LegendEntry[] = spec.groupLabels.map((label, i) => ({
    label,
    colour: categoricalColour(i),
    shape: "square",
  }));
  if (withTheory.length > 0)
    legend.push({ label: spec.theoryLabel ?? "theory", colour: "black", shape: "line" });
  const svg = composeFigure({ name: spec.name, title: spec.title, panels: [panel], legend });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
