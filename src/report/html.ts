/**
 * The report as one self-contained HTML file: inline CSS, figures as inline SVG, mathematics as
 * MathML rendered at build time (math-text.ts), no scripts and nothing fetched, so it reads the same
 * offline. The only links that leave the page are to the papers on arXiv and, when the report is
 * written inside the repository, to its docs/.
 *
 * Built for reading: a table of contents of whole entries (a grid, never CSS columns that split
 * them), each subsection's figures before its claims and data tables, data tables longer than
 * LONG_TABLE_ROWS folded in <details> under a one-line summary, and every table in its own
 * horizontally scrolling box so that the page itself never scrolls sideways, down to 390 px.
 */
import { escapeXml } from "../figures/svg.js";
import { mathCss, richText } from "./math-text.js";
import { allClaims, externalResults, type LinkOptions, provenanceCounts, verdictCounts } from "./overview.js";
import {
  type Claim,
  PROVENANCE_TEXT,
  type Report,
  type Section,
  type Subsection,
  type Table,
} from "./types.js";

/** Tables with more rows than this are folded under a summary line. */
export const LONG_TABLE_ROWS = 12;
/** Tables with at least this many columns are set in smaller type, so that they fit at 1400 px. */
export const WIDE_TABLE_COLUMNS = 12;

const CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 1.7em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; margin-top: 2.2em; } h3 { margin-top: 1.8em; }
a { color: #0b5394; }
code { overflow-wrap: anywhere; }
.scroll { overflow-x: auto; max-width: 100%; margin: .8em 0; }
table { border-collapse: collapse; font-size: .9em; }
caption { text-align: left; font-style: italic; padding-bottom: .3em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.wide { font-size: .74em; } table.wide th, table.wide td { padding: .2em .3em; }
table.claims { width: 100%; table-layout: fixed; }
table.claims td { overflow-wrap: anywhere; }
.verdict { font-weight: bold; white-space: nowrap; }
.agrees { color: #006d4f; } .differs { color: #b34700; } .partly { color: #7a4f9a; } .nc { color: #555; }
.prov, .test { color: #555; font-size: .85em; }
figure { margin: 1.2em 0; } figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .9em; color: #333; max-width: 900px; }
.method { color: #333; font-style: italic; }
.links { font-size: .95em; }
.missing { background: #fff4e5; border-left: 4px solid #E69F00; padding: .5em 1em; }
.overview { background: #f5f8fb; border-left: 4px solid #0072B2; padding: .5em 1em; }
details { margin: .8em 0; } summary { cursor: pointer; color: #0b5394; }
nav > ul { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22em), 1fr)); gap: .4em 2em; padding-left: 1.2em; }
nav li { break-inside: avoid; }
math { font-size: 1.05em; }
@media (max-width: 600px) {
  body { margin: 1em auto; padding: 0 .6em; }
  table.claims, table.claims tbody, table.claims tr, table.claims td { display: block; width: 100%; }
  table.claims thead { display: none; }
  table.claims tr { border: 1px solid #ccc; margin-bottom: .6em; }
  table.claims td { border: none; border-bottom: 1px dotted #ddd; }
  table.claims td::before { content: attr(data-label); display: block; font-weight: bold; font-size: .8em; color: #555; }
}
`;

const ARXIV = (id: string) => `https://arxiv.org/abs/${id}`;

function verdictClass(v: Claim["verdict"]): string {
  return v === "agrees" ? "agrees" : v === "differs" ? "differs" : v === "partly agrees" ? "partly" : "nc";
}

function claimsTable(claims: readonly Claim[]): string {
  if (claims.length === 0) return "";
  const rows = claims
    .map(
      (c) =>
        `<tr id="claim-${escapeXml(c.id)}"><td data-label="The paper states">${richText(c.paper)}<div class="prov">${escapeXml(PROVENANCE_TEXT[c.provenance])}</div></td>` +
        `<td data-label="Minima measured">${richText(c.measured)}</td>` +
        `<td data-label="Verdict, why, and the test"><span class="verdict ${verdictClass(c.verdict)}">${escapeXml(c.verdict)}</span>${c.why ? `<div>${richText(c.why)}</div>` : ""}` +
        `<div class="test">Test: ${richText(c.test)}</div></td></tr>`,
    )
    .join("\n");
  return `<div class="scroll"><table class="claims"><thead><tr><th>The paper states</th><th>Minima measured</th><th>Verdict, why, and the test</th></tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
}

export function tableHtml(table: Table): string {
  const head = table.columns.map((c) => `<th>${richText(c)}</th>`).join("");
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell) => (typeof cell === "number" ? `<td class="num">${cell}</td>` : `<td>${richText(cell)}</td>`)).join("")}</tr>`,
    )
    .join("\n");
  const long = table.rows.length > LONG_TABLE_ROWS;
  const wide = table.columns.length >= WIDE_TABLE_COLUMNS ? ' class="wide"' : "";
  const html = `<div class="scroll"><table id="table-${escapeXml(table.id)}"${wide}>${long ? "" : `<caption>${richText(table.caption)}</caption>`}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
  if (!long) return html;
  return `<details class="long-table"><summary>Table: ${richText(table.caption)} (${table.rows.length} rows; show)</summary>\n${html}\n</details>`;
}

function figureHtml(f: Subsection["figures"][number]): string {
  return (
    `<figure id="figure-${escapeXml(f.name)}">${f.svg}<figcaption><b>${richText(f.title)}.</b> ${richText(f.caption)} ` +
    `<span class="prov">(figures/${escapeXml(f.name)}.svg, .png)</span></figcaption></figure>`
  );
}

function subsectionHtml(section: Section, sub: Subsection): string {
  return [
    `<section id="${escapeXml(section.id)}-${escapeXml(sub.id)}"><h3>${richText(sub.title)}</h3>`,
    `<p class="method">${richText(sub.method)}</p>`,
    ...sub.figures.map(figureHtml),
    claimsTable(sub.claims),
    ...sub.tables.map(tableHtml),
    "</section>",
  ].join("\n");
}

function docLink(path: string, options: LinkOptions): string {
  const name = path.replace(/^docs\//, "");
  return options.docsHref === undefined
    ? `<code>${escapeXml(path)}</code>`
    : `<a href="${escapeXml(options.docsHref + name)}">${escapeXml(path)}</a>`;
}

function sectionHtml(section: Section, options: LinkOptions): string {
  const missing =
    section.missing.length > 0
      ? `<div class="missing"><b>Not reproduced in this build:</b><ul>${section.missing.map((m) => `<li>${richText(m)}</li>`).join("")}</ul></div>`
      : "";
  const docs = section.docs.map((d) => `${docLink(d.path, options)} (${escapeXml(d.title)})`).join(", ");
  return [
    `<section id="${escapeXml(section.id)}"><h2>${escapeXml(section.title)}</h2>`,
    `<p><i>${escapeXml(section.paper)}</i></p>`,
    `<p class="links">Paper: <a href="${ARXIV(section.arxiv)}">arXiv:${escapeXml(section.arxiv)}</a>. Minima's account: ${docs}.</p>`,
    `<p>${richText(section.intro)}</p>`,
    missing,
    ...section.subsections.map((s) => subsectionHtml(section, s)),
    "</section>",
  ].join("\n");
}

function overviewHtml(report: Report): string {
  const external = externalResults(report);
  const others =
    "No other paper's printed numbers were available to us; the other comparisons are with the papers' statements (verified or recalled), with mathematics derived for Minima, and with Minima's own earlier runs.";
  return [
    `<div class="overview"><p><b>What the verdicts rest on.</b> Of the ${allClaims(report).length} claims: ${escapeXml(provenanceCounts(report))}. `,
    "Every verdict is decided by the test printed beside it; trends are judged by one-sided statistical tests (Cochran–Armitage for proportions, weighted slopes for measured means) whose p-values or intervals are shown.</p>",
    external.length === 0
      ? `<p><b>External results Minima is held against:</b> none. ${others}</p>`
      : `<p><b>External results Minima is held against:</b></p><ul>${external.map((e) => `<li>${richText(e)}</li>`).join("")}</ul><p>${others}</p>`,
    "</div>",
  ].join("");
}

export function reportHtml(report: Report, options: LinkOptions = {}): string {
  const { meta } = report;
  const nav = report.sections
    .map(
      (s) =>
        `<li><a href="#${escapeXml(s.id)}">${escapeXml(s.title)}</a><ul>${s.subsections.map((sub) => `<li><a href="#${escapeXml(s.id)}-${escapeXml(sub.id)}">${richText(sub.title)}</a></li>`).join("")}</ul></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(meta.title)}</title><style>${CSS}${mathCss()}</style></head>
<body>
<h1>${escapeXml(meta.title)}</h1>
<p>Minima ${escapeXml(meta.version)} · size <b>${meta.size}</b> · seed ${meta.seed} · <code>${escapeXml(meta.command)}</code></p>
<p>Each claim is shown as what the paper states (with how sure we are that the paper says it; ${docLink("docs/report.md", options)}), what Minima
measured (95% Wilson intervals for probabilities), and whether the two agree. Claims: ${escapeXml(verdictCounts(report))}.
Every number is also in <code>results.json</code>; every figure is in <code>figures/</code> as SVG and PNG.</p>
${overviewHtml(report)}
<nav><ul>${nav}</ul></nav>
${report.sections.map((s) => sectionHtml(s, options)).join("\n")}
</body></html>
`;
}
