/**
 * Vite configuration for Minima Lab. The base path is relative ("./") so the built site in
 * lab-dist/ works from any static host or sub-folder; workers are bundled as ES modules.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const labRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: labRoot,
  base: "./",
  clearScreen: false,
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1" },
  worker: { format: "es" },
  // src/figures draws in the page's document here, not in linkedom's (see page-dom.ts).
  resolve: { alias: { linkedom: fileURLToPath(new URL("./page-dom.ts", import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL("../lab-dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
});
