/** `minima fc critical`: Tian's M-matrix critical-point equations and the K = 2 L12/L21 criterion (docs/tian.md#critical-points-in-m-matrix-form). */
import { readFileSync } from "node:fs";
import { InputError } from "../core/errors.js";
import { coneScan, k2Criterion, normEquationResidual } from "../experiments/tian/critical.js";
import { parseFcSpec } from "../models/fc/problem-format.js";
import type { Command } from "./command.js";
import { reluOnlyActivation } from "./fc-common.js";
import { boolFlag, intFlag, numberFlag, optionalStringFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima fc critical [--betas B] [--phis P] [--grid] [--json]              (grid scan)
       minima fc critical --beta β --phi1 φ₁ --phi2 φ₂ [--json]                   (K = 2 criterion)
       minima fc critical --problem FILE [--json]                                 (norm equations)

Scan: L12 and L21 over student directions e₁ = (1, 0), e₂ = (cos β, sin β), β ∈ (0, π) (B values), and a
teacher direction at angle φ ∈ (0, 2π) (P values); counts the grid points (away from the cone's edges by
1e-3) that break "L12, L21 > 0 iff the teacher lies strictly inside the cone 0 < φ < β, both < 0 outside".
--grid adds sign(L12) per (β, φ). Defaults --betas 100 --phis 400.
Criterion: for students at angles 0, β and teachers at φ₁, φ₂: critical-point free when L12 (or L21) has the
same strict sign at both teachers.
Problem: for an fc problem file ({"model":"fc",…}, student a fixed at ones, K = K*) the K×K residuals
(M*‖w*‖ − M‖w‖)_ij = 2π·e_jᵀ(−∇_{w_i}J); all zero at an in-plane critical point.
ReLU only: --activation accepts relu alone (the M-matrix equations and the L12/L21 criterion are ReLU's).`;

export const fcCriticalCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      betas: { type: "string" },
      phis: { type: "string" },
      grid: { type: "boolean" },
      beta: { type: "string" },
      phi1: { type: "string" },
      phi2: { type: "string" },
      problem: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    reluOnlyActivation(flags, "fc critical", "the M-matrix equations and the L12/L21 criterion are ReLU's");
    const json = boolFlag(flags, "json");
    const file = optionalStringFlag(flags, "problem");
    if (file !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        throw new InputError("--problem", "must name a readable JSON file", file);
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
        throw new InputError("--problem", "must contain an fc problem object", file);
      const spec = parseFcSpec(parsed as Record<string, unknown>);
      const { student, teacher } = spec;
      if (student.K !== teacher.K)
        throw new InputError(
          "--problem",
          `the M-matrix equations need K = K* (the student has ${student.K} rows, the teacher ${teacher.K})`,
          file,
        );
      if (spec.kernel.activation !== "relu")
        throw new InputError(
          "--problem",
          "the M-matrix equations are ReLU's: the problem's \"activation\" must be relu",
          spec.kernel.activation,
        );
      for (const v of [...student.a, ...teacher.a])
        if (v !== 1)
          throw new InputError("--problem", "the M-matrix equations assume top weights of one", file);
      const residual = normEquationResidual(student.W, teacher.W, student.K, teacher.K, student.d);
      const max = Math.max(...residual.flat().map(Math.abs));
      if (json) printJson({ residual, maxAbsResidual: max });
      else console.log(`max |(M*‖w*‖ − M‖w‖)_ij| = ${formatNumber(max)}`);
      return 0;
    }
    const criterionFlags = ["beta", "phi1", "phi2"] as const;
    const given = criterionFlags.filter((f) => flags.values[f] !== undefined);
    if (given.length > 0) {
      const missing = criterionFlags.filter((f) => flags.values[f] === undefined);
      if (missing.length > 0)
        throw new InputError(
          `--${given[0]}`,
          `needs ${missing.map((f) => `--${f}`).join(" and ")} too (--beta, --phi1 and --phi2 give the K = 2 criterion)`,
        );
      for (const scanFlag of ["betas", "phis", "grid"])
        if (flags.values[scanFlag] !== undefined)
          throw new InputError(
            `--${scanFlag}`,
            `is for the grid scan, not with --${given[0]} (the K = 2 criterion)`,
          );
      // Below 1e-6 the two student directions coincide to rounding and the criterion's terms cancel.
      const beta = numberFlag(flags, "beta", { min: 1e-6, max: Math.PI });
      if (beta >= Math.PI) throw new InputError("--beta", "must be < π (distinct student directions)", beta);
      const verdict = k2Criterion(
        beta,
        numberFlag(flags, "phi1", { min: -1e6, max: 1e6 }),
        numberFlag(flags, "phi2", { min: -1e6, max: 1e6 }),
      );
      if (json) printJson(verdict);
      else
        console.log(
          `L12 = [${verdict.L12.map((x) => formatNumber(x)).join(", ")}], L21 = [${verdict.L21.map((x) => formatNumber(x)).join(", ")}]: ${verdict.criticalPointFree ? "critical-point free" : "not excluded"}`,
        );
      return 0;
    }
    const scan = coneScan({
      betas: intFlag(flags, "betas", { default: 100, min: 1, max: 5000 }),
      phis: intFlag(flags, "phis", { default: 400, min: 1, max: 20000 }),
      grid: boolFlag(flags, "grid"),
    });
    if (json) printJson(scan);
    else
      console.log(
        `${scan.checked} grid points away from the cone's edges; ${scan.mismatches} break the cone characterisation`,
      );
    return 0;
  },
};
