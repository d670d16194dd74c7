// Piscina's worker entry when Minima runs from its TypeScript sources (under tsx). Node 20 does not
// pass tsx's loader hooks on to worker threads, so this plain-JS file registers them in the worker
// when needed and then loads the real worker. The compiled package uses dist/sweep/worker.js instead.
let worker;
try {
  worker = await import("./worker.ts");
} catch (error) {
  if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
  const { register } = await import("tsx/esm/api");
  register();
  // A fresh URL: the failed import above stays cached under the plain one.
  worker = await import("./worker.ts?with-tsx");
}
export default worker.default;
