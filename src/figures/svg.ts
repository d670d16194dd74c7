/**
 * Composing figures: Plot's SVG panels are placed inside one outer SVG with a white background,
 * a title and a legend, all drawn in the shipped font so the PNG conversion needs no system fonts.
 */
import { COLOUR_LEGEND_HEIGHT, type ColourLegend, colourLegendSvg } from "./colour-legend.js";
import { categoricalColour } from "./palette.js";
import { escapeXml } from "./xml.js";

export { escapeXml };

export const FONT_FAMILY = "DejaVu Sans";
const FONT_ATTRIBUTE = `${FONT_FAMILY}, sans-serif`;

export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly shape: "line" | "dashed" | "square" | "dot";
}

/** Legend entries for series drawn with the categorical palette in order. */
export function seriesLegend(labels: readonly string[], dashed: readonly boolean[] = []): LegendEntry[] {
  return labels.map((label, i) => ({
    label,
    colour: categoricalColour(i),
    shape: dashed[i] ? "dashed" : "line",
  }));
}

export interface Panel {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const TITLE_HEIGHT = 28;
const LEGEND_ROW = 18;
const MARGIN = 8;

/** Rough text width in the shipped font at 11px, for laying out legend rows. */
function textWidth(text: string, fontSize = 11): number {
  return [...text].length * fontSize * 0.58;
}

function legendRows(entries: readonly LegendEntry[], width: number): LegendEntry[][] {
  const rows: LegendEntry[][] = [];
  let row: LegendEntry[] = [];
  let used = 0;
  for (const e of entries) {
    const w = 30 + textWidth(e.label) + 16;
    if (row.length > 0 && used + w > width - 2 * MARGIN) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(e);
    used += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function legendSvg(entries: readonly LegendEntry[], top: number, width: number): string {
  const parts: string[] = [];
  legendRows(entries, width).forEach((row, r) => {
    let x = MARGIN + 4;
    const y = top + r * LEGEND_ROW + LEGEND_ROW / 2;
    for (const e of row) {
      const c = e.colour;
      if (e.shape === "line" || e.shape === "dashed") {
        const dash = e.shape === "dashed" ? ' stroke-dasharray="5,3"' : "";
        parts.push(
          `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${c}" stroke-width="2"${dash}/>`,
        );
      } else if (e.shape === "square") {
        parts.push(`<rect x="${x + 5}" y="${y - 6}" width="12" height="12" fill="${c}"/>`);
      } else {
        parts.push(`<circle cx="${x + 11}" cy="${y}" r="4" fill="${c}"/>`);
      }
      parts.push(`<text x="${x + 28}" y="${y + 4}" font-size="11">${escapeXml(e.label)}</text>`);
      x += 30 + textWidth(e.label) + 16;
    }
  });
  return parts.join("");
}

/**
 * Gives every id in an SVG fragment a figure-specific name (Plot numbers its clip paths with a
 * process-wide counter), so snapshots are stable and many figures can share one HTML page.
 */
export function renameIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  svg.replace(/\sid="([^"]+)"/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, `${prefix}-${ids.size + 1}`);
    return "";
  });
  let out = svg;
  for (const [from, to] of ids) {
    out = out.split(`id="${from}"`).join(`id="${to}"`).split(`url(#${from})`).join(`url(#${to})`);
    out = out.split(`href="#${from}"`).join(`href="#${to}"`);
  }
  return out;
}

/** Places a Plot SVG at (x, y) inside the outer figure, in the shipped font. */
function placePanel(panel: Panel, x: number, y: number): string {
  return panel.svg
    .replace(/^<svg /, `<svg x="${x}" y="${y}" `)
    .replace(/font-family="[^"]*"/, `font-family="${FONT_ATTRIBUTE}"`)
    .replace(/font-family: system-ui, sans-serif;/g, `font-family: ${FONT_ATTRIBUTE};`);
}

/**
 * One standalone SVG: title, legend, colour legend (a ticked ramp, where colour encodes a
 * number), then the panels side by side (or stacked with `columns`).
 */
export function composeFigure(options: {
  readonly name: string;
  readonly title: string;
  readonly panels: readonly Panel[];
  readonly legend?: readonly LegendEntry[];
  readonly colourLegend?: ColourLegend;
  readonly columns?: number;
}): string {
  const columns = Math.max(1, Math.min(options.columns ?? options.panels.length, options.panels.length));
  const rows = Math.ceil(options.panels.length / columns);
  const cellWidth = Math.max(...options.panels.map((p) => p.width));
  const cellHeight = Math.max(...options.panels.map((p) => p.height));
  const width = columns * cellWidth + 2 * MARGIN;
  const legendHeight = options.legend ? legendRows(options.legend, width).length * LEGEND_ROW + 4 : 0;
  const rampHeight = options.colourLegend ? COLOUR_LEGEND_HEIGHT : 0;
  const top = TITLE_HEIGHT + legendHeight + rampHeight;
  const height = top + rows * cellHeight + MARGIN;
  const body = options.panels
    .map((p, i) =>
      placePanel(p, MARGIN + (i % columns) * cellWidth, top + Math.floor(i / columns) * cellHeight),
    )
    .join("");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${FONT_ATTRIBUTE}" role="img" aria-label="${escapeXml(options.title)}">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="${MARGIN + 4}" y="19" font-size="14" fill="black">${escapeXml(options.title)}</text>` +
    (options.legend ? legendSvg(options.legend, TITLE_HEIGHT, width) : "") +
    (options.colourLegend
      ? colourLegendSvg(
          options.colourLegend,
          MARGIN + 8,
          TITLE_HEIGHT + legendHeight,
          Math.min(360, width - 2 * MARGIN - 24),
        )
      : "") +
    body +
    "</svg>";
  return renameIds(svg, options.name);
}
