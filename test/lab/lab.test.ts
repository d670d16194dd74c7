/**
 * Minima Lab end to end: the built site in chromium. Every view loads, controls change results,
 * links restore state, a bad hash shows the notice, long computations cancel, and the numbers on
 * screen equal the library's for the same inputs.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { cnnRun } from "../../lab/compute/cnn.js";
import { cnnBasins } from "../../lab/compute/cnn-basins.js";
import { dingRun } from "../../lab/compute/ding.js";
import { runCell } from "../../lab/compute/probability.js";
import { tianRun } from "../../lab/compute/tian.js";
import { encodeHash } from "../../lab/hash.js";
import { defaultState, type LabState } from "../../lab/state.js";
import { fmt } from "../../lab/ui.js";
import { runCli } from "../helpers/cli.js";
import { type Lab, labState, pageErrors, SCREENSHOTS, startLab } from "./harness.js";

let lab: Lab;

describe("Minima Lab in chromium", { timeout: 600_000 }, () => {
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab?.close();
  });

  test("a bad hash gives its bad fields their defaults, keeps the rest, says what was wrong in plain words and keeps the address until something changes", async () => {
    const typed = "#view=about&cnn.eta=0.3&cnn.k=-3&nonsense=1";
    const page = await lab.newPage(typed);
    const notice = page.locator("#notice");
    await notice.waitFor({ state: "visible" });
    const text = await notice.innerText();
    assert.match(text, /could not be used/);
    assert.match(
      text,
      /CNN view, patches k: the link gives “-3”, but it must be a whole number from 1 to 400; using 25 instead/,
    );
    assert.match(text, /“nonsense” is not a setting of the lab/);
    assert.doesNotMatch(text, /expected|Too small|>=/, "no raw validator text");
    const state = await labState(page);
    const kept = { ...defaultState(), view: "about" as const, cnn: { ...defaultState().cnn, eta: 0.3 } };
    assert.deepEqual(state, kept);
    assert.equal(
      await page.evaluate(() => location.hash),
      typed,
      "the mistyped link stays in the address bar",
    );
    await page.screenshot({ path: join(SCREENSHOTS, "bad-hash.png") });
    await page.locator("#tab-tian").click();
    assert.equal(await page.evaluate(() => location.hash), encodeHash({ ...kept, view: "tian" }));
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("a shared link restores the state exactly and shows no notice", async () => {
    const s = defaultState();
    const shared = { ...s, view: "about" as const, cnn: { ...s.cnn, eta: 0.1 + 0.2, k: 36 } };
    const page = await lab.newPage(encodeHash(shared));
    assert.deepEqual(await labState(page), shared);
    assert.equal(await page.locator("#notice").isVisible(), false);
    await page.close();
  });

  test("CNN view: the readout equals the library's trial, and changing k changes it", async () => {
    const s = defaultState();
    const page = await lab.newPage(encodeHash({ ...s, view: "cnn" }));
    await page.locator("#cnn-start-phi").waitFor();
    await page.locator("#cnn-end").click();
    const expected = cnnRun(s.cnn);
    assert.ok(expected.final);
    assert.equal(await page.locator("#cnn-outcome").innerText(), expected.outcome);
    assert.equal(await page.locator("#cnn-steps-run").innerText(), String(expected.steps));
    assert.equal(await page.locator("#cnn-final-loss").innerText(), fmt(expected.final.loss));
    assert.equal(await page.locator("#cnn-start-phi").innerText(), fmt(expected.start.phi));
    assert.equal(await page.locator("#cnn-threshold").innerText(), fmt(expected.threshold));
    assert.ok((await page.locator("#cnn-slice svg").count()) >= 1, "the slice figure is drawn");
    await page.locator("#cnn-reset").click();
    await page.locator("#cnn-step").click();
    assert.match(await page.locator("#cnn-status").innerText(), /^t = \d+/);
    await page.screenshot({ path: join(SCREENSHOTS, "cnn.png"), fullPage: true });

    await setNumber(page, "#cnn-k", "36");
    const changed = cnnRun({ ...s.cnn, k: 36 });
    await page.waitForFunction(
      (text) => document.querySelector("#cnn-threshold")?.textContent === text,
      fmt(changed.threshold),
    );
    await page.locator("#cnn-end").click();
    assert.ok(changed.final);
    assert.equal(await page.locator("#cnn-final-loss").innerText(), fmt(changed.final.loss));
    assert.equal((await labState<LabState>(page)).cnn.k, 36);
    assert.match(await page.evaluate(() => location.hash), /cnn\.k=36/);
    // The command line shown, run through the real CLI, prints the same run.
    const command = await page.locator("#minima-cnn-command").innerText();
    const cli = runCli(command.split(" ").slice(1));
    assert.equal(cli.code, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout);
    assert.equal(printed.outcome, changed.outcome);
    assert.equal(printed.steps, changed.steps);
    assert.equal(fmt(printed.loss), await page.locator("#cnn-final-loss").innerText());
    assert.equal(fmt(printed.phi0), await page.locator("#cnn-start-phi").innerText());
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("CNN view: an impossible teacher (ratio above k) gives the library's message, not a blank page", async () => {
    const s = defaultState();
    const page = await lab.newPage(encodeHash({ ...s, view: "cnn", cnn: { ...s.cnn, k: 2, ratio: 4 } }));
    await page.waitForFunction(() =>
      /^cannot run/.test(document.querySelector("#cnn-status")?.textContent ?? ""),
    );
    assert.match(await page.locator("#cnn-status").innerText(), /ratio: must be .*\[0, k\] = \[0, 2\]/);
    await setNumber(page, "#cnn-ratio", "1");
    await page.locator("#cnn-start-phi").waitFor();
    await page.locator("#cnn-end").click();
    assert.equal(
      await page.locator("#cnn-outcome").innerText(),
      cnnRun({ ...s.cnn, k: 2, ratio: 1 }).outcome,
    );
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("Basins view: the outcome counts equal the library's for the same grid, and the resolution control refills it", async () => {
    const s = defaultState();
    const state: LabState = {
      ...s,
      view: "basins",
      cnn: { ...s.cnn, ratio: 1 },
      basins: { ...s.basins, resolution: 12 },
    };
    const page = await lab.newPage(encodeHash(state));
    await page.waitForFunction(() =>
      /^done/.test(document.querySelector("#basins-progress-text")?.textContent ?? ""),
    );
    const rows = Array.from({ length: 12 }, (_, j) => j);
    const expected = cnnBasins({ cnn: state.cnn, basins: state.basins, rows }, () => {});
    for (const outcome of ["global", "spurious", "saddle", "unconverged", "diverged"]) {
      const count = expected.filter((c) => c.outcome === outcome).length;
      const shown = await page
        .locator(`#basins-fractions tr[data-outcome="${outcome}"] td`)
        .first()
        .innerText();
      assert.equal(shown, String(count), outcome);
    }
    assert.ok(
      expected.some((c) => c.outcome === "spurious"),
      "this teacher has a spurious basin",
    );
    assert.equal((await page.locator("#basins-figure svg rect[fill]").count()) >= 144, true);
    await page.screenshot({ path: join(SCREENSHOTS, "basins.png"), fullPage: true });
    await setNumber(page, "#basins-resolution", "8");
    await page.waitForFunction(
      () => document.querySelector("#basins-progress-text")?.textContent === "done: 64 starts",
    );
    assert.equal((await labState<LabState>(page)).basins.resolution, 8);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("Probability view: counts per cell equal the library's trials on the sweep's streams", async () => {
    const s = defaultState();
    const prob = { ...s.probability, ks: [9], ratios: [0, 1, 4], trials: 30 };
    const page = await lab.newPage(encodeHash({ ...s, view: "probability", probability: prob }));
    await page.waitForFunction(() =>
      /^done/.test(document.querySelector("#prob-progress-text")?.textContent ?? ""),
    );
    for (const ratio of prob.ratios) {
      const expected = runCell(prob, 9, ratio);
      const cells = await page.locator(`#prob-table tr[data-cell="9:${ratio}"] td`).allInnerTexts();
      assert.equal(cells[3], String(expected.counts.global ?? 0), `global at ratio ${ratio}`);
      assert.equal(cells[4], String(expected.counts.spurious ?? 0), `spurious at ratio ${ratio}`);
    }
    // The command line shown for a cell, run through the real CLI, prints the same counts.
    const commands = (await page.locator("#minima-probability-command").innerText()).split("\n");
    assert.equal(commands.length, 3);
    const args = commands[1].split(" ").slice(1);
    assert.deepEqual(args.slice(0, 4), ["cnn", "probability", "--k", "9"]);
    const cli = runCli([...args, "--workers", "1"]);
    assert.equal(cli.code, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout);
    const row = await page.locator('#prob-table tr[data-cell="9:1"] td').allInnerTexts();
    assert.equal(String(printed.global.count), row[3]);
    assert.equal(String(printed.spurious.count), row[4]);
    assert.equal(printed.trials, 30);
    await page.screenshot({ path: join(SCREENSHOTS, "probability.png"), fullPage: true });
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("a long sweep can be cancelled: its workers stop and the page stays responsive", async () => {
    const s = defaultState();
    const prob = { ...s.probability, ks: [25, 49, 81], ratios: [0, 1, 4, 9], trials: 10000 };
    const page = await lab.newPage(encodeHash({ ...s, view: "probability", probability: prob }));
    await page.waitForFunction(() =>
      /^\d+ of 120000 trials/.test(document.querySelector("#prob-progress-text")?.textContent ?? ""),
    );
    assert.ok(
      (await page.evaluate(() =>
        (window as unknown as { minimaLab: { running(): number } }).minimaLab.running(),
      )) > 0,
    );
    await page.locator("#prob-cancel").click();
    assert.match(await page.locator("#prob-progress-text").innerText(), /^cancelled at \d+ of 120000 trials/);
    assert.equal(
      await page.evaluate(() =>
        (window as unknown as { minimaLab: { running(): number } }).minimaLab.running(),
      ),
      0,
    );
    await page.locator("#tab-cnn").click();
    await page.locator("#cnn-start-phi").waitFor();
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("Tian view: each start's end point equals the library's, symmetric starts stop at the saddle, a click adds a start", async () => {
    const s = defaultState();
    const page = await lab.newPage(encodeHash({ ...s, view: "tian" }));
    await page.locator('#tian-table tr[data-run="2"]').waitFor();
    for (const [i, start] of s.tian.starts.entries()) {
      const run = tianRun(s.tian, start);
      const cells = await page.locator(`#tian-table tr[data-run="${i}"] td`).allInnerTexts();
      assert.equal(cells[1], `(${fmt(run.end[0])}, ${fmt(run.end[1])})`);
      assert.equal(cells[2], run.outcome);
    }
    assert.equal(await page.locator('#tian-table tr[data-run="1"] td').nth(2).innerText(), "saddle");
    // The command lines shown (one per start), run through the real CLI, end where the table says.
    const lines = (await page.locator("#minima-tian-command").innerText()).split("\n");
    assert.equal(lines.length, s.tian.starts.length);
    const cli = runCli(lines[1].split(" ").slice(1));
    assert.equal(cli.code, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout);
    const row = await page.locator('#tian-table tr[data-run="1"] td').allInnerTexts();
    assert.equal(`(${fmt(printed.final.x)}, ${fmt(printed.final.y)})`, row[1]);
    assert.equal(printed.limit, row[2]);
    await page.screenshot({ path: join(SCREENSHOTS, "tian.png"), fullPage: true });
    const box = await page.locator("#tian-figure svg").last().boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.locator('#tian-table tr[data-run="3"]').waitFor();
    const state = await labState<LabState>(page);
    assert.equal(state.tian.starts.length, 4);
    const [x, y] = state.tian.starts[3];
    assert.ok(x > 0 && x < 1.2 && y > -0.2 && y < 1, `clicked start (${x}, ${y}) lies in the plane shown`);
    await page.locator("#tian-add-broken").click();
    await page.locator('#tian-table tr[data-run="4"]').waitFor();
    const broken = tianRun(s.tian, [0.2, 0.199]);
    assert.equal(broken.outcome, "teacher", "a nearly symmetric start breaks the symmetry for K = 5");
    assert.equal(await page.locator('#tian-table tr[data-run="4"] td').nth(2).innerText(), broken.outcome);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("Ding view: the certificate, spectrum and verdict equal the library's; ReLU is outside the theorem", async () => {
    const s = defaultState();
    const ding = { ...s.ding, widths: [4], samples: 6 };
    const page = await lab.newPage(encodeHash({ ...s, view: "ding", ding }));
    await page.waitForFunction(() => document.querySelector("#ding-status")?.textContent === "done", null, {
      timeout: 30_000,
    });
    const expected = dingRun(ding);
    const c = expected.certificate;
    assert.ok(c);
    assert.match(
      await page.locator("#ding-verdict").innerText(),
      new RegExp(`^Verdict: ${expected.verdict}\\.`),
    );
    assert.equal(await page.locator("#ding-loss").innerText(), fmt(c.lossAtPoint));
    assert.equal(
      await page.locator("#ding-zero-modes").innerText(),
      `${c.zeroModes} (${c.predictedZeroModes})`,
    );
    assert.equal(await page.locator("#ding-index").innerText(), String(c.index));
    assert.equal(await page.locator("#ding-min-s").innerText(), fmt(c.minEigenvalueS));
    assert.equal(await page.locator("#ding-spectrum svg circle").count(), c.eigenvalues.length);
    // The command line shown, run through the real CLI, prints the same point.
    const cli = runCli((await page.locator("#minima-ding-command").innerText()).split(" ").slice(1));
    assert.equal(cli.code, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout);
    assert.equal(printed.verdict, expected.verdict);
    assert.equal(fmt(printed.lossAtPoint), await page.locator("#ding-loss").innerText());
    assert.equal(
      `${printed.zeroModes} (${printed.predictedZeroModes})`,
      await page.locator("#ding-zero-modes").innerText(),
    );
    await page.screenshot({ path: join(SCREENSHOTS, "ding.png"), fullPage: true });
    await page.locator("#ding-activation").selectOption("relu");
    await page.waitForFunction(() =>
      /outside the theorem/.test(document.querySelector("#ding-verdict")?.textContent ?? ""),
    );
    assert.equal((await labState<LabState>(page)).ding.activation, "relu");
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("CNN view: play animates the run frame by frame and pause stops it; editing the hash in place reloads the state", async () => {
    const s = defaultState();
    const page = await lab.newPage(
      encodeHash({ ...s, view: "cnn", cnn: { ...s.cnn, steps: 3000, ratio: 1, trial: 2 } }),
    );
    await page.locator("#cnn-start-phi").waitFor();
    await page.locator("#cnn-reset").click();
    const first = await page.locator("#cnn-status").innerText();
    assert.match(first, /^t = 0:/);
    await page.locator("#cnn-play").click();
    await page.waitForFunction((text) => document.querySelector("#cnn-status")?.textContent !== text, first);
    assert.equal(await page.locator("#cnn-play").innerText(), "Pause");
    await page.locator("#cnn-play").click();
    assert.equal(await page.locator("#cnn-play").innerText(), "Play");
    const paused = await page.locator("#cnn-status").innerText();
    await page.waitForTimeout(200);
    assert.equal(await page.locator("#cnn-status").innerText(), paused);
    await page.evaluate(
      (hash) => {
        location.hash = hash;
      },
      encodeHash({ ...s, view: "tian", tian: { ...s.tian, K: 3 } }),
    );
    await page.locator('#tian-table tr[data-run="0"]').waitFor();
    assert.equal((await labState<LabState>(page)).tian.K, 3);
    assert.equal(await page.locator("#tian-K").inputValue(), "3");
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("exports: the figure as SVG and PNG and the data as JSON and CSV hold what is on screen", async () => {
    const s = defaultState();
    const page = await lab.newPage(encodeHash({ ...s, view: "cnn" }));
    await page.locator("#cnn-start-phi").waitFor();
    await page.locator("#cnn-end").click();
    const save = async (kind: string) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`[data-export="${kind}"]`).click(),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const svg = await save("svg");
    assert.equal(svg.name, "minima-cnn.svg");
    const svgText = svg.bytes.toString("utf8");
    assert.match(svgText, /^<\?xml[\s\S]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // the exported figure stands alone: the view's title and the colour scale's ramp are in it
    assert.match(svgText, /One-hidden-layer CNN: the two minima and the two phases/);
    assert.match(svgText, /log₁₀\(ℓ \+ 10⁻⁴\)/);
    const png = await save("png");
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const json = JSON.parse((await save("json")).bytes.toString("utf8"));
    const expected = cnnRun(s.cnn);
    assert.equal(json.result.outcome, expected.outcome);
    assert.equal(json.result.final.loss, expected.final?.loss);
    assert.deepEqual(json.state, s.cnn);
    const csv = (await save("csv")).bytes.toString("utf8").trim().split("\n");
    assert.equal(csv[0], "step,loss,phi,aDotAstar");
    assert.equal(csv.length - 1, expected.trajectory.step.length);
    assert.equal(Number(csv.at(-1)?.split(",")[1]), expected.trajectory.loss.at(-1));
    await page.close();
  });

  test("keyboard: the arrow keys move between panel tabs and the hash follows", async () => {
    const page = await lab.newPage(encodeHash({ ...defaultState(), view: "cnn" }));
    await page.locator("#tab-cnn").focus();
    await page.keyboard.press("ArrowRight");
    await page.locator("#view-basins").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "tab-basins");
    assert.match(await page.evaluate(() => location.hash), /view=basins/);
    await page.keyboard.press("ArrowLeft");
    await page.locator("#view-cnn").waitFor();
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });
});

async function setNumber(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
  await page.locator(selector).press("Enter");
  await page.locator(selector).blur();
}
