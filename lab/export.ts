/**
 * Exports for every view: the figure as SVG or PNG, the data as JSON or CSV, and the equivalent
 * `minima` command line. Each view supplies the four as functions, so the exported data is always
 * the data currently on screen. An exported figure stands alone: the view's title above it and the
 * legend the page draws beside it (a colour ramp, a list of swatches) drawn into the same SVG.
 */
import { button, el } from "./ui.js";

export interface Exportable {
  /** File-name stem, e.g. "minima-cnn". */
  readonly name: string;
  /** The title written above an exported figure. */
  title(): string;
  figure(): SVGSVGElement | null;
  data(): unknown;
  /** Rows for CSV: the first row is the header. */
  csv(): readonly (readonly (string | number)[])[];
  /** The equivalent CLI invocation, or undefined when the CLI has no equivalent. */
  command(): string | undefined;
}

function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const SVG_NS = "http://www.w3.org/2000/svg";
const TITLE_SIZE = 18;
const LEGEND_FONT = 14;

function svgNode(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Drawn size of an SVG: its width/height attributes, else its viewBox. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  const width = Number(svg.getAttribute("width")) || box?.width || svg.getBoundingClientRect().width || 640;
  const height =
    Number(svg.getAttribute("height")) || box?.height || svg.getBoundingClientRect().height || 400;
  return { width, height };
}

/** A swatch list of the page (`.legend` spans with a `.swatch`) as SVG rows `width` px wide. */
function swatchLegend(list: Element, width: number): { node: SVGElement; height: number } {
  const group = svgNode("g", { "aria-label": "legend", "font-size": LEGEND_FONT });
  const row = LEGEND_FONT + 10;
  let x = 0;
  let y = 0;
  for (const item of list.children) {
    const swatch = item.querySelector<HTMLElement>(".swatch");
    const label = item.textContent?.trim() ?? "";
    const advance = 24 + label.length * LEGEND_FONT * 0.6 + 18;
    if (x > 0 && x + advance > width) {
      x = 0;
      y += row;
    }
    const colour = swatch ? getComputedStyle(swatch).backgroundColor : "#777";
    group.append(
      svgNode("rect", { x, y: y + 3, width: 16, height: 16, fill: colour, stroke: "#0003" }),
      svgNode("text", { x: x + 22, y: y + LEGEND_FONT + 2 }, label),
    );
    x += advance;
  }
  return { node: group, height: y + row };
}

/**
 * The figure of `svg` as one standalone SVG: `title` on top, then every legend beside it in its
 * <figure> (Plot's colour ramps as they are, swatch lists redrawn), then the figure itself.
 */
export function standaloneFigure(svg: SVGSVGElement, title: string): SVGSVGElement {
  const { width, height } = sizeOf(svg);
  const out = svgNode("svg", { xmlns: SVG_NS }) as SVGSVGElement;
  out.append(svgNode("rect", { width: "100%", height: "100%", fill: "white" }));
  out.append(
    svgNode("text", { x: 8, y: TITLE_SIZE + 6, "font-size": TITLE_SIZE, "font-weight": 600 }, title),
  );
  let top = TITLE_SIZE + 18;
  const figure = svg.closest("figure");
  for (const child of figure ? [...figure.children] : []) {
    if (child === svg || child.tagName.toLowerCase() === "figcaption") continue;
    if (child instanceof SVGSVGElement) {
      const legend = child.cloneNode(true) as SVGSVGElement;
      const size = sizeOf(child);
      legend.setAttribute("x", "8");
      legend.setAttribute("y", String(top));
      legend.setAttribute("width", String(size.width));
      legend.setAttribute("height", String(size.height));
      out.append(legend);
      top += size.height + 6;
    } else if (child.classList.contains("legend")) {
      const legend = swatchLegend(child, width - 16);
      legend.node.setAttribute("transform", `translate(8, ${top})`);
      out.append(legend.node);
      top += legend.height + 6;
    }
  }
  const body = svg.cloneNode(true) as SVGSVGElement;
  body.setAttribute("x", "0");
  body.setAttribute("y", String(top));
  body.setAttribute("width", String(width));
  body.setAttribute("height", String(height));
  out.append(body);
  const total = top + height;
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(total));
  out.setAttribute("viewBox", `0 0 ${width} ${total}`);
  out.setAttribute("font-family", "system-ui, sans-serif");
  return out;
}

export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  if (!copy.getAttribute("font-family")) copy.setAttribute("font-family", "system-ui, sans-serif");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = svg.width.baseVal.value || svg.getBoundingClientRect().width || 640;
  const height = svg.height.baseVal.value || svg.getBoundingClientRect().height || 400;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = el("canvas", { width: Math.round(width * scale), height: Math.round(height * scale) });
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2-D canvas");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

/** JSON with typed arrays as plain arrays (like the CLI's --json output). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(
    value,
    (_key, v) =>
      ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as number[]) : v,
    2,
  )}\n`;
}

/** The export bar: four download buttons and the command line with a copy button. */
export function exportBar(source: Exportable): HTMLElement {
  const status = el("span", { class: "export-status", "aria-live": "polite" });
  const guard = (fn: () => void | Promise<void>) => async () => {
    try {
      await fn();
    } catch (error) {
      status.textContent = `export failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const figure = () => {
    const svg = source.figure();
    if (!svg) throw new Error("no figure yet");
    return standaloneFigure(svg, source.title());
  };
  const commandBox = el("code", { class: "command", id: `${source.name}-command`, tabindex: 0 });
  const refreshCommand = () => {
    commandBox.textContent = source.command() ?? "(no command-line equivalent)";
  };
  refreshCommand();
  const bar = el(
    "div",
    { class: "export-bar", role: "group", "aria-label": "Export" },
    el("span", { class: "export-label", text: "Export" }),
    button(
      "SVG",
      guard(() => download(`${source.name}.svg`, new Blob([svgText(figure())], { type: "image/svg+xml" }))),
      { "data-export": "svg" },
    ),
    button(
      "PNG",
      guard(async () => download(`${source.name}.png`, await svgToPng(figure()))),
      { "data-export": "png" },
    ),
    button(
      "JSON",
      guard(() =>
        download(`${source.name}.json`, new Blob([jsonText(source.data())], { type: "application/json" })),
      ),
      { "data-export": "json" },
    ),
    button(
      "CSV",
      guard(() => download(`${source.name}.csv`, new Blob([csvText(source.csv())], { type: "text/csv" }))),
      { "data-export": "csv" },
    ),
    el(
      "div",
      { class: "command-line" },
      el("span", { class: "export-label", text: "Command line" }),
      commandBox,
      button(
        "Copy",
        guard(async () => {
          refreshCommand();
          await navigator.clipboard.writeText(commandBox.textContent ?? "");
          status.textContent = "copied";
        }),
        { "aria-label": "Copy the command line" },
      ),
    ),
    status,
  );
  (bar as HTMLElement & { refresh?: () => void }).refresh = refreshCommand;
  return bar;
}

export function refreshExportBar(bar: HTMLElement): void {
  (bar as HTMLElement & { refresh?: () => void }).refresh?.();
}
