import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { checkKeys, editDistance, suggestKey } from "../../src/core/keys.js";

/** Levenshtein + adjacent swaps by brute force over all edit scripts of length <= 3 (an independent estimator). */
function bruteDistance(a: string, b: string, alphabet: string, swaps: boolean): number {
  let frontier = new Set([a]);
  for (let d = 0; d <= 3; d++) {
    if (frontier.has(b)) return d;
    const next = new Set<string>();
    for (const s of frontier) {
      for (let i = 0; i <= s.length; i++) {
        for (const c of alphabet) next.add(s.slice(0, i) + c + s.slice(i));
        if (i < s.length) {
          next.add(s.slice(0, i) + s.slice(i + 1));
          for (const c of alphabet) next.add(s.slice(0, i) + c + s.slice(i + 1));
        }
        if (swaps && i + 1 < s.length) next.add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
      }
    }
    frontier = next;
  }
  return 4;
}

test("editDistance lies between the brute-force distances with and without swaps, and counts a swap as 1", () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const word = () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => "abc"[Math.floor(random() * 3)]).join("");
  let compared = 0;
  for (let n = 0; n < 300; n++) {
    const a = word();
    const b = word();
    // Optimal string alignment is at least the true distance with swaps (it never edits inside a
    // swapped pair) and at most Levenshtein's (it only adds the swap).
    const withSwaps = bruteDistance(a, b, "abc", true);
    const without = bruteDistance(a, b, "abc", false);
    const d = editDistance(a, b);
    if (without <= 3) {
      assert.ok(withSwaps <= d && d <= without, `${a} → ${b}: ${withSwaps} <= ${d} <= ${without}`);
      if (withSwaps === without) assert.equal(d, without, `${a} → ${b}`);
      compared++;
    } else assert.ok(d >= withSwaps, `${a} → ${b}`);
  }
  assert.ok(compared > 100);
  assert.equal(editDistance("", "abc"), 3);
  assert.equal(editDistance("eta", "eta"), 0);
  assert.equal(editDistance("ca", "ac"), 1);
});

test("suggestKey: case, underscore and hyphen variants first, then the nearest within 2 edits", () => {
  const cnn = ["k", "p", "ratio", "anorm", "eta", "maxSteps", "init", "initStd", "method", "samples"];
  assert.equal(suggestKey("etaa", cnn), "eta");
  assert.equal(suggestKey("max_steps", cnn), "maxSteps");
  assert.equal(suggestKey("MAXSTEPS", cnn), "maxSteps");
  assert.equal(suggestKey("max-steps", cnn), "maxSteps");
  assert.equal(suggestKey("ratoi", cnn), "ratio");
  assert.equal(suggestKey("initstd", cnn), "initStd");
  assert.equal(suggestKey("smaples", cnn), "samples");
  assert.equal(suggestKey("methodology", cnn), undefined);
  assert.equal(suggestKey("seed", cnn), undefined);
  // A one-letter key is not "close" to another one-letter key: that would be a complete rewrite.
  assert.equal(suggestKey("b", ["W", "a"]), undefined);
  assert.equal(suggestKey("w", ["W", "a"]), "W");
  assert.equal(suggestKey("x".repeat(100000), cnn), undefined);
});

test("checkKeys names the key by its full path, suggests or lists, and stays on one line", () => {
  const fail = (f: () => void): string => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof InputError);
      return e.message;
    }
    assert.fail("no error");
  };
  checkKeys("spec.params", { eta: 1 }, ["eta", "k"]);
  assert.equal(
    fail(() => checkKeys("spec.params", { etaa: 1 }, ["eta", "k"])),
    'spec.params.etaa: is not an allowed key; did you mean "eta"?',
  );
  assert.equal(
    fail(() => checkKeys("", { zzz: 1 }, ["model", "data"], "a field of an mlp problem")),
    "zzz: is not a field of an mlp problem (allowed: model, data)",
  );
  assert.equal(
    fail(() => checkKeys((key) => `--${key}`, { Eta: 1 }, ["eta"])),
    '--Eta: is not an allowed key; did you mean "eta"?',
  );
  const odd = fail(() => checkKeys("layers[0]", { "a\nb": 1, [`${"y".repeat(50)}`]: 2 }, ["weights"]));
  assert.equal(odd.split("\n").length, 1);
  assert.match(odd, /^layers\[0\]\."a\\nb": /);
});
