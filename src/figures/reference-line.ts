/** A labelled horizontal reference line (a threshold, a theory value), shared by the chart builders. */
import * as Plot from "@observablehq/plot";
import { REFERENCE_COLOUR } from "./palette.js";

/** The rule at y and its label at the right edge, outlined in white so it stays readable over marks. */
export function referenceLineMarks(reference: { readonly y: number; readonly label: string }, dash: string) {
  return [
    Plot.ruleY([reference.y], { stroke: REFERENCE_COLOUR, strokeDasharray: dash }),
    Plot.text([reference], {
      y: "y",
      frameAnchor: "right",
      text: "label",
      dy: -6,
      dx: -4,
      fill: REFERENCE_COLOUR,
      stroke: "white",
      strokeWidth: 3,
      paintOrder: "stroke",
    }),
  ];
}
