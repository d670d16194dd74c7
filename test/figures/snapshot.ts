/**
 * Golden-file comparison in the style of Observable Plot's snapshot tests: numbers are rounded to
 * 3 decimals before comparing (so float noise does not fail a test), a mismatch writes
 * `<name>-changed.svg` beside the golden for a person to look at, and UPDATE_GOLDENS=1 rewrites
 * the goldens.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const GOLDEN_DIR = fileURLToPath(new URL("./goldens/", import.meta.url));

export function normaliseSvg(svg: string): string {
  return svg.replace(/-?\d+\.\d+(e[+-]?\d+)?/g, (m) => {
    const x = Number(m);
    const r = Number(x.toFixed(3));
    return String(Object.is(r, -0) ? 0 : r);
  });
}

/** Returns undefined when the SVG matches its golden, else a message (and writes the -changed file). */
export function compareWithGolden(name: string, svg: string): string | undefined {
  const actual = normaliseSvg(svg);
  const goldenPath = `${GOLDEN_DIR}${name}.svg`;
  const changedPath = `${GOLDEN_DIR}${name}-changed.svg`;
  if (process.env.UPDATE_GOLDENS === "1") {
    writeFileSync(goldenPath, actual);
    rmSync(changedPath, { force: true });
    return undefined;
  }
  if (!existsSync(goldenPath)) {
    writeFileSync(changedPath, actual);
    return `no golden for ${name}; wrote ${changedPath} (run with UPDATE_GOLDENS=1 to accept)`;
  }
  if (readFileSync(goldenPath, "utf8") === actual) {
    rmSync(changedPath, { force: true });
    return undefined;
  }
  writeFileSync(changedPath, actual);
  return `${name}.svg differs from its golden; see ${changedPath} (UPDATE_GOLDENS=1 to accept)`;
}
