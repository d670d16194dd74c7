/**
 * The report's text with its mathematics rendered, for the HTML page: at build time, in Node, by
 * Temml (LaTeX → MathML, which browsers draw natively), so the page needs no script and no font
 * from elsewhere and reads the same offline.
 *
 * The report's strings are plain text shared with Markdown and results.json, written in a compact
 * notation: x*_K, Σ_{k≠j} w*_k, λ_min(∇²L), a_tᵀa*, d_H. A word of that notation (one with a
 * subscript "_") is translated to TeX (`texOfWord`) and rendered; `$…$` marks a longer formula
 * already written in TeX. Everything else is escaped text. A word Temml cannot parse stays text.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import temml from "temml";
import { escapeXml } from "../figures/svg.js";

const SUPERSCRIPTS: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁻": "-",
  ᵀ: "\\top",
};
const SUBSCRIPTS: Record<string, string> = {
  "₀": "0",
  "₁": "1",
  "₂": "2",
  "₃": "3",
  "₄": "4",
  "₅": "5",
  "₆": "6",
  "₇": "7",
  "₈": "8",
  "₉": "9",
};

/** File names, anchors and addresses: words with "_" that are not mathematics. */
const NOT_MATH = /\.(ts|js|mjs|py|md|json|csv|svg|png)\b|#|:\/\/|^--/;

/** Whether a word is written in the compact notation (has a subscript) and is not a name of a file. */
export function isMathWord(word: string): boolean {
  return /[^\s_]_[A-Za-z0-9{]/.test(word) && !NOT_MATH.test(word);
}

/**
 * The TeX of a word in the compact notation: "_x" and "_{…}" are subscripts (a subscript of several
 * letters, such as _min, upright), "*" after a symbol is a superscript star, Unicode super- and
 * subscript digits and ᵀ become scripts; other characters pass through (Temml reads Unicode).
 */
export function texOfWord(word: string): string {
  let out = "";
  let i = 0;
  const chars = [...word];
  const run = (table: Record<string, string>) => {
    let s = "";
    while (i < chars.length && table[chars[i]] !== undefined) s += table[chars[i++]];
    return s;
  };
  while (i < chars.length) {
    const c = chars[i];
    if (c === "_" && i + 1 < chars.length) {
      i++;
      if (chars[i] === "{") {
        let depth = 0;
        let inner = "";
        for (; i < chars.length; i++) {
          if (chars[i] === "{") depth++;
          if (chars[i] === "}") depth--;
          inner += chars[i];
          if (depth === 0) break;
        }
        i++;
        out += `_{${texOfWord(inner.slice(1, -1))}}`;
        continue;
      }
      let sub = "";
      // an ASCII run: "_j", "_min", "_12" (ᵀ and other script letters end it)
      while (i < chars.length && /[A-Za-z0-9]/.test(chars[i])) sub += chars[i++];
      out += /^[A-Za-z]{2,}$/.test(sub) ? `_{\\mathrm{${sub}}}` : `_{${sub}}`;
      continue;
    }
    if (c === "*") {
      out += "^{*}";
      i++;
      continue;
    }
    if (SUPERSCRIPTS[c] !== undefined) {
      out += `^{${run(SUPERSCRIPTS)}}`;
      continue;
    }
    if (SUBSCRIPTS[c] !== undefined) {
      out += `_{${run(SUBSCRIPTS)}}`;
      continue;
    }
    out += /[%&#$\\]/.test(c) ? `\\${c}` : c === "~" ? "\\sim " : c;
    i++;
  }
  // operator names before a subscript: max_j → \max_{j}
  return out.replace(/(^|[^A-Za-z\\])(max|min|arg|log)_/g, "$1\\$2_");
}

const cache = new Map<string, string | undefined>();

/** MathML of a TeX formula, or undefined when Temml cannot parse it. */
export function mathMl(tex: string): string | undefined {
  if (!cache.has(tex)) {
    let html: string | undefined;
    try {
      html = temml.renderToString(tex, { throwOnError: true, annotate: true });
    } catch {
      html = undefined;
    }
    cache.set(tex, html);
  }
  return cache.get(tex);
}

/** Splits a word into leading brackets, its core and trailing punctuation (brackets only when unmatched). */
function peel(word: string): [string, string, string] {
  let lead = "";
  let core = word;
  let trail = "";
  const count = (s: string, ch: string) => [...s].filter((x) => x === ch).length;
  const pairs: Record<string, string> = { "(": ")", "[": "]" };
  const closes: Record<string, string> = { ")": "(", "]": "[" };
  for (;;) {
    const first = core[0];
    if (first in pairs && count(core, first) > count(core, pairs[first])) {
      lead += first;
      core = core.slice(1);
      continue;
    }
    const last = core[core.length - 1];
    if (last !== undefined && ",;:.".includes(last)) {
      trail = last + trail;
      core = core.slice(0, -1);
      continue;
    }
    if (last in closes && count(core, last) > count(core, closes[last])) {
      trail = last + trail;
      core = core.slice(0, -1);
      continue;
    }
    return [lead, core, trail];
  }
}

function plainWithMathWords(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      if (!isMathWord(word)) return escapeXml(word);
      const [lead, core, trail] = peel(word);
      const ml = isMathWord(core) ? mathMl(texOfWord(core)) : undefined;
      return ml === undefined ? escapeXml(word) : `${escapeXml(lead)}${ml}${escapeXml(trail)}`;
    })
    .join("");
}

/** Report text as HTML: `$…$` formulas and words in the compact notation as MathML, the rest escaped. */
export function richText(text: string): string {
  return text
    .split(/(\$[^$]+\$)/)
    .map((part) => {
      if (part.length > 2 && part.startsWith("$") && part.endsWith("$")) {
        const ml = mathMl(part.slice(1, -1));
        return ml ?? escapeXml(part);
      }
      return plainWithMathWords(part);
    })
    .join("");
}

/**
 * Temml's stylesheet for MathML (spacing classes, \cancel, arrays), inlined into the page. Its one
 * web font (script capitals, unused here) is left out, so the page fetches nothing.
 */
export function mathCss(): string {
  const path = createRequire(import.meta.url).resolve("temml/dist/Temml-Local.css");
  return readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/@font-face\s*{[^}]*}/g, "")
    .replace(/font-family: "Cambria Math"/, 'font-family: "DejaVu Math TeX Gyre", "Cambria Math"');
}
