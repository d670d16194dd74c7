/**
 * The figure check (src/figures/check/): its text boxes against the ink resvg actually draws with
 * the shipped font, its geometry against hand-computed cases, each rule on a figure that breaks it
 * and one that does not, the figures of the report as they were before the figure fixes (which it
 * must fail, each for its own defect), and every figure builder's fixture (which must pass).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import { checkFigure, contrastRatio, type FigureRule } from "../../src/figures/check/figure-check.js";
import { apply, overlapDepth, parseTransform } from "../../src/figures/check/geometry.js";
import { layoutSvg } from "../../src/figures/check/layout.js";
import { pathPolylines } from "../../src/figures/check/path-points.js";
import { ASCENT_EM, textWidth } from "../../src/figures/check/text-extent.js";
import { shippedFontPath } from "../../src/figures/png.js";
import { fixtureFigures } from "./fixtures.js";

const svg = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans">${body}</svg>`;

/** The box of the pixels resvg inks, in SVG units (rendered at 4× for sub-pixel precision). */
function inkBox(doc: string) {
  const zoom = 4;
  const image = new Resvg(doc, {
    fitTo: { mode: "zoom", value: zoom },
    font: { fontFiles: [shippedFontPath()], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  }).render();
  // a getter that copies the buffer: read it once
  const pixels = image.pixels;
  let [x0, y0, x1, y1] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1, -1];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (pixels[4 * (y * image.width + x) + 3] > 40) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
  return { x0: x0 / zoom, y0: y0 / zoom, x1: x1 / zoom, y1: y1 / zoom };
}

const rules = (problems: readonly { rule: FigureRule }[]) => [...new Set(problems.map((p) => p.rule))].sort();

test("a text box holds all the ink resvg draws for it, and is at most 12% wider (shipped font)", () => {
  const samples = [
    "K=10, noise 0.1",
    "↑ P(global)",
    "10⁻²⁵",
    "(1ᵀa*)²/‖a*‖²",
    "MWWM iiii",
    "angle φ between v and w* (rad) →",
    "gjpqy ÅÉ",
  ];
  for (const text of samples)
    for (const [size, anchor] of [
      [11, "start"],
      [14, "middle"],
      [9, "end"],
    ] as const) {
      const doc = svg(
        400,
        60,
        `<text x="200" y="36" font-size="${size}" text-anchor="${anchor}">${text}</text>`,
      );
      const [drawn] = layoutSvg(doc).texts;
      const ink = inkBox(doc);
      const where = `${text} at ${size}px, ${anchor}`;
      assert.ok(
        drawn.box.x0 <= ink.x0 + 0.3 && drawn.box.x1 >= ink.x1 - 0.3,
        `${where}: ${JSON.stringify([drawn.box, ink])}`,
      );
      assert.ok(
        drawn.box.y0 <= ink.y0 + 0.3 && drawn.box.y1 >= ink.y1 - 0.3,
        `${where}: ${JSON.stringify([drawn.box, ink])}`,
      );
      assert.ok(drawn.box.x1 - drawn.box.x0 <= 1.12 * (ink.x1 - ink.x0) + 2, `${where}: box too wide`);
    }
});

test("rotated text: the box turns with the text (Plot's rotated tick labels)", () => {
  const doc = svg(
    300,
    200,
    `<g transform="translate(10,5)" text-anchor="end"><text transform="translate(150,60) rotate(-30)" y="0.32em" font-size="11">K=10, noise 0.1</text></g>`,
  );
  const [drawn] = layoutSvg(doc).texts;
  const ink = inkBox(doc);
  assert.ok(drawn.box.x0 <= ink.x0 + 0.5 && drawn.box.x1 >= ink.x1 - 0.5, JSON.stringify([drawn.box, ink]));
  assert.ok(drawn.box.y0 <= ink.y0 + 0.5 && drawn.box.y1 >= ink.y1 - 0.5, JSON.stringify([drawn.box, ink]));
  // the anchor (end of the string) is at the translate point, the start lower left
  const end = apply(parseTransform("translate(160,65)"), { x: 0, y: 0 });
  assert.ok(Math.min(...drawn.corners.map((p) => Math.hypot(p.x - end.x, p.y - end.y))) < 8);
});

test("text width: the sum of the characters' advances; unknown characters count wide", () => {
  assert.ok(Math.abs(textWidth("0000", 10) - 4 * 6.36) < 1e-9);
  assert.ok(textWidth("漢", 10) >= 10);
  assert.equal(textWidth("e\u0301", 10), textWidth("e", 10));
});

test("transforms compose in SVG order (the inner one applies first)", () => {
  const m = parseTransform("translate(10,0) rotate(90) scale(2)");
  const p = apply(m, { x: 1, y: 0 });
  assert.ok(Math.abs(p.x - 10) < 1e-12 && Math.abs(p.y - 2) < 1e-12);
  const r = apply(parseTransform("rotate(180, 5, 5)"), { x: 0, y: 0 });
  assert.ok(Math.abs(r.x - 10) < 1e-12 && Math.abs(r.y - 10) < 1e-12);
});

test("separating axes: overlap depth of boxes, a rotated box, a segment and a point", () => {
  const square = (x: number, y: number, s: number) => [
    { x, y },
    { x: x + s, y },
    { x: x + s, y: y + s },
    { x, y: y + s },
  ];
  assert.equal(overlapDepth(square(0, 0, 10), square(7, 2, 10)), 3);
  assert.ok(overlapDepth(square(0, 0, 10), square(12, 0, 10)) < 0);
  // a diamond whose corner stops 1 short of the square's corner region: apart, though the boxes overlap
  const diamond = [
    { x: 16, y: 11 },
    { x: 21, y: 16 },
    { x: 16, y: 21 },
    { x: 11, y: 16 },
  ];
  assert.ok(overlapDepth(square(0, 0, 10), diamond) < 0);
  assert.ok(
    overlapDepth(
      [
        { x: -5, y: 5 },
        { x: 15, y: 5 },
      ],
      square(0, 0, 10),
    ) >= 0,
  );
  assert.ok(
    overlapDepth(
      [
        { x: -5, y: 15 },
        { x: 15, y: 15 },
      ],
      square(0, 0, 10),
    ) < 0,
  );
  assert.ok(
    overlapDepth(
      [
        { x: 5, y: 5 },
        { x: 5, y: 5 },
      ],
      square(0, 0, 10),
    ) >= 0,
  );
  assert.ok(
    overlapDepth(
      [
        { x: -1, y: 5 },
        { x: -1, y: 5 },
      ],
      square(0, 0, 10),
    ) < 0,
  );
});

test("path outlines: relative commands, H/V, close, and an arc's extreme points", () => {
  const [line] = pathPolylines("M10,10h5v5l-5,0z");
  assert.deepEqual(line, [
    { x: 10, y: 10 },
    { x: 15, y: 10 },
    { x: 15, y: 15 },
    { x: 10, y: 15 },
    { x: 10, y: 10 },
  ]);
  // d3's circle symbol: two half-circle arcs of radius 4
  const circle = pathPolylines("M4,0A4,4,0,1,1,-4,0A4,4,0,1,1,4,0").flat();
  const ys = circle.map((p) => p.y);
  assert.ok(Math.abs(Math.min(...ys) + 4) < 0.1 && Math.abs(Math.max(...ys) - 4) < 0.1);
  assert.throws(() => pathPolylines("M0,0Q1"), /bad path data/);
});

test("layout: nested viewports, inline font sizes over attributes, em offsets, tspan lines", () => {
  const doc = svg(
    200,
    200,
    `<svg x="20" y="30" width="100" height="100" viewBox="0 0 50 50" font-size="10" style="font-size:8px;overflow:visible">` +
      `<text x="5" y="1em">ab</text></svg>` +
      `<text x="0" y="100" font-size="10"><tspan x="0" dy="0.71em">one</tspan><tspan x="0" dy="1em">two</tspan></text>`,
  );
  const l = layoutSvg(doc);
  const [ab, one, two] = l.texts;
  assert.equal(ab.fontSize, 16); // 8px scaled 2×
  assert.ok(Math.abs(ab.box.x0 - 30) < 1e-9); // 20 + 2·5
  assert.ok(Math.abs(ab.box.y0 - (30 + 2 * (8 - ASCENT_EM * 8))) < 1e-9); // baseline 1em = 8 user units
  assert.equal(one.text, "one");
  assert.ok(Math.abs(two.box.y0 - one.box.y0 - 10) < 1e-9);
});

test("contrast ratio: WCAG values for black on white and yellow on white", () => {
  assert.ok(Math.abs(contrastRatio("#000000", "#ffffff") - 21) < 1e-9);
  assert.ok(contrastRatio("#f0e442", "#ffffff") < 1.4);
  assert.ok(contrastRatio("#0072b2", "#ffffff") > 4.5);
});

/** A Plot-shaped panel: a frame and marks with Plot's aria-labels. */
const panel = (marks: string) =>
  svg(
    300,
    200,
    `<svg x="0" y="0" width="300" height="200" class="plot-abc123" font-size="11" style="overflow:visible">` +
      `${marks}<rect aria-label="frame" x="40" y="20" width="240" height="150" fill="none" stroke="#999"/></svg>`,
  );
const ticks = (axis: "x" | "y", n: number) =>
  `<g aria-label="${axis}-axis tick label">${Array.from({ length: n }, (_, i) =>
    axis === "x"
      ? `<text text-anchor="middle" transform="translate(${60 + 60 * i},185)">${i}</text>`
      : `<text text-anchor="end" transform="translate(35,${160 - 40 * i})" y="0.32em">${i}</text>`,
  ).join("")}</g>`;
const axes = ticks("x", 3) + ticks("y", 3);

test("each rule passes a clean figure and fails one that breaks it", () => {
  const clean = panel(
    `${axes}<g aria-label="line"><path d="M50,100L200,60" stroke="#0072B2" fill="none"/></g>` +
      `<g aria-label="dot" fill="#009E73"><circle cx="100" cy="100" r="3"/></g>`,
  );
  const legend = `<line x1="0" y1="5" x2="10" y2="5" stroke="#0072B2"/><circle cx="20" cy="5" r="3" fill="#009E73"/>`;
  const withLegend = (s: string) => s.replace("</svg></svg>", `</svg>${legend}</svg>`);
  assert.deepEqual(checkFigure(withLegend(clean)), []);
  // two colours and no legend: which is which?
  assert.deepEqual(rules(checkFigure(clean)), ["colour-legend"]);
  // one colour alone encodes nothing, and a label in a mark's colour names it
  assert.deepEqual(checkFigure(clean.replace("#009E73", "#0072B2")), []);
  const labelled = clean.replace(
    "</svg></svg>",
    `<g aria-label="text"><text fill="#009E73" transform="translate(110,140)">green dot</text></g><rect aria-label="frame" x="40" y="20" width="240" height="150" fill="none" stroke="#999"/></svg></svg>`,
  );
  assert.deepEqual(
    rules(
      checkFigure(
        labelled.replace("</svg></svg>", `</svg><line x1="0" y1="5" x2="10" y2="5" stroke="#0072B2"/></svg>`),
      ),
    ),
    [],
  );
  const cases: [FigureRule, string][] = [
    ["text-overlap", `${axes}<text transform="translate(62,185)">long overlapping label</text>`],
    ["outside-figure", `${axes}<text transform="translate(280,100)">runs off the right edge</text>`],
    [
      "outside-frame",
      `${axes}<g aria-label="vector"><path d="M0,0L0,-10" transform="translate(38,100)" stroke="#777"/></g>`,
    ],
    [
      "outside-frame",
      `${axes}<g aria-label="rule" stroke="#777"><line x1="100" x2="100" y1="20" y2="90"/></g>`,
    ],
    ["axis-ticks", `${ticks("x", 2)}${ticks("y", 3)}`],
    [
      "hidden-mark",
      `${axes}<g aria-label="dot" fill="#0072B2"><circle cx="100" cy="100" r="3"/></g><g aria-label="dot" fill="#D55E00"><circle cx="100" cy="100" r="4"/></g>`,
    ],
    [
      "label-overprinted",
      `${axes}<g aria-label="text"><text transform="translate(100,100)">label</text></g><g aria-label="line"><path d="M90,97L150,97" stroke="#777" fill="none"/></g>`,
    ],
    [
      "low-contrast",
      `${axes}<g aria-label="line"><path d="M50,100L200,60" stroke="#F0E442" fill="none"/></g>`,
    ],
  ];
  for (const [rule, marks] of cases) {
    const found = rules(
      checkFigure(
        withLegend(panel(marks)).replace(
          legend,
          `${legend}<rect x="0" y="0" width="5" height="5" fill="#D55E00"/><rect x="0" y="0" width="5" height="5" fill="#F0E442"/>`,
        ),
      ),
    );
    assert.ok(found.includes(rule), `${rule}: found ${found.join(", ")}`);
  }
});

test("colour legend: a field of many colours needs a ramp with three labelled ticks", () => {
  const colours = ["#440154", "#3b528b", "#21918c", "#5ec962", "#b5de2b", "#fde725"];
  const cells = `<g aria-label="rect">${colours.map((c, i) => `<rect x="${50 + 30 * i}" y="40" width="30" height="30" fill="${c}"/>`).join("")}</g>`;
  const ramp = (n: number) =>
    `<defs><linearGradient id="g"><stop offset="0" stop-color="#440154"/><stop offset="0.5" stop-color="#21918c"/><stop offset="1" stop-color="#fde725"/></linearGradient></defs>` +
    `<rect x="40" y="5" width="120" height="8" fill="url(#g)"/>` +
    Array.from(
      { length: n },
      (_, i) => `<text x="${40 + 60 * i}" y="24" font-size="9" text-anchor="middle">${i}</text>`,
    ).join("");
  const figure = (n: number) => panel(axes + cells).replace("</svg></svg>", `</svg>${ramp(n)}</svg>`);
  assert.deepEqual(rules(checkFigure(figure(2))), ["colour-legend"]);
  assert.deepEqual(checkFigure(figure(3)), []);
  // a legend beside the SVG (the lab's Plot legends) counts as well
  assert.deepEqual(checkFigure(figure(0), { rampTicks: 5 }), []);
});

const BEFORE_DIR = fileURLToPath(new URL("./check-fixtures/", import.meta.url));

/**
 * Figures of the quick report (seed 1) as they were before the figure fixes of issue 15, with
 * the defect the issue names for each; the check must find it.
 */
const BEFORE: Record<string, { rule: FigureRule; match: RegExp }[]> = {
  "ding-yu-chen": [{ rule: "hidden-mark", match: /dot of colour #0072b2 under dots of #d55e00/ }],
  "du-sensitivity-anorm": [{ rule: "axis-ticks", match: /x axis has 1 labelled tick/ }],
  "tian-noisy": [{ rule: "text-overlap", match: /"K=10, noise 0.1" overlaps "K and noise level"/ }],
  "tian-fig3-theta": [{ rule: "outside-frame", match: /rule .* ends on the top or bottom of the frame/ }],
  "du-success-heatmap": [
    { rule: "label-overprinted", match: /a line is drawn across the label "1.00"/ },
    { rule: "colour-legend", match: /no colour ramp/ },
  ],
  "du-success-intervals": [{ rule: "hidden-mark", match: /rule of colour .* under dots/ }],
  "tian-critical-free": [
    { rule: "colour-legend", match: /contour encodes a number/ },
    { rule: "label-overprinted", match: /marker lies under the label "critical point"/ },
  ],
  "tian-field-k2": [{ rule: "outside-frame", match: /vector .* lies outside the frame/ }],
};

test("the check fails the report's figures as they were before the fixes, each for its defect", () => {
  const files = readdirSync(BEFORE_DIR).filter((f) => f.endsWith(".svg"));
  assert.deepEqual(files.map((f) => f.replace(/\.svg$/, "")).sort(), Object.keys(BEFORE).sort());
  for (const file of files) {
    const name = file.replace(/\.svg$/, "");
    const problems = checkFigure(readFileSync(`${BEFORE_DIR}${file}`, "utf8"));
    for (const expected of BEFORE[name])
      assert.ok(
        problems.some((p) => p.rule === expected.rule && expected.match.test(p.message)),
        `${name}: expected ${expected.rule} ${expected.match}; found\n${problems.map((p) => `${p.rule}: ${p.message}`).join("\n")}`,
      );
  }
});

test("every figure builder's fixture passes the check", () => {
  const failures: string[] = [];
  for (const [name, make] of Object.entries(fixtureFigures))
    for (const p of checkFigure(make().svg)) failures.push(`${name}: ${p.rule}: ${p.message}`);
  assert.deepEqual(failures, []);
});
