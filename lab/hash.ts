/**
 * The URL-hash codec. The state is written as `#view=cnn&cnn.k=25&cnn.eta=0.2&…`: every field of
 * every section, so a link restores exactly what its author saw even if defaults change later.
 * Numbers use JavaScript's shortest round-trip decimal text, so decoding gives back the same
 * float64. Decoding never throws: an unknown key or a value out of range is dropped (that field
 * keeps its default, every other field keeps the link's value) and described in plain words
 * (hash-problems.ts) in a list of problems for the page to show.
 */
import { describeProblem } from "./hash-problems.js";
import { defaultState, type LabState, LabStateSchema } from "./state.js";

export interface DecodedHash {
  readonly state: LabState;
  /** Empty when the hash was valid (or empty); otherwise one line per problem. */
  readonly problems: readonly string[];
}

function encodeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((v) => (Array.isArray(v) ? v.map(String).join(":") : String(v))).join(",");
  }
  return String(value);
}

export function encodeHash(state: LabState): string {
  const params = new URLSearchParams();
  for (const [section, fields] of Object.entries(state)) {
    if (typeof fields !== "object" || fields === null) {
      params.set(section, String(fields));
      continue;
    }
    for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
      params.set(`${section}.${key}`, encodeValue(value));
    }
  }
  // URLSearchParams escapes ":" and ","; they are safe in a fragment and keep links readable.
  return `#${params.toString().replaceAll("%3A", ":").replaceAll("%2C", ",")}`;
}

export function decodeHash(hash: string): DecodedHash {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  if (text.trim() === "") return { state: defaultState(), problems: [] };
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { state: defaultState(), problems: ["the link's state could not be read"] };
  }
  for (const [key, value] of params) {
    const dot = key.indexOf(".");
    if (dot < 0) {
      raw[key] = value;
      continue;
    }
    const section = key.slice(0, dot);
    const field = key.slice(dot + 1);
    const existing = raw[section];
    const target =
      existing && typeof existing === "object"
        ? (existing as Record<string, unknown>)
        : ({} as Record<string, unknown>);
    target[field] = value;
    raw[section] = target;
  }
  // Each pass drops the fields zod names; a field holding a bad value can only be dropped once.
  for (let pass = 0; pass < 8; pass++) {
    const parsed = LabStateSchema.safeParse(raw);
    if (parsed.success) return { state: parsed.data, problems: problems.slice(0, 6) };
    let dropped = false;
    for (const issue of parsed.error.issues) {
      problems.push(...describeProblem(issue, givenAt(raw, issue.path)));
      dropped = drop(raw, issue.path, issue.code === "unrecognized_keys" ? issue.keys : []) || dropped;
    }
    if (!dropped) break;
  }
  return { state: defaultState(), problems: problems.slice(0, 6) };
}

/** What the link wrote for the field at `path` (its section and field). */
function givenAt(raw: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  const section = raw[String(path[0])];
  if (path.length < 2) return section;
  return section && typeof section === "object"
    ? (section as Record<string, unknown>)[String(path[1])]
    : undefined;
}

/** Removes what an issue names: unknown keys at `path`, or the section field (or top-level key) at it. */
function drop(raw: Record<string, unknown>, path: readonly PropertyKey[], keys: readonly string[]): boolean {
  const section = path.length > 0 ? raw[String(path[0])] : raw;
  if (keys.length > 0) {
    if (path.length > 1 || !section || typeof section !== "object") return false;
    for (const key of keys) delete (section as Record<string, unknown>)[key];
    return true;
  }
  if (path.length === 0 || !(String(path[0]) in raw)) return false;
  if (path.length === 1 || !section || typeof section !== "object") {
    delete raw[String(path[0])];
    return true;
  }
  const fields = section as Record<string, unknown>;
  if (!(String(path[1]) in fields)) return false;
  delete fields[String(path[1])];
  return true;
}
