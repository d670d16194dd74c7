/**
 * Colour-blind-safe colours. Categorical series use the Okabe–Ito palette (Okabe & Ito 2008),
 * reordered so the first colours differ most in lightness; continuous values use viridis, signed ones
 * ColorBrewer's red–blue (both readable with the common colour-vision deficiencies).
 */
export const OKABE_ITO: readonly string[] = [
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow (last: weak on white)
];

export function categoricalColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length];
}

/** The Plot colour scheme for sequential values. */
export const SEQUENTIAL_SCHEME = "viridis";

/** The Plot colour scheme for signed values around 0 (ColorBrewer RdBu: negative red, positive blue). */
export const DIVERGING_SCHEME = "rdbu";

/** Colour for reference lines and bounds (theory, thresholds). */
export const REFERENCE_COLOUR = "#555555";
