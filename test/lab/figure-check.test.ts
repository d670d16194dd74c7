/**
 * The figure check (src/figures/check/) on the lab's figures: every view opened in chromium in
 * its default state, each drawn figure's SVG taken from the page and checked in Node, with the
 * legends the lab draws beside a figure (Plot's colour ramps, swatch lists) counted as its legend.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { encodeHash } from "../../lab/hash.js";
import { defaultState, type LabState } from "../../lab/state.js";
import { views } from "../../lab/views/registry.js";
import { checkFigure, type ExternalLegend } from "../../src/figures/check/figure-check.js";
import { type Lab, pageErrors, startLab } from "./harness.js";

let lab: Lab;

interface PageFigure {
  readonly id: string;
  readonly svg: string;
  readonly legend: ExternalLegend;
}

/** Waits until no computation runs and the view's figures are drawn (the same for two polls). */
async function settle(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (view) => {
      const lab = (window as unknown as { minimaLab: { running(): number } }).minimaLab;
      const panel = document.querySelector(`[data-view="${view}"]`) ?? document;
      return lab.running() === 0 && panel.querySelectorAll(".figure svg").length > 0;
    },
    id,
    { timeout: 300_000 },
  );
  let previous = "";
  for (;;) {
    await page.waitForTimeout(500);
    const now = await page.evaluate(
      () => document.querySelectorAll(".figure svg").length + document.body.innerHTML.length,
    );
    if (String(now) === previous) return;
    previous = String(now);
  }
}

/** The visible figures of the page: each figure's own SVG and what its legend beside it shows. */
async function pageFigures(page: Page): Promise<PageFigure[]> {
  return page.evaluate(() => {
    const serializer = new XMLSerializer();
    const out: { id: string; svg: string; legend: { colours: string[]; rampTicks: number } }[] = [];
    for (const figure of document.querySelectorAll<HTMLElement>("figure.figure")) {
      if (figure.offsetParent === null) continue;
      const svgs = [...figure.querySelectorAll<SVGSVGElement>(":scope > svg")];
      const main = svgs[svgs.length - 1];
      if (!main) continue;
      const colours: string[] = [];
      let rampTicks = 0;
      // everything in the figure but its own plot is legend: swatches (HTML or SVG) and ramps
      for (const node of figure.querySelectorAll<HTMLElement | SVGElement>("*")) {
        if (main.contains(node)) continue;
        if (node instanceof HTMLElement && node.classList.contains("swatch"))
          colours.push(getComputedStyle(node).backgroundColor);
        const fill = node.getAttribute("fill");
        if (fill && !fill.startsWith("url(")) colours.push(fill);
        if (node instanceof SVGSVGElement && /-ramp\b/.test(node.getAttribute("class") ?? ""))
          rampTicks = Math.max(rampTicks, node.querySelectorAll("text").length);
      }
      out.push({ id: figure.id, svg: serializer.serializeToString(main), legend: { colours, rampTicks } });
    }
    return out;
  });
}

describe("the lab's figures pass the figure check", { timeout: 900_000 }, () => {
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab?.close();
  });

  for (const view of views) {
    if (view.id === "about") continue;
    test(`${view.id} view, default state`, async () => {
      const state: LabState = { ...defaultState(), view: view.id };
      const page = await lab.newPage(encodeHash(state));
      await settle(page, view.id);
      const figures = await pageFigures(page);
      assert.ok(figures.length > 0, "the view draws a figure");
      const problems = figures.flatMap((f) =>
        checkFigure(f.svg, f.legend).map((p) => `${f.id}: ${p.rule}: ${p.message}`),
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });
  }
});
