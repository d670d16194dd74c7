/**
 * A headless DOM for Observable Plot: linkedom's document is enough for Plot's SVG marks (no
 * canvas, so the raster mark is not used; contours and cells draw paths and rects instead).
 */
import { parseHTML } from "linkedom";

let cached: Document | undefined;

export function headlessDocument(): Document {
  cached ??= parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  return cached;
}
