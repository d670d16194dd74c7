/**
 * The lab in a lecture (issue 15, items 5–7), end to end in chromium: a diverged run says where it
 * diverged and prints no placeholder, a step at or above the stability bound is warned about as the
 * CLI does, p = 1 renders, a click on the CNN landscape starts a run there, the outcome appears only
 * when the animation reaches it (at the chosen speed), the figures follow the window's width, the
 * status line says when the figures no longer match the controls, and the About page links the
 * papers and the docs pages that the built site ships.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { cnnRun } from "../../lab/compute/cnn.js";
import { encodeHash } from "../../lab/hash.js";
import { defaultState, type LabState } from "../../lab/state.js";
import { fmt } from "../../lab/ui.js";
import { cnnStabilityBound } from "../../src/models/cnn/protocol.js";
import { type Lab, labState, pageErrors, startLab } from "./harness.js";

let lab: Lab;

function cnnPage(cnn: Partial<LabState["cnn"]>): Promise<Page> {
  const s = defaultState();
  return lab.newPage(encodeHash({ ...s, view: "cnn", cnn: { ...s.cnn, ...cnn } }));
}

async function setNumber(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
  await page.locator(selector).press("Enter");
  await page.locator(selector).blur();
}

/** The slice's y tick labels as numbers. */
async function sliceYTicks(page: Page): Promise<number[]> {
  const texts = await page.locator('#cnn-slice svg g[aria-label="y-axis tick label"] text').allTextContents();
  return texts.map((t) => Number(t.replace("−", "-")));
}

describe("the lab in a lecture", { timeout: 900_000 }, () => {
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab?.close();
  });

  test("a diverged run: 'diverged at step t', no placeholder numbers, a landscape axis on the slice's scale, and the CLI's stability warning", async () => {
    const eta = 0.5;
    const expected = cnnRun({ ...defaultState().cnn, eta });
    assert.equal(expected.outcome, "diverged");
    assert.equal(expected.final, null);
    const page = await cnnPage({ eta });
    const warning = page.locator("#cnn-notes .warning");
    await warning.waitFor();
    const bound = cnnStabilityBound(25);
    assert.ok(eta >= bound);
    assert.equal(
      await warning.innerText(),
      `Warning: η = 0.5 is at or above the stability bound 4π/(k+π−1) = ${fmt(bound, 4)}: the a-layer of GD diverges.`,
    );
    await page.locator("#cnn-start-phi").waitFor();
    await page.locator("#cnn-end").click();
    assert.equal(await page.locator("#cnn-outcome").innerText(), "diverged");
    assert.equal(await page.locator("#cnn-diverged-at").innerText(), String(expected.divergedAt));
    assert.equal(await page.locator("#cnn-final-loss").count(), 0);
    const text = await page.locator("#panel").innerText();
    assert.doesNotMatch(text, /1\.79769e\+308|Infinity|NaN/);
    const ticks = await sliceYTicks(page);
    assert.ok(ticks.length >= 3 && ticks.every((v) => Math.abs(v) < 10), `slice ticks ${ticks}`);
    // a stable step: no warning
    await setNumber(page, "#cnn-eta", "0.2");
    await page.waitForFunction(() => document.querySelectorAll("#cnn-notes .warning").length === 0);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("p = 1 validates and renders: the slice, the run and its outcome", async () => {
    const page = await cnnPage({ p: 1 });
    await page.locator("#cnn-slice svg").last().waitFor();
    await page.locator("#cnn-end").click();
    assert.equal(
      await page.locator("#cnn-outcome").innerText(),
      cnnRun({ ...defaultState().cnn, p: 1 }).outcome,
    );
    assert.doesNotMatch(await page.locator("#cnn-status").innerText(), /cannot run/);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("the outcome is revealed when the animation reaches it, at the chosen speed", async () => {
    const page = await cnnPage({});
    await page.locator("#cnn-outcome-pending").waitFor();
    await page.locator("#cnn-speed").selectOption("3");
    assert.equal(await page.locator("#cnn-outcome").count(), 0, "not before the end");
    const started = Date.now();
    await page.locator("#cnn-outcome").waitFor({ timeout: 30_000 });
    const last = cnnRun(defaultState().cnn).trajectory.step.at(-1);
    assert.match(await page.locator("#cnn-status").innerText(), new RegExp(`^t = ${last}:`));
    assert.ok(Date.now() - started < 20_000);
    // Reset goes back to t = 0 but the outcome, once reached, stays
    await page.locator("#cnn-reset").click();
    assert.match(await page.locator("#cnn-status").innerText(), /^t = 0:/);
    assert.equal(await page.locator("#cnn-outcome").count(), 1);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("a click on the CNN landscape starts a run there", async () => {
    const page = await cnnPage({});
    await page.locator("#cnn-start-phi").waitFor();
    const box = await page.locator("#cnn-slice svg").last().boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.7);
    await page.waitForFunction(
      () => document.querySelector("#cnn-start-kind")?.textContent === "chosen on the landscape",
    );
    const state = await labState<LabState>(page);
    assert.equal(state.cnn.start.length, 2);
    const [phi, c] = state.cnn.start as [number, number];
    assert.ok(phi > Math.PI / 2 && phi < Math.PI, `φ₀ = ${phi}`);
    assert.equal(await page.locator("#cnn-start-phi").innerText(), fmt(cnnRun(state.cnn).start.phi));
    assert.ok(Math.abs(cnnRun(state.cnn).start.aDotAstar - c) < 1e-9);
    assert.match(await page.locator("#minima-cnn-command").innerText(), /no command-line equivalent/);
    await page.locator("#cnn-random-start").click();
    await page.waitForFunction(
      () => document.querySelector("#cnn-start-kind")?.textContent === "drawn from seed and trial",
    );
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("the figures follow the window's width, and a refused field makes the status line say the figures are older", async () => {
    const page = await cnnPage({});
    await page.locator("#cnn-start-phi").waitFor();
    const wide = Number(await page.locator("#cnn-slice svg").last().getAttribute("width"));
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector("#cnn-slice svg:last-of-type")?.getAttribute("width")) < before - 100,
      wide,
    );
    const column = await page.evaluate(() => document.querySelector("#view-cnn .figures")?.clientWidth ?? 0);
    const narrow = Number(await page.locator("#cnn-slice svg").last().getAttribute("width"));
    assert.ok(Math.abs(narrow - column) <= 2, `slice ${narrow} px in a ${column} px column`);
    await setNumber(page, "#cnn-k", "-4");
    assert.match(
      await page.locator("#cnn-status").innerText(),
      /^not recomputed: patches k must be a whole number from 1 to 400; the figures show the last valid settings/,
    );
    await setNumber(page, "#cnn-k", "9");
    await page.waitForFunction(
      () => !/not recomputed/.test(document.querySelector("#cnn-status")?.textContent ?? ""),
    );
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("the About page links the four papers on arXiv and docs pages that the site serves", async () => {
    const page = await lab.newPage(encodeHash({ ...defaultState(), view: "about" }));
    const papers = await page
      .locator("#about-papers a[href*='arxiv.org']")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const id of ["1712.00779", "1703.00560", "1911.01413", "1712.08968"])
      assert.ok(papers.includes(`https://arxiv.org/abs/${id}`), id);
    const docs = await page
      .locator("#view-about a[href^='docs/']")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(docs.length >= 8);
    for (const href of docs) {
      const ok = await page.evaluate(async (url) => (await fetch(url)).ok, href);
      assert.ok(ok, href);
    }
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });
});
