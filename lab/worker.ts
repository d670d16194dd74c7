/**
 * The Web Worker entry point: runs one compute method per message and posts its progress and
 * result back (protocol in rpc.ts). All mathematics lives in the library; lab/compute/ only
 * shapes its results for the views.
 */
import { type ComputeMethod, computeApi } from "./compute/api.js";

interface Request {
  id: number;
  method: ComputeMethod;
  args: unknown;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, method, args } = event.data;
  try {
    const fn = computeApi[method] as (a: unknown, progress: (p: unknown) => void) => unknown;
    if (!fn) throw new Error(`unknown method ${method}`);
    let lastPost = 0;
    const result = fn(args, (progress) => {
      const now = Date.now();
      if (now - lastPost > 40) {
        lastPost = now;
        scope.postMessage({ id, progress });
      }
    });
    scope.postMessage({ id, result });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
