/**
 * The report's jobs as a sweep model, so that the sweep worker pool runs them as it runs trials: a
 * cell's parameters are a job (name and arguments), its one trial runs the job and returns the
 * result as text (codec.ts keeps infinities and Float64Arrays). The job seeds its own streams from
 * its arguments; the trial's stream is not used. Loaded by URL (jobs/run.ts), never imported.
 */
import { InputError } from "../../core/errors.js";
import type { SweepModel } from "../../sweep/model.js";
import { encodeResult } from "./codec.js";
import { REPORT_JOBS } from "./registry.js";

interface JobParams {
  readonly job: string;
  readonly args: unknown;
}

const jobModel: SweepModel<JobParams> = {
  name: "report-job",
  outcomes: ["done"],
  success: "done",
  resolve(raw, field) {
    const job = raw.job;
    if (typeof job !== "string" || !(job in REPORT_JOBS))
      throw new InputError(`${field}.job`, `must be one of ${Object.keys(REPORT_JOBS).join(", ")}`, job);
    return { job, args: raw.args };
  },
  run(params) {
    const result = (REPORT_JOBS[params.job] as (args: unknown) => unknown)(params.args);
    return { outcome: "done", result: encodeResult(result) };
  },
};

export default jobModel;
