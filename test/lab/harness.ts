/**
 * The e2e harness: builds the lab with Vite's JS API into a temporary folder, serves it from a
 * loopback port with a tiny static server, and drives Debian's chromium through playwright-core
 * with a fresh profile. Nothing leaves 127.0.0.1.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.MINIMA_CHROMIUM ?? "/usr/bin/chromium";
const root = fileURLToPath(new URL("../..", import.meta.url));
export const SCREENSHOTS = join(root, "test/lab/screenshots");

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".md": "text/plain; charset=utf-8",
};

export interface Lab {
  readonly url: string;
  readonly context: BrowserContext;
  newPage(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/** The site is served from a sub-folder, as on a static host, to prove every path in it is relative. */
const SUB_PATH = "/some/folder/";

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const full = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (!full.startsWith(SUB_PATH)) {
      res.writeHead(404).end("outside the site's folder");
      return;
    }
    const path = full.slice(SUB_PATH.length);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export async function startLab(): Promise<Lab> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `chromium not found at ${CHROMIUM}: the lab's end-to-end tests need it. ` +
        "Install it with `apt-get install chromium` (.ci/run does this) or set MINIMA_CHROMIUM.",
    );
  }
  const work = mkdtempSync(join(tmpdir(), "minima-lab-e2e-"));
  const outDir = join(work, "site");
  const { build } = await import("vite");
  await build({
    configFile: join(root, "lab/vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
  const server = await serve(outDir);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB_PATH}`;
  const context = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  // Generous waits: correctness is checked here, never speed, and shared CI machines can be slow.
  context.setDefaultTimeout(60_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    context,
    async newPage(hash = "") {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      (page as Page & { errors?: string[] }).errors = errors;
      await page.goto(`${url}${hash}`);
      await page.waitForFunction(() => "minimaLab" in window);
      return page;
    },
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Errors thrown in the page so far (uncaught exceptions are always a test failure). */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export async function labState<T = Record<string, unknown>>(page: Page): Promise<T> {
  return page.evaluate(() =>
    (window as unknown as { minimaLab: { state(): unknown } }).minimaLab.state(),
  ) as Promise<T>;
}
