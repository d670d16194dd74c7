/** Colours as the figure check compares them: normalised paints, chroma and WCAG contrast. */

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  grey: "#808080",
  gray: "#808080",
  orange: "#ffa500",
  yellow: "#ffff00",
  none: "none",
  transparent: "none",
};

/** A paint as lower-case #rrggbb, "none", or "url(#id)". */
export function normaliseColour(value: string): string {
  const v = value.trim().toLowerCase();
  if (v in NAMED) return NAMED[v];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    if (rgb[4] !== undefined && Number.parseFloat(rgb[4]) === 0) return "none";
    return `#${[rgb[1], rgb[2], rgb[3]].map((c) => Math.round(Number(c)).toString(16).padStart(2, "0")).join("")}`;
  }
  return v;
}

/** Chroma of a #rrggbb colour, 0 to 1 (0 for greys, black and white). */
function chroma(colour: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(colour);
  if (!m) return 0;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h, 16) / 255);
  return Math.max(r, g, b) - Math.min(r, g, b);
}

/** A colour with a hue (data colours), as against greys, black, white and "none". */
export const isChromatic = (colour: string) => chroma(colour) > 0.12;

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(colour: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(colour);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
