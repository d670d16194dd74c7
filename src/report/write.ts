/**
 * Writes a rendered report to disk: index.html, summary.md, results.json and figures/*.svg|png.
 * The only module of the report that does I/O.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { svgToPng } from "../figures/png.js";
import { toJson } from "../io/json.js";
import { reportHtml } from "./html.js";
import { reportMarkdown } from "./markdown.js";
import type { Report } from "./types.js";

/** results.json: everything but the SVG text, which lives in figures/. */
export function reportJson(report: Report): unknown {
  return {
    meta: report.meta,
    sections: report.sections.map((s) => ({
      id: s.id,
      title: s.title,
      paper: s.paper,
      missing: s.missing,
      subsections: s.subsections.map((sub) => ({
        id: sub.id,
        title: sub.title,
        method: sub.method,
        claims: sub.claims,
        tables: sub.tables,
        figures: sub.figures.map((f) => ({
          name: f.name,
          title: f.title,
          caption: f.caption,
          svg: `figures/${f.name}.svg`,
          png: `figures/${f.name}.png`,
        })),
        data: sub.data,
      })),
    })),
  };
}

export function writeReport(dir: string, report: Report): { files: string[] } {
  const figureDir = join(dir, "figures");
  mkdirSync(figureDir, { recursive: true });
  const files: string[] = [];
  const write = (path: string, content: string | Buffer) => {
    writeFileSync(path, content);
    files.push(path);
  };
  const names = new Set<string>();
  for (const s of report.sections)
    for (const sub of s.subsections)
      for (const f of sub.figures) {
        if (names.has(f.name)) throw new Error(`two figures are named ${f.name}`);
        names.add(f.name);
        write(join(figureDir, `${f.name}.svg`), f.svg);
        write(join(figureDir, `${f.name}.png`), svgToPng(f.svg));
      }
  // toJson refuses NaN and infinities: a non-finite number in a result is a bug upstream
  write(join(dir, "results.json"), `${toJson(reportJson(report), 2)}\n`);
  write(join(dir, "summary.md"), reportMarkdown(report));
  write(join(dir, "index.html"), reportHtml(report));
  return { files };
}
