/**
 * The report page in chromium at 1400 px and at phone width (390 px): it never scrolls sideways,
 * the table of contents' entries do not overlap, long tables are folded, mathematics is MathML, and
 * a screenshot of the opening and of every subsection is written to test/report/screenshots/
 * (git-ignored) at both widths, for a person to look at.
 *
 * The report is the smoke report built here; MINIMA_REPORT_DIR=<dir> checks a report already written
 * there instead (e.g. the quick one: minima reproduce --quick --out DIR).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { silentProgress } from "../../src/io/step-progress.js";
import { buildReport } from "../../src/report/build.js";
import { LONG_TABLE_ROWS } from "../../src/report/html.js";
import { reportSections } from "../../src/report/sections.js";
import { writeReport } from "../../src/report/write.js";

const CHROMIUM = process.env.MINIMA_CHROMIUM ?? "/usr/bin/chromium";
const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
const WIDTHS = [1400, 390] as const;

let dir = process.env.MINIMA_REPORT_DIR ?? "";
let own = "";
let browser: Browser;

before(
  async () => {
    if (dir === "") {
      own = mkdtempSync(join(tmpdir(), "minima-report-shots-"));
      dir = own;
      const report = await buildReport(
        reportSections,
        { size: "smoke", seed: 1, workers: 1, progress: silentProgress },
        "minima reproduce --smoke",
      );
      writeReport(dir, report);
    }
    assert.ok(existsSync(join(dir, "index.html")), `no report in ${dir}`);
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
  },
  { timeout: 600_000 },
);

after(async () => {
  await browser?.close();
  if (own !== "") rmSync(own, { recursive: true, force: true });
});

for (const width of WIDTHS) {
  test(`the report at ${width} px: no sideways scrolling, a table of contents of whole entries, screenshots of every subsection`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // nothing may be fetched from anywhere: the page is self-contained
    const requests: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) requests.push(r.url());
    });
    await page.goto(pathToFileURL(join(dir, "index.html")).href);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);

    const overflow = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(
      overflow.scroll <= overflow.client,
      `the page scrolls sideways: ${overflow.scroll} > ${overflow.client}`,
    );

    // every table sits in a box that scrolls by itself, and no box is wider than the page
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll("table")].map((t) => ({
        id: t.id || t.className,
        boxed: t.parentElement?.classList.contains("scroll") === true,
        boxRight: (t.parentElement as HTMLElement).getBoundingClientRect().right,
      })),
    );
    for (const t of tables) {
      assert.ok(t.boxed, `${t.id} is not in a scrolling box`);
      assert.ok(t.boxRight <= overflow.client + 0.5, `${t.id}'s box ends at ${t.boxRight}`);
    }

    // at 1400 px the widest table, the certificates, fits without scrolling
    if (width === 1400) {
      const fits = await page.evaluate(() => {
        const box = document.getElementById("table-ding-certificates")!.parentElement!;
        const folded = box.closest("details");
        if (folded) folded.open = true;
        const ok = box.scrollWidth <= box.clientWidth;
        if (folded) folded.open = false;
        return ok;
      });
      assert.ok(fits, "the certificates table fits its column at 1400 px");
    }

    // the table of contents: whole entries that do not overlap
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll("nav > ul > li")].map((li) => {
        const r = li.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    assert.ok(boxes.length >= 4);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        assert.ok(apart, `contents entries ${i} and ${j} overlap`);
      }
    const navColumns = await page.evaluate(
      () => getComputedStyle(document.querySelector("nav > ul")!).columnCount,
    );
    assert.equal(navColumns, "auto", "no CSS columns in the contents");

    // long tables folded, mathematics as MathML
    const folded = await page.evaluate(
      (limit) =>
        [...document.querySelectorAll("table:not(.claims)")].every(
          (t) => t.querySelectorAll("tbody tr").length > limit === (t.closest("details") !== null),
        ),
      LONG_TABLE_ROWS,
    );
    assert.ok(folded, `tables of more than ${LONG_TABLE_ROWS} rows, and only they, are folded`);
    assert.ok((await page.locator("math").count()) > 10, "mathematics is rendered as MathML");
    // each section links its paper on arXiv
    assert.equal(await page.locator('section > p.links a[href^="https://arxiv.org/abs/"]').count(), 4);

    await page.locator("body > h1").evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, `${width}-opening.png`) });
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll("section > section")].map((s) => s.id),
    );
    assert.ok(ids.length >= 15, `${ids.length} subsections`);
    for (const id of ids)
      await page.locator(`[id="${id}"]`).screenshot({ path: join(SHOTS, `${width}-${id}.png`) });
    await page.close();
  });
}
