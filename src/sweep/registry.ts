/**
 * The sweep models built into Minima, by name. A registration is one line: the name a spec's
 * `model` field uses and the module (in src/sweep/models/) whose default export is the model's
 * `SweepModel`. Module URLs are resolved relative to this file, so they work from src/ (tsx) and
 * from the compiled dist/ alike; worker threads load the module from the URL.
 */
import { ownExtension } from "./model.js";

const moduleOf = (file: string) => new URL(`./models/${file}${ownExtension()}`, import.meta.url).href;

/** Built-in models by name → module URL. */
export const builtInModels: Readonly<Record<string, string>> = {
  cnn: moduleOf("cnn"),
  fc: moduleOf("fc"),
};

export function registeredModelNames(): string[] {
  return Object.keys(builtInModels);
}
