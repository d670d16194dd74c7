/**
 * The import graph of src/ and lab/, read from the source text: every `import … from "…"`,
 * `export … from "…"` and `import("…")` with a relative path. Type-only imports count too: a
 * type-only loop still ties two modules together for a reader.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

export interface SourceFile {
  /** Path relative to the repository root, with "/" separators. */
  readonly path: string;
  readonly text: string;
  /** Resolved relative imports (repository-relative paths of .ts files). */
  readonly imports: readonly string[];
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function listSources(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...listSources(root, path));
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(path.split("\\").join("/"));
  }
  return out;
}

export function readSources(root: string, dirs: readonly string[]): SourceFile[] {
  const files = dirs.flatMap((d) => listSources(root, d));
  const known = new Set(files);
  return files.map((path) => {
    const text = readFileSync(join(root, path), "utf8");
    const imports: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith(".")) continue;
      const target = normalize(join(dirname(path), spec))
        .split("\\")
        .join("/");
      const ts = target.replace(/\.js$/, ".ts");
      if (known.has(ts)) imports.push(ts);
      else if (known.has(`${target}.ts`)) imports.push(`${target}.ts`);
      else if (known.has(target)) imports.push(target);
    }
    return { path, text, imports };
  });
}

/** Every cycle's member list (strongly connected components of more than one file, or self-loops). */
export function importCycles(files: readonly SourceFile[]): string[][] {
  const graph = new Map(files.map((f) => [f.path, f.imports]));
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f.path)) visit(f.path);
  return cycles;
}

export function relativeTo(root: string, path: string): string {
  return relative(root, path).split("\\").join("/");
}
