import assert from "node:assert/strict";
import { test } from "node:test";
import { svgToPng } from "../../src/figures/png.js";
import { fixtureFigures } from "./fixtures.js";
import { compareWithGolden, normaliseSvg } from "./snapshot.js";

for (const [name, make] of Object.entries(fixtureFigures)) {
  test(`figure ${name} matches its golden SVG`, () => {
    const figure = make();
    assert.equal(figure.name, name);
    const problem = compareWithGolden(name, figure.svg);
    assert.equal(problem, undefined, problem);
  });
}

test("a figure is drawn identically twice in one process (ids do not depend on render order)", () => {
  const make = fixtureFigures["landscape-slice"];
  assert.equal(make().svg, make().svg);
});

test("figures are standalone: one root svg, white background, only the shipped font, no external links", () => {
  for (const make of Object.values(fixtureFigures)) {
    const { svg, title } = make();
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<rect width="100%" height="100%" fill="white"\/>/);
    assert.ok(svg.includes(title.replace(/&/g, "&amp;")));
    assert.doesNotMatch(svg, /system-ui/);
    assert.doesNotMatch(svg, /href="(https?:|data:)/);
    assert.doesNotMatch(svg, /NaN|Infinity/);
  }
});

test("ids of different figures never collide (they share one HTML page)", () => {
  const seen = new Map<string, string>();
  for (const [name, make] of Object.entries(fixtureFigures)) {
    for (const m of make().svg.matchAll(/\sid="([^"]+)"/g)) {
      assert.ok(!seen.has(m[1]), `id ${m[1]} in ${name} also in ${seen.get(m[1])}`);
      seen.set(m[1], name);
    }
  }
});

test("PNG conversion with the shipped font is byte-identical across renders", () => {
  const { svg } = fixtureFigures["interval-plot"]();
  const a = svgToPng(svg, 1);
  const b = svgToPng(svg, 1);
  assert.deepEqual(a.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  assert.ok(a.length > 2000, "a PNG with content");
  assert.ok(a.equals(b));
});

test("normaliseSvg rounds every decimal to 3 places and leaves integers alone", () => {
  assert.equal(normaliseSvg('d="M1.23456,2L-0.00001,10.5"'), 'd="M1.235,2L0,10.5"');
});
