/**
 * The docs tests run the built CLI (dist/cli/main.js), as a user of the README does; `npm test`
 * builds it first. A failure message carries the hint below, since a build older than src/ is the
 * usual reason an example prints something else while working on the code.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BUILT_CLI = join(ROOT, "dist/cli/main.js");
export const BUILD_HINT = "(the docs tests run dist/: `npm run build` after changing src/)";

/** Throws when there is no build to run. */
export function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) throw new Error(`dist/cli/main.js is missing: run \`npm run build\` first`);
}
