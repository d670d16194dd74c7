/** The report's summary as Markdown: every claim with its verdict and test, the tables, links to the figures. */
import { externalResults, type LinkOptions, provenanceCounts, verdictCounts } from "./overview.js";
import { PROVENANCE_TEXT, type Report, type Table } from "./types.js";

function cell(text: string | number): string {
  return String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function tableMarkdown(table: Table): string {
  const head = `| ${table.columns.map(cell).join(" | ")} |`;
  const rule = `|${table.columns.map(() => "---").join("|")}|`;
  const rows = table.rows.map((r) => `| ${r.map(cell).join(" | ")} |`);
  return [`*${table.caption}*`, "", head, rule, ...rows].join("\n");
}

export function reportMarkdown(report: Report, options: LinkOptions = {}): string {
  const { meta } = report;
  const doc = (path: string) =>
    options.docsHref === undefined
      ? `\`${path}\``
      : `[${path}](${options.docsHref}${path.replace(/^docs\//, "")})`;
  const external = externalResults(report);
  const out: string[] = [
    `# ${meta.title}`,
    "",
    `Minima ${meta.version}, size **${meta.size}**, seed ${meta.seed}: \`${meta.command}\`. The full report with figures is`,
    "`index.html`; every number is in `results.json`.",
    "",
    `Claims: ${verdictCounts(report)}. By provenance: ${provenanceCounts(report)}. Every verdict is decided by the test printed beside it.`,
    "",
    `External results Minima is held against: ${external.length === 0 ? "none." : ""}`,
    ...external.map((e) => `- ${e}`),
    "",
  ];
  for (const section of report.sections) {
    out.push(
      `## ${section.title}`,
      "",
      `*${section.paper}*: [arXiv:${section.arxiv}](https://arxiv.org/abs/${section.arxiv}); Minima's account: ${section.docs.map((d) => doc(d.path)).join(", ")}.`,
      "",
      section.intro,
      "",
    );
    if (section.missing.length > 0) {
      out.push("**Not reproduced in this build:**", "", ...section.missing.map((m) => `- ${m}`), "");
    }
    for (const sub of section.subsections) {
      out.push(`### ${sub.title}`, "", `_${sub.method}_`, "");
      if (sub.claims.length > 0) {
        out.push("| The paper states | Minima measured | Verdict |", "|---|---|---|");
        for (const c of sub.claims) {
          const verdict = `${c.why ? `**${c.verdict}**: ${c.why}` : `**${c.verdict}**`} _(test: ${c.test})_`;
          out.push(
            `| ${cell(c.paper)} (${cell(PROVENANCE_TEXT[c.provenance])}) | ${cell(c.measured)} | ${cell(verdict)} |`,
          );
        }
        out.push("");
      }
      for (const t of sub.tables) out.push(tableMarkdown(t), "");
      for (const f of sub.figures) out.push(`![${f.title}](figures/${f.name}.svg) — ${f.caption}`, "");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
