/**
 * Writes a rendered report to disk: index.html, summary.md, results.json and figures/*.svg|png.
 * The only module of the report that does I/O.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { svgToPng } from "../figures/png.js";
import { toJson } from "../io/json.js";
import { type StepProgress, silentProgress } from "../io/step-progress.js";
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
      arxiv: s.arxiv,
      docs: s.docs,
      external: s.external,
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

/**
 * docs/ as seen from a report written to `dir`, when Minima runs from its repository (src/report or
 * dist/report, two levels below it); undefined for an installed package, which ships no docs/.
 */
export function docsHrefFrom(dir: string): string | undefined {
  const docs = fileURLToPath(new URL("../../docs/", import.meta.url));
  if (!existsSync(join(docs, "report.md"))) return undefined;
  return `${relative(resolve(dir), docs).split(sep).join("/")}/`;
}

export function writeReport(
  dir: string,
  report: Report,
  progress: StepProgress = silentProgress,
): { files: string[] } {
  const figureDir = join(dir, "figures");
  mkdirSync(figureDir, { recursive: true });
  const files: string[] = [];
  const write = (path: string, content: string | Buffer) => {
    writeFileSync(path, content);
    files.push(path);
  };
  const names = new Set<string>();
  const figures = report.sections.flatMap((s) => s.subsections.flatMap((sub) => sub.figures));
  progress.step(`Writing ${figures.length} figures (SVG and PNG) and the pages`, figures.length + 1);
  for (const f of figures) {
    if (names.has(f.name)) throw new Error(`two figures are named ${f.name}`);
    names.add(f.name);
    write(join(figureDir, `${f.name}.svg`), f.svg);
    write(join(figureDir, `${f.name}.png`), svgToPng(f.svg));
    progress.advance();
  }
  // toJson refuses NaN and infinities: a non-finite number in a result is a bug upstream
  write(join(dir, "results.json"), `${toJson(reportJson(report), 2)}\n`);
  const docsHref = docsHrefFrom(dir);
  write(join(dir, "summary.md"), reportMarkdown(report, { docsHref }));
  write(join(dir, "index.html"), reportHtml(report, { docsHref }));
  progress.advance();
  progress.finish();
  return { files };
}
