/**
 * The legend of a colour that encodes a number: a ramp with labelled ticks, smooth for a
 * continuous scale or in equal steps for banded contours (one step per band, ticks at the band
 * edges), so a reader can read a value off any colour in the figure.
 */
import { linearTicks, shortNumber } from "./ticks.js";
import { escapeXml } from "./xml.js";

export type ColourLegend =
  | {
      readonly kind: "ramp";
      /** What the colour encodes, with its unit. */
      readonly label: string;
      readonly domain: readonly [number, number];
      readonly colour: (value: number) => string;
      readonly ticks?: readonly number[];
      readonly format?: (value: number) => string;
    }
  | {
      readonly kind: "steps";
      readonly label: string;
      /** n + 1 band edges, lowest first, for n bands. */
      readonly edges: readonly number[];
      /** One colour per band. */
      readonly colours: readonly string[];
      readonly format?: (value: number) => string;
    };

export const COLOUR_LEGEND_HEIGHT = 52;
const RAMP_TOP = 18;
const RAMP_HEIGHT = 12;
const TICK_FONT = 10;
const STOPS = 24;

/** Width of a tick label at TICK_FONT px, generously (digits are 0.64 em in the shipped font). */
const labelWidth = (text: string) => [...text].length * TICK_FONT * 0.66;

/** The legend as SVG, its top-left corner at (x, y), the ramp `width` pixels wide. */
export function colourLegendSvg(legend: ColourLegend, x: number, y: number, width: number): string {
  const format = legend.format ?? shortNumber;
  const parts: string[] = [`<g aria-label="colour legend" transform="translate(${x},${y})">`];
  parts.push(`<text x="0" y="12" font-size="11">${escapeXml(legend.label)}</text>`);
  let stops: string;
  let ticks: { at: number; text: string }[];
  if (legend.kind === "ramp") {
    const [lo, hi] = legend.domain;
    const span = hi - lo || 1;
    stops = Array.from({ length: STOPS + 1 }, (_, i) => {
      const t = i / STOPS;
      return `<stop offset="${t}" stop-color="${legend.colour(lo + t * span)}"/>`;
    }).join("");
    ticks = (legend.ticks ?? linearTicks(lo, hi, 5))
      .filter((v) => v >= lo - 1e-12 * Math.abs(span) && v <= hi + 1e-12 * Math.abs(span))
      .map((v) => ({ at: ((v - lo) / span) * width, text: format(v) }));
  } else {
    const n = legend.colours.length;
    if (legend.edges.length !== n + 1)
      throw new RangeError(`${n} bands need ${n + 1} edges, got ${legend.edges.length}`);
    stops = legend.colours
      .map(
        (c, i) =>
          `<stop offset="${i / n}" stop-color="${c}"/><stop offset="${(i + 1) / n}" stop-color="${c}"/>`,
      )
      .join("");
    // label every k-th edge so that neighbouring labels keep 8 px apart
    const widest = Math.max(...legend.edges.map((e) => labelWidth(format(e))));
    const stride = Math.max(1, Math.ceil((widest + 8) / (width / n)));
    ticks = legend.edges
      .map((e, i) => ({ i, at: (i / n) * width, text: format(e) }))
      .filter(({ i }) => i % stride === 0 || (i === n && n % stride >= stride / 2));
  }
  parts.push(
    `<defs><linearGradient id="colour-ramp" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient></defs>`,
    `<rect x="0" y="${RAMP_TOP}" width="${width}" height="${RAMP_HEIGHT}" fill="url(#colour-ramp)" stroke="#777" stroke-width="0.5"/>`,
  );
  for (const t of ticks) {
    const anchor = t.at < 1 ? "start" : t.at > width - 1 ? "end" : "middle";
    parts.push(
      `<line x1="${t.at}" x2="${t.at}" y1="${RAMP_TOP}" y2="${RAMP_TOP + RAMP_HEIGHT + 4}" stroke="black" stroke-width="0.8"/>`,
      `<text x="${t.at}" y="${RAMP_TOP + RAMP_HEIGHT + 15}" font-size="${TICK_FONT}" text-anchor="${anchor}">${escapeXml(t.text)}</text>`,
    );
  }
  parts.push("</g>");
  return parts.join("");
}
