/** Reading SVG presentation: inline styles over attributes, lengths in px, em, % and pt. */

/** The declarations of an element's style attribute, by lower-case property name. */
export function styleDeclarations(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (el.getAttribute("style") ?? "").split(";")) {
    const i = decl.indexOf(":");
    if (i > 0) out.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).trim());
  }
  return out;
}

/** A presentation property: the inline style wins over the attribute (as in CSS). */
export function property(el: Element, styles: Map<string, string>, name: string): string | undefined {
  return styles.get(name) ?? el.getAttribute(name) ?? undefined;
}

/** A length in user units; em and % resolve against the given font size and reference length. */
export function length(
  value: string | null | undefined,
  fontSize: number,
  reference = 0,
): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const first = value.trim().split(/[\s,]+/)[0];
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(px|em|%|pt)?$/i.exec(first);
  if (!m) return undefined;
  const v = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  if (unit === "em") return v * fontSize;
  if (unit === "%") return (v / 100) * reference;
  if (unit === "pt") return (v * 4) / 3;
  return v;
}

/** A font-size value resolved against the inherited size. */
export function fontSizeOf(value: string | undefined, inherited: number): number {
  if (value === undefined) return inherited;
  const v = value.trim().toLowerCase();
  if (v === "smaller") return inherited / 1.2;
  if (v === "larger") return inherited * 1.2;
  return length(v, inherited, inherited) ?? inherited;
}

/** A number attribute, or the fallback when it is absent or not a number. */
export function numberOr(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const v = Number.parseFloat(value);
  return Number.isFinite(v) ? v : fallback;
}
