/**
 * The report as one self-contained HTML file: inline CSS, figures as inline SVG, no scripts and
 * no external resources, so it reads the same offline.
 */
import { escapeXml } from "../figures/svg.js";
import {
  type Claim,
  PROVENANCE_TEXT,
  type Report,
  type Section,
  type Subsection,
  type Table,
} from "./types.js";

const CSS = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.45; }
h1 { font-size: 1.7em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; margin-top: 2.2em; } h3 { margin-top: 1.8em; }
table { border-collapse: collapse; margin: .8em 0; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { font-weight: bold; white-space: nowrap; }
.agrees { color: #006d4f; } .differs { color: #b34700; } .partly { color: #7a4f9a; } .nc { color: #555; }
.prov, .test { color: #555; font-size: .85em; }
figure { margin: 1.2em 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9em; color: #333; max-width: 900px; }
.method { color: #333; font-style: italic; }
.missing { background: #fff4e5; border-left: 4px solid #E69F00; padding: .5em 1em; }
nav ul { columns: 2; }
`;

function verdictClass(v: Claim["verdict"]): string {
  return v === "agrees" ? "agrees" : v === "differs" ? "differs" : v === "partly agrees" ? "partly" : "nc";
}

function claimsTable(claims: readonly Claim[]): string {
  if (claims.length === 0) return "";
  const rows = claims
    .map(
      (c) =>
        `<tr id="claim-${escapeXml(c.id)}"><td>${escapeXml(c.paper)}<div class="prov">${escapeXml(PROVENANCE_TEXT[c.provenance])}</div></td>` +
        `<td>${escapeXml(c.measured)}</td>` +
        `<td><span class="verdict ${verdictClass(c.verdict)}">${escapeXml(c.verdict)}</span>${c.why ? `<div>${escapeXml(c.why)}</div>` : ""}` +
        `<div class="test">Test: ${escapeXml(c.test)}</div></td></tr>`,
    )
    .join("\n");
  return `<table class="claims"><thead><tr><th>The paper states</th><th>Minima measured</th><th>Verdict, why, and the test</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

export function tableHtml(table: Table): string {
  const head = table.columns.map((c) => `<th>${escapeXml(c)}</th>`).join("");
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell) => (typeof cell === "number" ? `<td class="num">${cell}</td>` : `<td>${escapeXml(cell)}</td>`)).join("")}</tr>`,
    )
    .join("\n");
  return `<table id="table-${escapeXml(table.id)}"><caption>${escapeXml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function subsectionHtml(section: Section, sub: Subsection): string {
  const figures = sub.figures
    .map(
      (f) =>
        `<figure id="figure-${escapeXml(f.name)}">${f.svg}<figcaption><b>${escapeXml(f.title)}.</b> ${escapeXml(f.caption)} ` +
        `<span class="prov">(figures/${escapeXml(f.name)}.svg, .png)</span></figcaption></figure>`,
    )
    .join("\n");
  return [
    `<section id="${escapeXml(section.id)}-${escapeXml(sub.id)}"><h3>${escapeXml(sub.title)}</h3>`,
    `<p class="method">${escapeXml(sub.method)}</p>`,
    claimsTable(sub.claims),
    ...sub.tables.map(tableHtml),
    figures,
    "</section>",
  ].join("\n");
}

function sectionHtml(section: Section): string {
  const missing =
    section.missing.length > 0
      ? `<div class="missing"><b>Not reproduced in this build:</b><ul>${section.missing.map((m) => `<li>${escapeXml(m)}</li>`).join("")}</ul></div>`
      : "";
  return [
    `<section id="${escapeXml(section.id)}"><h2>${escapeXml(section.title)}</h2>`,
    `<p><i>${escapeXml(section.paper)}</i></p><p>${escapeXml(section.intro)}</p>`,
    missing,
    ...section.subsections.map((s) => subsectionHtml(section, s)),
    "</section>",
  ].join("\n");
}

function verdictCounts(report: Report): string {
  const counts = new Map<string, number>();
  for (const s of report.sections)
    for (const sub of s.subsections)
      for (const c of sub.claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${v}`).join(", ");
}

export function reportHtml(report: Report): string {
  const { meta } = report;
  const nav = report.sections
    .map(
      (s) =>
        `<li><a href="#${escapeXml(s.id)}">${escapeXml(s.title)}</a><ul>${s.subsections.map((sub) => `<li><a href="#${escapeXml(s.id)}-${escapeXml(sub.id)}">${escapeXml(sub.title)}</a></li>`).join("")}</ul></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(meta.title)}</title><style>${CSS}</style></head>
<body>
<h1>${escapeXml(meta.title)}</h1>
<p>Minima ${escapeXml(meta.version)} · size <b>${meta.size}</b> · seed ${meta.seed} · <code>${escapeXml(meta.command)}</code></p>
<p>Each claim is shown as what the paper states (with how sure we are that the paper says it; docs/report.md), what Minima
measured (95% Wilson intervals for probabilities), and whether the two agree. Claims: ${escapeXml(verdictCounts(report))}.
Every number is also in <code>results.json</code>; every figure is in <code>figures/</code> as SVG and PNG.</p>
<nav><ul>${nav}</ul></nav>
${report.sections.map(sectionHtml).join("\n")}
</body></html>
`;
}
