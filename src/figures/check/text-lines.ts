/** The lines of an SVG text element and the box each takes, in the element's own coordinates. */
import type { Box } from "./geometry.js";
import type { Viewport } from "./shape-outline.js";
import { length, property, styleDeclarations } from "./svg-style.js";
import { ASCENT_EM, DESCENT_EM, textWidth } from "./text-extent.js";

export interface TextLine {
  readonly text: string;
  /** In the text element's own coordinates. */
  readonly box: Box;
}

/**
 * A text element's lines: a tspan that sets x or y starts a new line (Plot writes multi-line text
 * as tspans with x="0" and dy="1em"); a dy alone shifts the text within its line.
 */
export function textLines(el: Element, fontSize: number, anchor: string, viewport: Viewport): TextLine[] {
  const fs = fontSize;
  const chunks: { text: string; x: number; y: number; top: number; bottom: number; anchor: string }[] = [];
  let x = (length(el.getAttribute("x"), fs, viewport.width) ?? 0) + (length(el.getAttribute("dx"), fs) ?? 0);
  let y = (length(el.getAttribute("y"), fs, viewport.height) ?? 0) + (length(el.getAttribute("dy"), fs) ?? 0);
  let current = { text: "", x, y, top: y, bottom: y, anchor: anchor };
  chunks.push(current);
  const add = (text: string) => {
    current.text += text;
    current.top = Math.min(current.top, y);
    current.bottom = Math.max(current.bottom, y);
  };
  const walk = (node: Element, anchor: string) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) add(child.textContent ?? "");
      else if (child.nodeType === 1) {
        const span = child as unknown as Element;
        const tag = span.tagName.toLowerCase();
        if (tag !== "tspan" && tag !== "textpath") continue;
        const styles = styleDeclarations(span);
        const spanAnchor = property(span, styles, "text-anchor") ?? anchor;
        const ax = length(span.getAttribute("x"), fs, viewport.width);
        const ay = length(span.getAttribute("y"), fs, viewport.height);
        if (ax !== undefined) x = ax;
        if (ay !== undefined) y = ay;
        x += length(span.getAttribute("dx"), fs) ?? 0;
        y += length(span.getAttribute("dy"), fs) ?? 0;
        if (ax !== undefined || ay !== undefined) {
          current = { text: "", x, y, top: y, bottom: y, anchor: spanAnchor };
          chunks.push(current);
        }
        walk(span, spanAnchor);
      }
    }
  };
  walk(el, anchor);
  const lines: TextLine[] = [];
  for (const c of chunks) {
    const text = c.text.replace(/\s+/g, " ").trim();
    if (text === "") continue;
    const w = textWidth(text, fs);
    const shift = c.anchor === "middle" ? w / 2 : c.anchor === "end" ? w : 0;
    lines.push({
      text,
      box: {
        x0: c.x - shift,
        x1: c.x - shift + w,
        y0: c.top - ASCENT_EM * fs,
        y1: c.bottom + DESCENT_EM * fs,
      },
    });
  }
  return lines;
}
