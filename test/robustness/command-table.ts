/**
 * Every `minima` command with a quick valid command line and its flags by kind, for the generated
 * cases of test/robustness. A flag's kind picks the values a generator tries: numbers (ordinary,
 * boundary, huge, tiny, hexadecimal, with separators, empty), integers, comma lists, choices,
 * switches and files. `base` must run in well under a second; a flag given by a case replaces the
 * base's value of that flag.
 */

export type FlagKind =
  | { readonly kind: "number"; readonly typical: readonly string[] }
  | { readonly kind: "int"; readonly typical: readonly string[] }
  | { readonly kind: "list"; readonly typical: readonly string[] }
  | { readonly kind: "choice"; readonly choices: readonly string[] }
  | { readonly kind: "switch" }
  | { readonly kind: "file" };

export interface CommandCase {
  /** Words that select the command. */
  readonly name: string;
  /** A name for a second mode of the same command (e.g. "fc k1 --polar"). */
  readonly label?: string;
  /** Positional arguments and flags of a quick valid run (files as "@name", see fixtures). */
  readonly base: readonly string[];
  readonly flags: Readonly<Record<string, FlagKind>>;
}

const num = (...typical: string[]): FlagKind => ({ kind: "number", typical });
const int = (...typical: string[]): FlagKind => ({ kind: "int", typical });
const list = (...typical: string[]): FlagKind => ({ kind: "list", typical });
const choice = (...choices: string[]): FlagKind => ({ kind: "choice", choices });
const sw: FlagKind = { kind: "switch" };
const file: FlagKind = { kind: "file" };
const activation = choice("relu", "tanh", "sigmoid", "linear", "quadratic", "softplus", "nope");

export const COMMANDS: readonly CommandCase[] = [
  {
    name: "cnn train",
    base: ["--k", "5", "--p", "3", "--ratio", "1", "--steps", "50"],
    flags: {
      k: int("2", "5", "25"),
      p: int("1", "3"),
      ratio: num("0", "1", "4"),
      anorm: num("0.5", "1", "3"),
      eta: num("0.05", "0.2", "10"),
      steps: int("0", "10", "50"),
      seed: int("0", "7"),
      trial: int("0", "3"),
      init: choice("paper", "gaussian", "uniform", "bad"),
      "init-std": num("0.001", "1", "100"),
      method: choice("wn-gd", "gd", "exact", "bad"),
      samples: int("5", "50"),
      batch: int("1", "5"),
      activation,
      "full-budget": sw,
      trajectory: sw,
      json: sw,
    },
  },
  {
    name: "cnn critical",
    base: ["--k", "5", "--ratio", "1"],
    flags: {
      k: int("2", "5", "25"),
      p: int("1", "3"),
      ratio: num("0", "1", "4"),
      anorm: num("0.5", "1"),
      teacher: file,
      activation,
      json: sw,
    },
  },
  {
    name: "cnn probability",
    base: ["--k", "5", "--ratio", "1", "--trials", "4", "--workers", "1", "--steps", "50"],
    flags: {
      k: int("2", "5"),
      p: int("1", "3"),
      ratio: num("0", "1"),
      anorm: num("1"),
      eta: num("0.1", "auto"),
      trials: int("1", "4"),
      seed: int("0", "1"),
      steps: int("10", "50"),
      init: choice("paper", "gaussian", "bad"),
      workers: int("1", "2"),
      json: sw,
    },
  },
  {
    name: "fc probability",
    base: ["--K", "2", "--trials", "3", "--workers", "1", "--steps", "50"],
    flags: {
      K: int("2", "3"),
      Kstar: int("1", "2"),
      d: int("2", "3"),
      teacher: choice("orthonormal", "gaussian", "bad"),
      top: choice("ones", "trained", "bad"),
      init: choice("fan-in", "glorot", "gaussian", "bad"),
      "init-std": num("0.1", "1"),
      eta: num("0.05", "0.5"),
      "grad-tol": num("1e-6"),
      steps: int("10", "50"),
      finish: choice("newton", "none", "bad"),
      activation,
      optimizer: choice("gd", "flow", "bad"),
      "flow-rtol": num("1e-6"),
      "flow-atol": num("1e-9"),
      trials: int("1", "3"),
      seed: int("0", "1"),
      workers: int("1", "2"),
      json: sw,
    },
  },
  { name: "eval", base: ["@cnn-problem"], flags: { hessian: sw, "full-hessian": sw, json: sw } },
  {
    name: "classify",
    base: ["@fc-problem", "--restarts", "1", "--iterations", "20"],
    flags: {
      "grad-tol": num("1e-6", "1"),
      "rel-tol": num("1e-7"),
      restarts: int("0", "1"),
      radius: num("1e-3", "1"),
      iterations: int("10", "20"),
      seed: int("0", "1"),
      spectrum: choice("auto", "dense", "lanczos", "bad"),
      json: sw,
    },
  },
  {
    name: "certify",
    base: ["--activation", "sigmoid", "--d0", "2", "--samples", "4", "--widths", "3"],
    flags: {
      activation,
      d0: int("1", "2"),
      samples: int("2", "4"),
      widths: list("3", "3,2"),
      seed: int("0", "1"),
      data: file,
      weights: file,
      restarts: int("0", "1"),
      iterations: int("10"),
      "training-starts": int("0", "1"),
      "design-labels": sw,
      json: sw,
    },
  },
  {
    name: "fc critical",
    base: ["--betas", "4", "--phis", "8"],
    flags: {
      betas: int("2", "4"),
      phis: int("4", "8"),
      grid: sw,
      beta: num("1", "2"),
      problem: file,
      activation,
      json: sw,
    },
  },
  {
    name: "fc critical",
    label: "fc critical --beta",
    base: ["--beta", "1", "--phi1", "0.5", "--phi2", "2"],
    flags: { beta: num("1", "2", "3.14"), phi1: num("0.5", "1"), phi2: num("0.5", "2"), json: sw },
  },
  {
    name: "fc k1",
    label: "fc k1 --polar",
    base: ["--polar", "--steps", "100", "--every", "10"],
    flags: {
      d: int("2", "3"),
      r0: num("0.5", "2"),
      theta0: num("3", "0", "3.14159"),
      eta: num("0.01", "1"),
      steps: int("10", "100"),
      every: int("1", "10"),
      json: sw,
    },
  },
  {
    name: "classify",
    label: "classify (stationary)",
    base: ["@fc-stationary", "--restarts", "1", "--iterations", "20"],
    flags: { radius: num("1e-3", "1"), "rel-tol": num("1e-7"), iterations: int("10", "20"), json: sw },
  },
  {
    name: "fc dynamics2d",
    base: ["--K", "3", "--x0", "0.1", "--y0", "0", "--steps", "100"],
    flags: {
      K: int("2", "3", "5"),
      x0: num("0.1", "1e-3", "0.5"),
      y0: num("0", "0.1"),
      eta: num("0.01", "0.1", "5"),
      steps: int("0", "10", "100"),
      mode: choice("plain", "diagonal", "resymmetrise", "bad"),
      every: int("1", "10"),
      "check-full": sw,
      d: int("3", "4"),
      activation,
      json: sw,
    },
  },
  {
    name: "fc field",
    base: ["--K", "3", "--n", "4"],
    flags: {
      K: int("2", "3"),
      "x-range": list("0,1", "-1,2"),
      "y-range": list("0,0.6", "-1,1"),
      n: int("2", "4"),
      activation,
      json: sw,
    },
  },
  {
    name: "fc fig3",
    base: ["--d", "3", "--N", "10", "--thetas", "0.5", "--pairs", "2", "--theta-N", "10"],
    flags: {
      d: list("3", "2,3"),
      N: list("10", "5,10"),
      thetas: list("0.5", "0,3.14"),
      "theta-N": int("10"),
      pairs: int("1", "2"),
      laws: choice("gaussian", "uniform", "gaussian,uniform", "bad"),
      seed: int("0", "1"),
      activation,
      json: sw,
    },
  },
  {
    name: "fc k1",
    base: ["--d", "2", "--eps", "0.5", "--trials", "3", "--steps", "100"],
    flags: {
      polar: sw,
      d: list("2", "2,3"),
      eps: list("0.5", "0.1,0.9"),
      trials: int("1", "3"),
      eta: num("0.1", "1"),
      steps: int("10", "100"),
      seed: int("0", "1"),
      r0: num("0.5", "2"),
      theta0: num("3", "0", "3.14159"),
      every: int("1", "10"),
      "gaussian-std": num("0.1", "1"),
      activation,
      json: sw,
    },
  },
  {
    name: "fc noisy",
    base: ["--K", "2", "--d", "3", "--noises", "0.1", "--runs", "2", "--steps", "50"],
    flags: {
      K: int("2", "3"),
      d: int("2", "3"),
      noises: list("0.1", "0,1"),
      runs: int("1", "2"),
      eta: num("0.05", "0.5"),
      steps: int("10", "50"),
      seed: int("0", "1"),
      a: list("1,1", "1,-1"),
      activation,
      json: sw,
    },
  },
  { name: "fc saddles", base: ["--K", "2,3"], flags: { K: list("2", "2,3"), activation, json: sw } },
  {
    name: "fc ssb",
    base: ["--K", "2", "--d", "2", "--trials", "2", "--steps", "50"],
    flags: {
      K: int("2", "3"),
      d: int("2", "3"),
      x0: num("0.1", "0.5"),
      delta: num("1e-3", "0.1"),
      shift: num("0", "0.1"),
      trials: int("1", "2"),
      eta: num("0.05", "0.5"),
      steps: int("10", "50"),
      seed: int("0", "1"),
      activation,
      json: sw,
    },
  },
  {
    name: "fc train",
    base: ["--K", "2", "--d", "2", "--steps", "50"],
    flags: {
      K: int("1", "2", "3"),
      d: int("1", "2", "3"),
      Kstar: int("1", "2"),
      teacher: choice("orthonormal", "gaussian", "bad"),
      "teacher-file": file,
      init: choice("gaussian", "ball", "bad"),
      "init-std": num("0.001", "1"),
      "init-radius": num("0.5", "1"),
      "init-file": file,
      "train-a": sw,
      eta: num("0.1", "1"),
      steps: int("10", "50"),
      seed: int("0", "1"),
      hessian: sw,
      activation,
      optimizer: choice("gd", "flow", "bad"),
      "flow-rtol": num("1e-6"),
      "flow-atol": num("1e-9"),
      json: sw,
    },
  },
];

/** Values a number flag is tried with beyond its typical ones: boundaries, extremes and malformed text. */
export const NASTY_NUMBERS: readonly string[] = [
  "0",
  "-0",
  "-1",
  "1",
  "2.5",
  "1e-320",
  "1e-300",
  "1e300",
  "-1e300",
  "1e308",
  "1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x3",
  "1_000",
  "0b11",
  "",
  " ",
  "abc",
  "1e12",
  "9007199254740993",
  "3.",
  ".5",
  "+2",
];

export const NASTY_LISTS: readonly string[] = [
  "0,1e300",
  "-1e300,0",
  "1e-320,1",
  ",",
  "1,",
  "1,,2",
  "1,NaN",
  "1e308,1e308",
  "0x3",
  "-1,-2",
  " , ",
];
