/** The report's sections, in the order of the issue. */
import type { SectionBuilder } from "./build.js";
import { dingBuilder } from "./ding/section.js";
import { duBuilder } from "./du/section.js";
import { safranShamirBuilder } from "./safran-shamir/section.js";
import { tianBuilder } from "./tian/section.js";

export const reportSections: readonly SectionBuilder[] = [
  duBuilder,
  tianBuilder,
  dingBuilder,
  safranShamirBuilder,
];
