/**
 * How much room a line of text takes, from its font size and its characters alone (no font
 * engine): advance widths of the shipped font, DejaVu Sans, which is wider than the usual
 * system sans-serif faces, so boxes measured this way are on the large side in a browser too.
 */

/** DejaVu Sans advance widths in em for the printable ASCII characters " " (32) to "~" (126). */
const ASCII_ADVANCE = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337,
  0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838,
  0.531, 1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748,
  0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39,
  0.838, 0.5, 0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974,
  0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337,
  0.636, 0.838,
];

/** DejaVu Sans advances (em) of the symbols the figures use beyond ASCII. */
const SYMBOL_ADVANCE: Record<string, number> = {
  "‖": 0.5,
  "−": 0.838,
  "±": 0.838,
  "×": 0.838,
  "·": 0.318,
  "→": 0.838,
  "←": 0.838,
  "↑": 0.838,
  "∠": 0.896,
  "∝": 0.714,
  "√": 0.637,
  "≤": 0.838,
  "≥": 0.838,
  "≈": 0.838,
  "≠": 0.838,
  "∇": 0.669,
  "∂": 0.517,
  "∈": 0.871,
  "∞": 0.833,
  "–": 0.5,
  "—": 1,
  "…": 1,
  ℓ: 0.413,
  "°": 0.5,
  "§": 0.5,
  "½": 0.969,
};

/** Super- and subscript digits and signs: 0.40–0.53 em in DejaVu Sans. */
const SMALL = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾₀₁₂₃₄₅₆₇₈₉₊₋ₖᵢⱼᵀ]/u;
/** Combining marks take no room of their own. */
const COMBINING = /\p{M}/u;

/** The advance of one character in em: exact for ASCII, an upper bound of its class otherwise. */
export function advance(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ASCII_ADVANCE[code - 32];
  if (COMBINING.test(ch)) return 0;
  if (ch in SYMBOL_ADVANCE) return SYMBOL_ADVANCE[ch];
  if (SMALL.test(ch)) return 0.53;
  // accented Latin, Greek and Cyrillic letters are letter-sized; arrows, operators, dashes and
  // ideographs up to 1 em
  if (/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(ch)) return 0.8;
  return 1;
}

/** Width of one line of text in pixels. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize;
}

/**
 * The glyph band of a line relative to its baseline, in em: DejaVu Sans' ascent (0.928 em, the
 * top of accented capitals such as Å) and descent (0.236 em, the bottom of g, j, p, q, y).
 */
export const ASCENT_EM = 0.93;
export const DESCENT_EM = 0.24;
