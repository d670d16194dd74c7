/**
 * The Spurious-minima view end to end in chromium: the counts and families on screen equal the
 * library's and the command line's, the heat map shows the selected family's W with its negative
 * entry outlined, a long run cancels, the controls write the link, and a link with one bad field
 * keeps the rest.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import {
  hasFamilies,
  mergeRuns,
  spuriousFamilies,
  spuriousOutcomes,
  spuriousRuns,
} from "../../lab/compute/spurious.js";
import { encodeHash } from "../../lab/hash.js";
import { defaultState, type LabState, type SpuriousState } from "../../lab/state.js";
import { fmt } from "../../lab/ui.js";
import { weightMatrix } from "../../lab/views/spurious/heat-map.js";
import { proofText } from "../../lab/views/spurious/output.js";
import { runCli } from "../helpers/cli.js";
import { type Lab, labState, pageErrors, SCREENSHOTS, startLab } from "./harness.js";

let lab: Lab;

function library(state: SpuriousState) {
  const runs = mergeRuns([
    spuriousRuns({ state, trials: Array.from({ length: state.runs }, (_, t) => t) }, () => {}),
  ]);
  const away = runs.filter((r) => r.outcome === "spurious" || r.outcome === "saddle");
  return {
    outcomes: spuriousOutcomes(runs),
    families: hasFamilies(runs) ? spuriousFamilies({ state, runs: away }) : [],
  };
}

const running = (page: Page) =>
  page.evaluate(() => (window as unknown as { minimaLab: { running(): number } }).minimaLab.running());

async function open(spurious: Partial<SpuriousState>): Promise<Page> {
  const s = defaultState();
  const page = await lab.newPage(
    encodeHash({ ...s, view: "spurious", spurious: { ...s.spurious, ...spurious } }),
  );
  return page;
}

async function waitDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    /^done/.test(document.querySelector("#ss-progress-text")?.textContent ?? ""),
  );
}

describe("Spurious-minima view in chromium", { timeout: 600_000 }, () => {
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab?.close();
  });

  test("k = n = 6, 20 runs: the outcomes on screen equal the library's and the command line's", async () => {
    const state: SpuriousState = { ...defaultState().spurious, k: 6, runs: 20 };
    const page = await open(state);
    await waitDone(page);
    const expected = library(state);
    for (const [name, e] of Object.entries(expected.outcomes)) {
      const cells = await page.locator(`#ss-outcomes tr[data-outcome="${name}"] td`).allInnerTexts();
      assert.deepEqual(cells.slice(0, 2), [String(e.count), fmt(e.p, 4)], name);
    }
    const command = await page.locator("#minima-spurious-command").innerText();
    const cli = runCli([...command.split(" ").slice(1), "--workers", "1"]);
    assert.equal(cli.code, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout);
    for (const name of Object.keys(expected.outcomes)) {
      const shown = await page.locator(`#ss-outcomes tr[data-outcome="${name}"] td`).first().innerText();
      assert.equal(String(printed.outcomes[name].count), shown, name);
    }
    assert.match(
      await page.locator("#ss-headline").innerText(),
      new RegExp(`^P\\(spurious\\) = ${fmt(printed.outcomes.spurious.p, 4)}`),
    );
    assert.equal(printed.families.length, expected.families.length);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("k = n = 8, 40 runs: the families equal the library's, and the heat map shows the chosen family's W", async () => {
    const state: SpuriousState = { ...defaultState().spurious, k: 8, runs: 40, seed: 1 };
    const page = await open(state);
    await waitDone(page);
    const { families } = library(state);
    assert.ok(families.length > 0);
    assert.equal(await page.locator("#ss-families tr[data-family]").count(), families.length);
    for (const [i, f] of families.entries()) {
      const cells = await page.locator(`#ss-families tr[data-family="${i}"] td`).allInnerTexts();
      assert.deepEqual(cells.slice(1, 5), [f.outcome, String(f.count), fmt(f.loss, 6), fmt(8 * f.loss, 4)]);
      assert.equal(cells[9], proofText(f));
    }
    // The first spurious family is shown: one coloured cell per entry, its negative entries outlined.
    const shown = families.findIndex((f) => f.outcome === "spurious");
    assert.equal(
      await page.locator(`#ss-families button[data-family="${shown}"]`).getAttribute("aria-pressed"),
      "true",
    );
    assert.equal(await page.locator("#ss-weights svg g[aria-label=cell] rect title").count(), 64);
    const W = weightMatrix(families[shown], 8, 8);
    const negatives = await page.locator("#ss-negatives").innerText();
    for (const c of W.negatives)
      assert.ok(negatives.includes(`unit ${c.row + 1} on coordinate ${c.column + 1}`));
    assert.equal(
      await page.locator('#ss-weights svg g[stroke="black"][aria-label=cell] rect').count(),
      W.negatives.length,
    );
    assert.equal(await page.locator("#ss-weights svg linearGradient").count(), 1);
    await page.screenshot({ path: join(SCREENSHOTS, "spurious.png"), fullPage: true });
    if (families.length > 1) {
      const other = shown === 0 ? 1 : 0;
      await page.locator(`#ss-families button[data-family="${other}"]`).click();
      await page.waitForFunction(
        (n) => (document.querySelector("#ss-weights figcaption")?.textContent ?? "").includes(`family ${n}:`),
        other + 1,
      );
    }
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("a long run can be cancelled: its workers stop, the partial counts stay, the page stays responsive", async () => {
    const page = await open({ k: 20, runs: 10000 });
    await page.waitForFunction(() =>
      /^\d+ of 10000 runs/.test(document.querySelector("#ss-progress-text")?.textContent ?? ""),
    );
    assert.ok((await running(page)) > 0);
    await page.locator("#ss-cancel").click();
    assert.match(await page.locator("#ss-progress-text").innerText(), /^cancelled at \d+ of 10000 runs/);
    assert.equal(await running(page), 0);
    assert.equal(await page.locator("#ss-cancel").isDisabled(), true);
    await page.locator("#tab-about").click();
    await page.locator("#tab-spurious").click();
    await page.locator("#ss-k").waitFor();
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("the controls write the link; a link with one bad field keeps the others and names the bad one", async () => {
    const s = defaultState();
    const page = await lab.newPage(
      `${encodeHash({ ...s, view: "spurious", spurious: { ...s.spurious, runs: 6, seed: 4 } })}`.replace(
        "spurious.k=8",
        "spurious.k=99",
      ),
    );
    await page.locator("#notice").waitFor({ state: "visible" });
    assert.match(
      await page.locator("#notice").innerText(),
      /Spurious minima view, teacher width k: the link gives “99”/,
    );
    let state = await labState<LabState>(page);
    assert.deepEqual(state.spurious, { ...s.spurious, runs: 6, seed: 4 });
    assert.equal(await page.locator("#ss-runs").inputValue(), "6");
    await waitDone(page);
    await page.locator("#ss-n-mode").selectOption("plus-one");
    assert.equal(await page.locator("#ss-n").inputValue(), "9");
    assert.equal(await page.locator("#ss-n").isDisabled(), true);
    assert.match(await page.evaluate(() => location.hash), /spurious\.nMode=plus-one/);
    assert.match(await page.locator("#minima-spurious-command").innerText(), /--K 9 --Kstar 8 /);
    await page.locator("#ss-n-mode").selectOption("free");
    assert.equal(await page.locator("#ss-n").isDisabled(), false);
    await page.locator("#ss-init").selectOption("normal");
    await page.locator("#ss-initStd").fill("0.3");
    await page.locator("#ss-initStd").press("Enter");
    state = await labState<LabState>(page);
    assert.deepEqual(
      [state.spurious.nMode, state.spurious.n, state.spurious.init, state.spurious.initStd],
      ["free", 9, "normal", 0.3],
    );
    assert.match(await page.locator("#minima-spurious-command").innerText(), /--init normal --init-std 0.3 /);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });
});
