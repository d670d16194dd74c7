/**
 * Assembles the report: runs each paper's section in the order of the issue and collects the
 * rendered sections. A section whose upstream capability is missing reports what is missing
 * instead of failing the whole report.
 */

import type { ReportSettings } from "./settings.js";
import type { Report, Section } from "./types.js";
import { minimaVersionText } from "./version.js";

export interface SectionBuilder {
  readonly id: string;
  readonly title: string;
  build(settings: ReportSettings): Promise<Section>;
}

export async function buildReport(
  builders: readonly SectionBuilder[],
  settings: ReportSettings,
  command: string,
): Promise<Report> {
  const sections: Section[] = [];
  for (const builder of builders) sections.push(await builder.build(settings));
  return {
    meta: {
      title:
        "Minima reproduction report: Du et al. 2018, Tian 2017, Ding, Li & Sun 2019, Safran & Shamir 2018",
      version: minimaVersionText(),
      size: settings.size,
      seed: settings.seed,
      command,
    },
    sections,
  };
}
