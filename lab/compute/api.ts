/**
 * The methods the lab's workers run. Each takes plain data and a progress callback and returns
 * plain data (structured-clone friendly). They call the library; no mathematics is written here.
 */
import type { CnnState, DingState, TianState } from "../state.js";
import { cnnRun } from "./cnn.js";
import { type BasinsArgs, cnnBasins } from "./cnn-basins.js";
import { dingRun } from "./ding.js";
import { type ProbabilityArgs, probabilitySweep } from "./probability.js";
import type { ProgressFn } from "./progress.js";
import {
  type SpuriousFamiliesArgs,
  type SpuriousRunsArgs,
  spuriousFamilies,
  spuriousRuns,
} from "./spurious.js";
import { tianPicture } from "./tian.js";

export const computeApi = {
  cnnRun: (args: CnnState, _progress: ProgressFn) => cnnRun(args),
  cnnBasins: (args: BasinsArgs, progress: ProgressFn) => cnnBasins(args, progress),
  probabilitySweep: (args: ProbabilityArgs, progress: ProgressFn) => probabilitySweep(args, progress),
  tianPicture: (args: TianState, _progress: ProgressFn) => tianPicture(args),
  dingRun: (args: DingState, _progress: ProgressFn) => dingRun(args),
  spuriousRuns: (args: SpuriousRunsArgs, progress: ProgressFn) => spuriousRuns(args, progress),
  spuriousFamilies: (args: SpuriousFamiliesArgs, _progress: ProgressFn) => spuriousFamilies(args),
};

export type ComputeApi = typeof computeApi;
export type ComputeMethod = keyof ComputeApi;
