/** `minima fc saddles`: the symmetric saddle x*_K of Tian (2017), Thm 4.1, with its Jacobian, loss and Hessian index (docs/tian.md#the-symmetric-saddle). */
import { saddleTable } from "../experiments/tian/dynamics2d.js";
import type { Command } from "./command.js";
import { numberListFlag, reluOnlyActivation } from "./fc-common.js";
import { boolFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima fc saddles [--K 2,3,5,10,20] [--json]

Per K: x*_K = (√(K−1) − arccos(1/√K) + π)/(πK); the eigenvalues of the Jacobian of 2π·(ẋ, ẏ) there
(central differences; the stable one is −Kπ along the diagonal); J at the saddle and as w → 0⁺ (closed
form, d = K); ‖∇J‖ at the saddle; and the index of the full K·d-dimensional exact Hessian.
ReLU only: --activation accepts relu alone (the saddle x*_K of Thm 4.1 is ReLU's closed form).`;

export const fcSaddlesCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      K: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    reluOnlyActivation(flags, "fc saddles", "the saddle x*_K of Thm 4.1 is ReLU's closed form");
    const Ks = numberListFlag(flags, "K", [2, 3, 5, 10, 20], { integer: true, min: 2, max: 60 });
    const rows = saddleTable(Ks);
    if (boolFlag(flags, "json")) printJson({ rows });
    else {
      console.log("K    x*_K       Jacobian eigenvalues     J(saddle)   J(0+)      Hessian index");
      for (const r of rows)
        console.log(
          `${String(r.K).padEnd(4)} ${r.saddle.toFixed(6)}   ${formatNumber(r.jacobianEigenvalues[0])}, ${formatNumber(r.jacobianEigenvalues[1])}   ${r.lossAtSaddle.toFixed(6)}   ${r.lossAtOrigin.toFixed(6)}   ${r.hessianIndex}`,
        );
    }
    return 0;
  },
};
