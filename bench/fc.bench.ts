/**
 * Population-gradient evaluations per second of Tian's two-layer ReLU network at K = d = 20 and 100,
 * beside the vectorised NumPy formula in the style of the author's compute_term
 * (bench/reference/fc_population_gradient.py), in the same run. Prints the ratio (target >= 10x) and
 * the largest difference between the two gradients. Installs Debian's python3-numpy if NumPy is missing.
 */
import { spawnSync } from "node:child_process";
import { Rng } from "../src/math/rng.js";
import { makeNetwork } from "../src/models/fc/network.js";
import { FcPopulation } from "../src/models/fc/population.js";
import { reluPairKernel } from "../src/models/fc/relu-kernel.js";

const SECONDS = 2;

function ensureNumpy(): boolean {
  if (spawnSync("python3", ["-c", "import numpy"]).status === 0) return true;
  console.log("NumPy missing: installing Debian's python3-numpy with apt-get");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const run = (args: string[]) =>
    spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: "inherit" });
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "python3-numpy"]);
  return spawnSync("python3", ["-c", "import numpy"]).status === 0;
}

function rows(W: Float64Array, K: number, d: number): number[][] {
  return Array.from({ length: K }, (_, j) => Array.from(W.subarray(j * d, (j + 1) * d)));
}

function measureJs(
  K: number,
  d: number,
  W: Float64Array,
  Ws: Float64Array,
): { rate: number; gradient: Float64Array } {
  const pop = new FcPopulation(reluPairKernel, makeNetwork(K, d, Ws), K);
  const x = { W, a: new Float64Array(K).fill(1) };
  const g = new Float64Array(K * d);
  for (let i = 0; i < 200; i++) pop.lossAndGradient(x, g); // warm-up for the JIT
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    for (let i = 0; i < 10; i++) pop.lossAndGradient(x, g);
    n += 10;
  }
  const rate = n / ((performance.now() - start) / 1000);
  pop.lossAndGradient(x, g);
  return { rate, gradient: Float64Array.from(g) };
}

const haveNumpy = ensureNumpy();
let below = false;
console.log("K=d    minima evals/s   numpy evals/s   ratio    max |Δ∇J|");
for (const K of [20, 100]) {
  const d = K;
  const rng = Rng.fromSeed(2017, K);
  const W = rng.normals(K * d);
  const Ws = rng.normals(K * d);
  const js = measureJs(K, d, W, Ws);
  if (!haveNumpy) {
    console.log(`${String(K).padEnd(6)} ${js.rate.toFixed(0).padStart(14)}   (NumPy unavailable)`);
    continue;
  }
  const py = spawnSync("python3", ["bench/reference/fc_population_gradient.py"], {
    input: JSON.stringify({ W: rows(W, K, d), Wstar: rows(Ws, K, d), seconds: SECONDS }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (py.status !== 0) throw new Error(`NumPy baseline failed: ${py.stderr}`);
  const ref = JSON.parse(py.stdout) as { evalsPerSecond: number; gradient: number[][] };
  let diff = 0;
  ref.gradient.forEach((r, j) =>
    r.forEach((v, i) => (diff = Math.max(diff, Math.abs(v - js.gradient[j * d + i])))),
  );
  const ratio = js.rate / ref.evalsPerSecond;
  if (ratio < 10) below = true;
  console.log(
    `${String(K).padEnd(6)} ${js.rate.toFixed(0).padStart(14)}   ${ref.evalsPerSecond.toFixed(0).padStart(13)}   ${ratio.toFixed(1).padStart(5)}x   ${diff.toExponential(1)}`,
  );
}
if (below) console.log("note: below the 10x target at some size (machine load affects both sides)");
