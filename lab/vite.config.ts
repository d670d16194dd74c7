/**
 * Vite configuration for Minima Lab. The base path is relative ("./") so the built site in
 * lab-dist/ works from any static host or sub-folder; workers are bundled as ES modules. The
 * repository's docs/ pages are copied into the site (docs/*.md), so the About page and each view's
 * note link pages that exist wherever the site is served.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const labRoot = fileURLToPath(new URL(".", import.meta.url));
const docsRoot = fileURLToPath(new URL("../docs/", import.meta.url));

/** Emits every docs/*.md page as a file of the built site. */
function docsPages(): Plugin {
  return {
    name: "minima-docs-pages",
    apply: "build",
    generateBundle() {
      for (const file of readdirSync(docsRoot).filter((f) => f.endsWith(".md")))
        this.emitFile({
          type: "asset",
          fileName: `docs/${file}`,
          source: readFileSync(`${docsRoot}${file}`),
        });
    },
  };
}

export default defineConfig({
  root: labRoot,
  base: "./",
  clearScreen: false,
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1" },
  worker: { format: "es" },
  plugins: [docsPages()],
  // src/figures draws in the page's document here, not in linkedom's (see page-dom.ts).
  resolve: { alias: { linkedom: fileURLToPath(new URL("./page-dom.ts", import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL("../lab-dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
});
