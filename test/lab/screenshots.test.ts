/**
 * Screenshots of every lab view at 1400 px and at phone width (390 px), and of the CNN view in
 * presentation mode, into test/lab/screenshots/ (git-ignored) for a person to look at. Each view is
 * checked on the way: its figures are drawn, no figure text is smaller than 14 px on screen, the page
 * does not scroll sideways, and nothing throws.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { encodeHash } from "../../lab/hash.js";
import { defaultState, type LabState } from "../../lab/state.js";
import { views } from "../../lab/views/registry.js";
import { type Lab, pageErrors, SCREENSHOTS, startLab } from "./harness.js";

let lab: Lab;

/** Small settings so that every view finishes in seconds. */
function quickState(view: LabState["view"]): LabState {
  const s = defaultState();
  return {
    ...s,
    view,
    basins: { ...s.basins, resolution: 12 },
    probability: { ...s.probability, ks: [9, 25], ratios: [0, 1, 4, 9], trials: 20 },
    ding: { ...s.ding, widths: [4], samples: 6 },
    spurious: { ...s.spurious, k: 8, runs: 40 },
  };
}

/** Waits until no computation runs and every animation has ended. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { minimaLab: { running(): number } }).minimaLab.running() === 0,
    null,
    { timeout: 300_000 },
  );
  const end = page.locator("#cnn-end");
  if ((await end.count()) > 0 && (await end.isVisible())) await end.click();
  await page.waitForTimeout(400);
}

/** The smallest figure text on screen, in CSS px (font size times the SVG's display scale). */
export async function smallestFigureText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    for (const svg of document.querySelectorAll<SVGSVGElement>("figure.figure svg")) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      let outer = svg;
      while (outer.ownerSVGElement) outer = outer.ownerSVGElement;
      const view = outer.viewBox.baseVal;
      const scale = view && view.width > 0 ? outer.getBoundingClientRect().width / view.width : 1;
      for (const text of svg.querySelectorAll("text")) {
        if (!text.textContent?.trim() || text.getAttribute("visibility") === "hidden") continue;
        if (text.closest("[visibility=hidden]")) continue;
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
      }
    }
    return smallest;
  });
}

describe("screenshots of every view at 1400 px and 390 px", { timeout: 900_000 }, () => {
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab?.close();
  });

  for (const width of [1400, 390]) {
    for (const view of views) {
      test(`${view.id} at ${width} px`, async () => {
        const page = await lab.newPage(encodeHash(quickState(view.id)));
        await page.setViewportSize({ width, height: 900 });
        await settled(page);
        await page.screenshot({ path: join(SCREENSHOTS, `${view.id}-${width}.png`), fullPage: true });
        if (view.id !== "about") {
          assert.ok((await page.locator("figure.figure svg").count()) > 0, "a figure is drawn");
          const smallest = await smallestFigureText(page);
          assert.ok(smallest >= 13.9, `the smallest figure text is ${smallest.toFixed(1)} px`);
        }
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(sideways <= 1, `the page scrolls ${sideways} px sideways`);
        assert.deepEqual(pageErrors(page), []);
        await page.close();
      });
    }
  }

  test("presentation mode at 1400 px: larger type, controls folded, figures redrawn", async () => {
    const page = await lab.newPage(encodeHash({ ...quickState("cnn"), presentation: "on" }));
    await settled(page);
    assert.equal(
      await page.evaluate(() => document.documentElement.classList.contains("presentation")),
      true,
    );
    assert.equal(await page.locator("#cnn-k").isVisible(), false, "the controls start folded");
    assert.ok((await smallestFigureText(page)) >= 19.9);
    await page.screenshot({ path: join(SCREENSHOTS, "cnn-presentation-1400.png"), fullPage: true });
    await page.locator("#cnn-controls-toggle").click();
    assert.equal(await page.locator("#cnn-k").isVisible(), true, "the toggle opens the controls");
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });
});
