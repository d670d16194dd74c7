/**
 * The repository cites nothing outside itself but the papers (title, authors, arXiv id) and public
 * software: no implementation notes ("the notes", "§3.1"-style section numbers of them, their file
 * names, ../shared). And what the docs point to exists: every relative link of README.md and
 * docs/*.md (with its #section), every docs/….md#section named anywhere in the repository, and every
 * source path the pages name in backticks. docs/README.md indexes every page.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/** References to material outside the repository. */
const FORBIDDEN: readonly RegExp[] = [
  /\.\.\/shared\b/,
  /\bshared\/papers\b/,
  /\b(du2018-cnn|tian2017-relu|ding2019-suboptimal|safran-shamir-2018)\.md\b/,
  /\bthe notes\b/i,
  /\bnotes['’]/i,
  /\bnotes\s*(§|\d)/i,
  /§\s*\d/,
  /\b(implementation|paper) notes\b/i,
  /\[W\]/,
  /\bnotes-run\b/,
];
/** Lines that match a pattern above for another reason. */
const ALLOWED: readonly RegExp[] = [/the wall time, the notes tests$/, /WebAssembly core spec §\d/];
const BINARY = /\.(png|jpe?g|gif|ico|ttf|otf|woff2?|wasm|gz|tgz|zip|pdf)$/i;

/** The repository's files: git's list (tracked and new, not ignored), or a walk when git is absent. */
function repositoryFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
      cwd: ROOT,
      encoding: "utf8",
    })
      .split("\n")
      .filter((f) => f !== "" && existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
  } catch {
    const skip = new Set(["node_modules", "dist", ".git", "lab-dist", "report", "out", "sweeps"]);
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        skip.has(e.name) ? [] : e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    return walk("");
  }
}

function textFiles(): { path: string; text: string }[] {
  return repositoryFiles()
    .filter((f) => !BINARY.test(f) && f !== "package-lock.json" && f !== SELF)
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }))
    .filter(({ text }) => !text.includes("\0"));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(page: string): Set<string> {
  let anchors = anchorCache.get(page);
  if (!anchors) {
    anchors = new Set();
    const seen = new Map<string, number>();
    let inFence = false;
    for (const line of readFileSync(join(ROOT, page), "utf8").split("\n")) {
      if (line.startsWith("```")) inFence = !inFence;
      const m = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
      if (!m) continue;
      const base = slug(m[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    anchorCache.set(page, anchors);
  }
  return anchors;
}

const PAGES = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

test("nothing in the repository refers to material outside it (the implementation notes)", () => {
  const found: string[] = [];
  for (const { path, text } of textFiles())
    text.split("\n").forEach((line, i) => {
      if (ALLOWED.some((a) => a.test(line))) return;
      const hit = FORBIDDEN.find((p) => p.test(line));
      if (hit) found.push(`${path}:${i + 1}: ${line.trim().slice(0, 140)}  (matches ${hit})`);
    });
  assert.deepEqual(found, [], `point these into docs/ instead:\n${found.join("\n")}`);
});

test("every relative link of the README and docs/ resolves, #section included", () => {
  const broken: string[] = [];
  for (const page of PAGES) {
    const text = readFileSync(join(ROOT, page), "utf8");
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [path, anchor] = target.split("#");
      const file = path === "" ? page : normalize(join(dirname(page), path));
      if (!existsSync(join(ROOT, file))) broken.push(`${page}: ${target} (no file ${file})`);
      else if (anchor !== undefined && file.endsWith(".md") && !anchorsOf(file).has(anchor))
        broken.push(`${page}: ${target} (no section #${anchor} in ${file})`);
    }
  }
  assert.deepEqual(broken, []);
});

test("every docs/….md#section named in the code, the report, the lab and the tests exists", () => {
  const broken: string[] = [];
  let count = 0;
  for (const { path, text } of textFiles())
    for (const m of text.matchAll(/\bdocs\/([\w.-]+\.md)(?:#([\w-]+))?/g)) {
      count++;
      const file = `docs/${m[1]}`;
      if (!existsSync(join(ROOT, file))) broken.push(`${path}: ${m[0]} (no such page)`);
      else if (m[2] !== undefined && !anchorsOf(file).has(m[2]))
        broken.push(`${path}: ${m[0]} (no section #${m[2]})`);
    }
  assert.ok(count > 50, `only ${count} references to docs/ found`);
  assert.deepEqual(broken, []);
});

test("every source path the README and docs/ name in backticks exists", () => {
  const missing: string[] = [];
  for (const page of PAGES.filter((p) => p !== "docs/architecture.md")) {
    // architecture.md has its own test (test/architecture/docs.test.ts), with paths relative to src/.
    const text = readFileSync(join(ROOT, page), "utf8");
    for (const m of text.matchAll(
      /`((?:src|test|bench|lab|scripts|examples|deploy|fonts|docs)\/[^`\s]*)`/g,
    )) {
      const path = m[1];
      if (/[*<{]/.test(path)) continue; // a pattern, not a path
      if (!existsSync(join(ROOT, path))) missing.push(`${page}: ${path}`);
    }
  }
  assert.deepEqual(missing, []);
});

test("docs/README.md links every page of docs/", () => {
  const index = readFileSync(join(ROOT, "docs/README.md"), "utf8");
  const unlinked = readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .filter((f) => !index.includes(`](${f})`) && !index.includes(`](${f}#`));
  assert.deepEqual(unlinked, []);
});
