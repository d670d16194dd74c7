/**
 * The examples of a Markdown page, as test/docs/examples.test.ts runs them. The conventions (stated
 * for writers in docs/contributing.md#examples-in-the-docs):
 *
 * - a ```sh block is a shell example and a ```ts block a library example; both are run;
 * - a ```text block right after one of them (nothing but blank lines between) is its expected
 *   output: each of its non-blank lines must appear in the actual output, in that order (other lines
 *   may come between), "…" in a line stands for any text, and runs of spaces count as one (so
 *   column alignment may change, the words and numbers may not);
 * - HTML comments on the lines just above a fence qualify it: `<!-- not run: why -->` (too long or
 *   needs the network; counted and reported), `<!-- exit: N -->` (the expected exit code, default 0)
 *   and `<!-- file: NAME -->` (the block is not run but written to NAME in the page's working
 *   directory, for the examples below it).
 */

export type ExampleKind = "sh" | "ts";

export interface Example {
  readonly kind: ExampleKind;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
  readonly code: string;
  /** The reason given in `<!-- not run: … -->`, if any. */
  readonly notRun?: string;
  readonly exitCode: number;
  /** The expected-output block after it, if any. */
  readonly expected?: string;
}

export interface PageFile {
  readonly name: string;
  readonly content: string;
  readonly line: number;
}

/** What a page asks for, in document order: files to write and examples to run. */
export type PageStep = { readonly file: PageFile } | { readonly example: Example };

interface Fence {
  readonly lang: string;
  readonly open: number;
  readonly close: number;
  readonly body: string;
  readonly markers: ReadonlyMap<string, string>;
}

const MARKER = /^<!--\s*(not run|exit|file):\s*(.*?)\s*-->$/;

function fences(markdown: string): Fence[] {
  const lines = markdown.split("\n");
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```([\w-]*)\s*$/.exec(lines[i]);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length && !/^```\s*$/.test(lines[close])) close++;
    if (close >= lines.length) throw new Error(`line ${i + 1}: a code fence is never closed`);
    const markers = new Map<string, string>();
    for (let j = i - 1; j >= 0 && lines[j].trim() !== ""; j--) {
      const m = MARKER.exec(lines[j].trim());
      if (!m) break;
      markers.set(m[1], m[2]);
    }
    out.push({ lang: open[1], open: i, close, body: lines.slice(i + 1, close).join("\n"), markers });
    i = close;
  }
  return out;
}

function onlyBlankBetween(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (lines[i].trim() !== "") return false;
  return true;
}

export function pageSteps(markdown: string): PageStep[] {
  const lines = markdown.split("\n");
  const blocks = fences(markdown);
  const steps: PageStep[] = [];
  for (const [i, block] of blocks.entries()) {
    const file = block.markers.get("file");
    if (file !== undefined) {
      if (!/^[\w.-]+$/.test(file))
        throw new Error(`line ${block.open + 1}: file name ${file} is not a plain name`);
      steps.push({ file: { name: file, content: `${block.body}\n`, line: block.open + 1 } });
      continue;
    }
    if (block.lang !== "sh" && block.lang !== "ts") continue;
    const next = blocks[i + 1];
    const expected =
      next && next.lang === "text" && onlyBlankBetween(lines, block.close, next.open) ? next.body : undefined;
    const notRun = block.markers.get("not run");
    if (notRun !== undefined && notRun === "")
      throw new Error(`line ${block.open + 1}: <!-- not run: … --> needs a reason`);
    const exit = block.markers.get("exit");
    steps.push({
      example: {
        kind: block.lang,
        line: block.open + 1,
        code: block.body,
        ...(notRun === undefined ? {} : { notRun }),
        exitCode: exit === undefined ? 0 : Number(exit),
        ...(expected === undefined ? {} : { expected }),
      },
    });
  }
  return steps;
}

/**
 * Whether every non-blank expected line appears in the actual output, in order, "…" matching any
 * text and runs of spaces counting as one; returns the first expected line that does not, or
 * undefined when all do.
 */
export function firstMissingLine(expected: string, actual: string): string | undefined {
  const squeeze = (line: string) => line.trim().replace(/\s+/g, " ");
  const have = actual.split("\n").map(squeeze);
  let at = 0;
  for (const raw of expected.split("\n")) {
    const want = squeeze(raw);
    if (want === "") continue;
    const pattern = new RegExp(
      `^${want
        .split("…")
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    );
    while (at < have.length && !pattern.test(have[at])) at++;
    if (at === have.length) return want;
    at++;
  }
  return undefined;
}
