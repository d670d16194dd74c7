import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "minima-report-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("minima reproduce --smoke writes index.html, summary.md, results.json and every figure as SVG and PNG", () => {
  const r = runCli(["reproduce", "--smoke", "--out", dir, "--workers", "1", "--quiet"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /report written to/);
  for (const file of ["index.html", "summary.md", "results.json"])
    assert.ok(existsSync(join(dir, file)), file);

  const text = readFileSync(join(dir, "results.json"), "utf8");
  assert.doesNotMatch(text, /NaN|Infinity/);
  const results = JSON.parse(text);
  assert.equal(results.meta.size, "smoke");
  assert.ok(results.sections.length >= 1);

  const html = readFileSync(join(dir, "index.html"), "utf8");
  const figures = results.sections.flatMap((s: { subsections: { figures: { name: string }[] }[] }) =>
    s.subsections.flatMap((sub) => sub.figures),
  );
  assert.ok(figures.length >= 5, "the Du section alone has several figures");
  const files = readdirSync(join(dir, "figures"));
  for (const f of figures) {
    assert.ok(files.includes(`${f.name}.svg`) && files.includes(`${f.name}.png`), f.name);
    const svg = readFileSync(join(dir, "figures", `${f.name}.svg`), "utf8");
    assert.ok(html.includes(svg), `index.html embeds ${f.name}.svg inline`);
  }
  // self-contained: no scripts, stylesheets or images fetched from elsewhere; the only links out are the papers on arXiv
  assert.doesNotMatch(html, /<script|<link |src="http|@font-face|url\(\s*['"]?https?:/);
  const outside = [...html.matchAll(/href="(https?:[^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(
    [...new Set(outside)].sort(),
    ["1703.00560", "1712.00779", "1712.08968", "1911.01413"].map((id) => `https://arxiv.org/abs/${id}`),
  );
  // mathematics as MathML rendered at build time
  assert.match(html, /<math>/);
  const shown = html.replace(/<annotation[^>]*>[^<]*<\/annotation>/g, "");
  assert.doesNotMatch(shown, /\$[^$<]*\\[a-zA-Z]+[^$<]*\$/, "no TeX left unrendered");

  // every claim has the three parts of the comparison
  const claims = results.sections.flatMap((s: { subsections: { claims: unknown[] }[] }) =>
    s.subsections.flatMap((sub) => sub.claims),
  ) as { paper: string; measured: string; verdict: string; provenance: string }[];
  assert.ok(claims.length >= 5);
  for (const c of claims) {
    assert.ok(c.paper.length > 0 && c.measured.length > 0);
    assert.ok(["agrees", "differs", "partly agrees", "not comparable"].includes(c.verdict));
    assert.ok(["verified", "recalled", "derived", "prior-run", "released"].includes(c.provenance));
  }
  const md = readFileSync(join(dir, "summary.md"), "utf8");
  for (const c of claims) assert.ok(md.includes(c.verdict));
});

test("minima reproduce rejects bad flags with one line and exit 2", () => {
  assert.ok(isOneLineInputError(runCli(["reproduce", "--workers", "0"])));
  assert.ok(isOneLineInputError(runCli(["reproduce", "--only", "nope"])));
  assert.ok(isOneLineInputError(runCli(["reproduce", "--quick", "--smoke"])));
  assert.ok(isOneLineInputError(runCli(["reproduce", "--bogus"])));
});
