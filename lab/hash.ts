/**
 * The URL-hash codec. The state is written as `#view=cnn&cnn.k=25&cnn.eta=0.2&…`: every field of
 * every section, so a link restores exactly what its author saw even if defaults change later.
 * Numbers use JavaScript's shortest round-trip decimal text, so decoding gives back the same
 * float64. Decoding never throws: a hash with an unknown key or a value out of range gives the
 * defaults and a list of problems for the page to show.
 */
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
  params.set("view", state.view);
  for (const [section, fields] of Object.entries(state)) {
    if (section === "view") continue;
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
  const parsed = LabStateSchema.safeParse(raw);
  if (parsed.success) return { state: parsed.data, problems };
  for (const issue of parsed.error.issues.slice(0, 6)) {
    const where = issue.path.length > 0 ? issue.path.join(".") : "link";
    problems.push(`${where}: ${issue.message}`);
  }
  return { state: defaultState(), problems };
}
