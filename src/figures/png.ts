/**
 * SVG → PNG with resvg, using only the font shipped in fonts/ (system fonts are not loaded), so
 * the same SVG gives the same PNG bytes on every machine.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY } from "./svg.js";

/** fonts/ at the package root, found from src/figures (tsx) or dist/figures (built). */
export function shippedFontPath(): string {
  const path = fileURLToPath(new URL("../../fonts/DejaVuSans.ttf", import.meta.url));
  if (!existsSync(path)) throw new Error(`the shipped font is missing: ${path}`);
  return path;
}

export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      fontFiles: [shippedFontPath()],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
