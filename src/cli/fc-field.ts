/** `minima fc field`: the 2-D vector field (ẋ, ẏ) of Tian's reduced dynamics on a grid (Tian 2017, Fig. 4(a, b)). */

import { InputError } from "../core/errors.js";
import { vectorField } from "../experiments/tian/dynamics2d.js";
import { symmetricSaddle } from "../models/fc/reduced-2d.js";
import type { Command } from "./command.js";
import { numberListFlag, reluOnlyActivation } from "./fc-common.js";
import { boolFlag, intFlag, parseFlags } from "./flags.js";
import { MAX_START } from "./limits.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima fc field --K K [--x-range a,b] [--y-range a,b] [--n N] [--json]

The velocity (ẋ, ẏ) of w_j = x·w*_j + y·Σ_{k≠j} w*_k under population gradient flow (orthonormal teacher),
on an N×N grid (default 21) over [a,b]×[a,b] (default x in [0, 1], y in [0, 0.6]); the singular point (0, 0)
is left out. Zeros: the teacher (1, 0) and the saddle (x*_K, x*_K), printed too. For plotting.
ReLU only: --activation accepts relu alone (the vector field is the ReLU 2-D reduction).`;

function range(
  flags: Parameters<typeof numberListFlag>[0],
  name: string,
  fallback: [number, number],
): [number, number] {
  const r = numberListFlag(flags, name, fallback);
  if (r.length !== 2 || !(r[0] < r[1]))
    throw new InputError(`--${name}`, "must be two increasing numbers a,b", r.join(","));
  if (!r.every((x) => Math.abs(x) <= MAX_START))
    throw new InputError(`--${name}`, `must lie in [-${MAX_START}, ${MAX_START}]`, r.join(","));
  return [r[0], r[1]];
}

export const fcFieldCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      K: { type: "string" },
      "x-range": { type: "string" },
      "y-range": { type: "string" },
      n: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    reluOnlyActivation(flags, "fc field", "the vector field is the ReLU 2-D reduction");
    const K = intFlag(flags, "K", { min: 2, max: 100000 });
    const [xMin, xMax] = range(flags, "x-range", [0, 1]);
    const [yMin, yMax] = range(flags, "y-range", [0, 0.6]);
    const n = intFlag(flags, "n", { default: 21, min: 2, max: 1000 });
    const field = vectorField({ K, xMin, xMax, yMin, yMax, nx: n, ny: n });
    const saddle = symmetricSaddle(K);
    if (boolFlag(flags, "json")) printJson({ K, saddle, teacher: [1, 0], field });
    else {
      console.log(`K = ${K}: saddle x*_K = ${formatNumber(saddle)}; x y dx dy`);
      for (const s of field)
        console.log(`${formatNumber(s.x)} ${formatNumber(s.y)} ${formatNumber(s.dx)} ${formatNumber(s.dy)}`);
    }
    return 0;
  },
};
