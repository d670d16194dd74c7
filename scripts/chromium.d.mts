// Types of scripts/chromium.mjs for the TypeScript tests that import it.
export declare const DEBIAN_CHROMIUM: string;

export interface ChromiumFacts {
  readonly env: Readonly<Record<string, string | undefined>>;
  exists(path: string): boolean;
  readonly playwrightPath: string | undefined;
  readonly root: boolean;
  readonly apt: boolean;
  readonly aptHasChromium: boolean;
  readonly numpy: boolean;
}

export type ChromiumPlan =
  | { readonly action: "use"; readonly path: string }
  | {
      readonly action: "install";
      readonly how: "apt" | "playwright";
      readonly packages?: string[];
      readonly path: string;
    }
  | { readonly action: "stop"; readonly line: string };

export declare function planChromium(facts: ChromiumFacts): ChromiumPlan;
export declare function machineFacts(env?: Readonly<Record<string, string | undefined>>): ChromiumFacts;
export declare function ensureChromium(facts?: ChromiumFacts): string | undefined;
export declare function needsChromium(file: string): boolean;
