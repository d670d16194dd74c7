import assert from "node:assert/strict";
import { test } from "node:test";
import { isMathWord, mathCss, mathMl, richText, texOfWord } from "../../src/report/math-text.js";

test("texOfWord translates the report's compact notation to TeX", () => {
  const cases: [string, string][] = [
    ["x*_K", "x^{*}_{K}"],
    ["w*_k", "w^{*}_{k}"],
    ["Σ_{k≠j}", "Σ_{k≠j}"],
    ["λ_min(∇²L)", "λ_{\\mathrm{min}}(∇^{2}L)"],
    ["a_tᵀa*", "a_{t}^{\\top}a^{*}"],
    ["d_H", "d_{H}"],
    ["max_j", "\\max_{j}"],
    ["10⁻⁹", "10^{-9}"],
    ["d₁,…,d_H", "d_{1},…,d_{H}"],
  ];
  for (const [word, tex] of cases) assert.equal(texOfWord(word), tex, word);
});

test("isMathWord: subscripted words are mathematics, file names and flags are not", () => {
  for (const w of ["x*_K", "d_H", "λ_min(∇²F)", "Σ_{k≠j}"]) assert.ok(isMathWord(w), w);
  for (const w of ["fig_L.py", "src/report/du_x.ts", "page.md#a_b", "--out_dir", "plain", "L*"])
    assert.ok(!isMathWord(w), w);
});

test("richText: formulas and notation as MathML, the rest escaped, punctuation kept outside", () => {
  const html = richText("converge to x*_K, with $\\frac{1}{2}$ & <b> (see fig_L.py).");
  assert.equal((html.match(/<math>/g) ?? []).length, 2);
  assert.match(html, /&amp; &lt;b&gt;/);
  assert.match(html, /fig_L\.py/);
  assert.match(html, /<\/math>, with /, "the comma after x*_K stays text");
  // MathML carries the TeX it came from
  assert.match(html, /<annotation encoding="application\/x-tex">x\^\{\*\}_\{K\}<\/annotation>/);
  // what Temml cannot parse stays text rather than an error message
  assert.equal(mathMl("\\frac{"), undefined);
  assert.equal(richText("$\\frac{$"), "$\\frac{$");
});

test("mathCss is Temml's stylesheet without any font fetched from elsewhere", () => {
  const css = mathCss();
  assert.match(css, /math\s*{/);
  // its url()s are inline data (SVG masks for \cancel), never a file or an address
  assert.doesNotMatch(css, /@font-face|url\(\s*['"]?(https?:|[^)'"]*\.(woff2?|ttf|otf))/);
});
