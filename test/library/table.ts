/**
 * Every function (and class, and object of functions) that src/index.ts exports, with a valid call
 * and the kind of each argument; test/library/input-checks.test.ts derives the malformed calls from
 * the kinds (test/library/malformed.ts). An entry's `export` is the exported name it covers; an
 * export may have several entries (a class's static and instance methods, a contract's members).
 * Exports that take no input, and objects whose functions are the library's inner loop (called per
 * quadrature node or per step, where a check would cost as much as the work), are listed in
 * `NO_INPUT` and `INNER_LOOP` with the reason.
 */
import * as lib from "../../src/index.js";
import {
  type Argument,
  bool,
  choice,
  custom,
  func,
  integer,
  number,
  object,
  partial,
  positive,
  rows,
  vector,
} from "./malformed.js";

export interface Entry {
  /** The exported name this entry covers. */
  readonly export: string;
  /** What is called, when not the export itself with the arguments (a method, a constructor). */
  readonly label?: string;
  readonly args: readonly Argument[];
  readonly call: (...args: unknown[]) => unknown;
}

const fn =
  (f: unknown) =>
  (...args: unknown[]) =>
    (f as (...a: unknown[]) => unknown)(...args);
/** The exports by name (for entries made in a loop over names). */
const api: Readonly<Record<string, unknown>> = { ...lib };

const ctor =
  (C: unknown) =>
  (...args: unknown[]) =>
    new (C as new (...a: unknown[]) => unknown)(...args);

/** Exports that take no input at all. */
export const NO_INPUT: Readonly<Record<string, string>> = {
  activationNames: "takes no arguments",
  InputError: "the error type itself: its arguments are the message",
};

/** Objects whose functions run inside the library's loops; their entry points are checked instead. */
export const INNER_LOOP: Readonly<Record<string, string>> = {
  activations:
    "each activation's value/d1/d2/d3 is evaluated per quadrature node and per sample; activationByName is the entry",
  reluKernel: "κ(ρ) and its derivatives are evaluated per step; the population functions check their inputs",
  reluPairKernel: "evaluated per pair of units per step; FcPopulation checks the points",
};

// ── Valid inputs, small ─────────────────────────────────────────────────────────────────────────

const k = 3;
const p = 4;
const teacher = () => lib.cnnTeacherFromRatio(k, p, 1, 1);
const v = [0.3, -0.2, 0.9, 0.1];
const a = [0.2, 0.1, -0.3];
const rng = () => lib.Rng.fromSeed(5);
const tanh = () => lib.activationByName("tanh");

const cnnTeacherArg = (name = "teacher") =>
  custom(name, teacher(), [
    { what: "null", value: null },
    { what: "a string", value: "teacher" },
    { what: "w missing", value: { a: teacher().a, wNorm: 1 }, name: `${name}.w` },
    { what: "NaN in w", value: { ...teacher(), w: Float64Array.of(1, Number.NaN, 0, 0) }, name: `${name}.w` },
    {
      what: "∞ in a",
      value: { ...teacher(), a: Float64Array.of(1, Number.POSITIVE_INFINITY, 0) },
      name: `${name}.a`,
    },
    {
      what: "w not a unit vector",
      value: { ...teacher(), w: Float64Array.of(2, 0, 0, 0) },
      name: `${name}.w`,
    },
    { what: "empty a", value: { ...teacher(), a: new Float64Array(0) }, name: `${name}.a` },
  ]);

const cnnKernelArg = () =>
  custom("kernel", lib.reluKernel, [
    { what: "null", value: null },
    { what: "a name", value: "relu" },
    { what: "no kappa", value: { ...lib.reluKernel, kappa: undefined }, name: "kernel.kappa" },
    { what: "NaN mean", value: { ...lib.reluKernel, mean: Number.NaN }, name: "kernel.mean" },
  ]);

const pairKernelArg = () =>
  custom("kernel", lib.reluPairKernel, [
    { what: "null", value: null },
    { what: "a name", value: "relu" },
    { what: "no first", value: { activation: "relu" }, name: "kernel.first" },
  ]);

const rngArg = (name = "rng") =>
  custom(name, rng(), [
    { what: "null", value: null },
    { what: "a seed", value: 5 },
    { what: "an object", value: { normal: () => 0 } },
  ]);

const activationArg = (name = "activation") =>
  custom(name, tanh(), [
    { what: "null", value: null },
    { what: "a name", value: "tanh" },
    { what: "no value function", value: { ...tanh(), value: 3 }, name: `${name}.value` },
  ]);

const quadratureOptions = () =>
  object("options", {
    hermiteOrder: integer("hermiteOrder", 32, 1, 400),
    legendreOrder: integer("legendreOrder", 16, 1, 400),
  });

const fcNetwork = (K: number, d: number, W: number[]) => lib.makeNetwork(K, d, Float64Array.from(W));
const fcNetworkArg = (name: string, K: number, d: number, W: number[]) =>
  custom(name, fcNetwork(K, d, W), [
    { what: "null", value: null },
    { what: "an array", value: W },
    {
      what: "W too short",
      value: { K, d, W: Float64Array.from(W.slice(1)), a: new Float64Array(K).fill(1) },
      name: `${name}.W`,
    },
    {
      what: "NaN in W",
      value: {
        K,
        d,
        W: Float64Array.from(W, (x, i) => (i === 0 ? Number.NaN : x)),
        a: new Float64Array(K).fill(1),
      },
      name: `${name}.W`,
    },
    {
      what: "a of the wrong length",
      value: { K, d, W: Float64Array.from(W), a: new Float64Array(K + 1).fill(1) },
      name: `${name}.a`,
    },
    {
      what: "K not an integer",
      value: { K: 1.5, d, W: Float64Array.from(W), a: new Float64Array(K).fill(1) },
      name: `${name}.K`,
    },
  ]);
const fcTeacher = () => lib.orthonormalTeacher(2, 3);
const fcStudentW = [0.9, 0.1, 0.2, -0.1, 0.8, 0.3];
/** A point {W, a}; `aSetsK`: the number of units is read from a (so a's length cannot be wrong). */
const fcPointArg = (name: string, aSetsK = false) =>
  object(name, {
    W: vector("W", Float64Array.from(fcStudentW)),
    a: vector("a", new Float64Array(2).fill(1), { fixedLength: !aSetsK }),
  });

const problem = () => new lib.CnnProblem(teacher(), Float64Array.from(v), Float64Array.from(a));
const problemArg = (name = "problem") =>
  custom(name, problem(), [
    { what: "null", value: null },
    {
      what: "no gradient",
      value: { ...problem(), loss: () => 0, gradient: undefined, point: problem().point },
      name: `${name}.gradient`,
    },
    {
      what: "NaN in point",
      value: {
        loss: () => 0,
        gradient: (x: Float64Array) => x,
        point: Float64Array.of(Number.NaN),
        blocks: [["x", 1]],
        structure: () => ({}),
      },
      name: `${name}.point`,
    },
  ]);
const objectiveArg = (name = "f") =>
  custom(
    name,
    {
      loss: (x: Float64Array) => x[0] ** 2 + x[1] ** 2,
      gradient: (x: Float64Array) => Float64Array.of(2 * x[0], 2 * x[1]),
    },
    [
      { what: "null", value: null },
      { what: "a function", value: (x: number) => x },
      { what: "no gradient", value: { loss: () => 0 }, name: `${name}.gradient` },
    ],
  );

const mlpArchitectureArg = () =>
  object("architecture", {
    inputDim: integer("inputDim", 1, 1),
    widths: custom(
      "widths",
      [2],
      [
        { what: "empty", value: [] },
        { what: "a zero width", value: [0], name: "widths[0]" },
        { what: "a fractional width", value: [1.5], name: "widths[0]" },
        { what: "a number", value: 2 },
      ],
    ),
    activation: activationArg(),
  });
const mlpData = () => ({
  x: [-1.5, -0.5, 0.5, 1.5].map((x) => Float64Array.of(x)),
  y: Float64Array.of(-1, 1, 1, -1),
});
const mlpDataArg = () =>
  object("data", {
    x: rows("x", mlpData().x, { fixedRows: false }),
    y: vector("y", mlpData().y, { float64: false }),
  });
const mlpPoint = () => Float64Array.of(0, 0, -1, -1, 1, 1, -0.5379);

const dingPoint = () =>
  lib.buildDingPoint({
    activation: lib.activationByName("sigmoid"),
    widths: [2],
    inputs: mlpData().x,
    labels: mlpData().y,
    seed: 1,
  });
const dingPointArg = () =>
  custom("point", dingPoint(), [
    { what: "null", value: null },
    { what: "theta too short", value: { ...dingPoint(), theta: new Float64Array(3) }, name: "point.theta" },
    {
      what: "NaN in theta",
      value: { ...dingPoint(), theta: dingPoint().theta.map((x, i) => (i === 0 ? Number.NaN : x)) },
      name: "point.theta",
    },
    { what: "no data", value: { ...dingPoint(), data: undefined }, name: "point.data" },
  ]);

const cnnSpec = () =>
  object(
    "spec",
    {
      k: integer("k", k, 1),
      p: integer("p", p, 1),
      ratio: number("ratio", 1, { min: 0, max: k }),
      anorm: positive("anorm", 1),
      eta: positive("eta", 0.2),
      maxSteps: integer("maxSteps", 200, 0),
      init: choice("init", "paper"),
    },
    { prefix: "", unknownField: true },
  );
const fcSpec = () =>
  object(
    "spec",
    {
      n: integer("n", 2, 1, 200),
      k: integer("k", 2, 1, 200),
      d: integer("d", 2, 1, 200),
      eta: positive("eta", 0.1),
      maxSteps: integer("maxSteps", 2000, 0),
    },
    { prefix: "", unknownField: true },
  );

const square = [
  [4, 1],
  [1, 3],
];

// ── The table ───────────────────────────────────────────────────────────────────────────────────

export const TABLE: readonly Entry[] = [
  // Random streams, angles, statistics, linear algebra
  {
    export: "angleBetween",
    args: [vector("x", [1, 2, 3], { fixedLength: false }), vector("y", [0.5, 1, -1])],
    call: fn(lib.angleBetween),
  },
  {
    export: "cosineBetween",
    args: [vector("x", [1, 2, 3], { fixedLength: false }), vector("y", [0.5, 1, -1])],
    call: fn(lib.cosineBetween),
  },
  { export: "clampUnit", args: [number("c", 0.5)], call: fn(lib.clampUnit) },
  { export: "clampedAcos", args: [number("c", 0.5)], call: fn(lib.clampedAcos) },
  { export: "gaussHermite", args: [integer("n", 8, 1, 400)], call: fn(lib.gaussHermite) },
  {
    export: "gaussLegendre",
    args: [
      integer("n", 8, 1, 400),
      number("a", -1),
      custom("b", 1, [...number("b", 1).bad, { what: "not above a", value: -1 }]),
    ],
    call: fn(lib.gaussLegendre),
  },
  {
    export: "leastSquares",
    args: [
      rows(
        "rows",
        [
          [1, 2],
          [3, 4],
          [5, 7],
        ],
        { fixedRows: false, fixedColumns: false },
      ),
      vector("b", [1, 2, 3]),
    ],
    call: fn(lib.leastSquares),
  },
  {
    export: "projectOntoNullSpace",
    args: [
      rows("constraintRows", [[1, 0, 0]], { fixedRows: false }),
      vector("r", [1, 2, 3], { fixedLength: false }),
    ],
    call: fn(lib.projectOntoNullSpace),
  },
  {
    export: "Rng",
    label: "Rng.fromSeed",
    args: [integer("seed", 3, 0), integer("index", 2, 0)],
    call: fn(lib.Rng.fromSeed),
  },
  {
    export: "Rng",
    label: "rng.stream",
    args: [integer("index", 2, 0)],
    call: (i) => rng().stream(i as number),
  },
  {
    export: "Rng",
    label: "rng.int",
    args: [integer("n", 6, 1, 2 ** 32)],
    call: (n) => rng().int(n as number),
  },
  {
    export: "Rng",
    label: "rng.normals",
    args: [integer("n", 6, 0)],
    call: (n) => rng().normals(n as number),
  },
  {
    export: "Rng",
    label: "rng.onSphere",
    args: [integer("dim", 3, 1)],
    call: (n) => rng().onSphere(n as number),
  },
  {
    export: "Rng",
    label: "rng.inBall",
    args: [integer("dim", 3, 1), number("radius", 0.5, { min: 0 })],
    call: (n, r) => rng().inBall(n as number, r as number),
  },
  {
    export: "cholesky",
    args: [rows("rows", square, { fixedColumns: false }), number("shift", 0)],
    call: fn(lib.cholesky),
  },
  {
    export: "positiveDefinite",
    args: [rows("rows", square, { fixedColumns: false }), number("shift", 0)],
    call: fn(lib.positiveDefinite),
  },
  {
    export: "choleskySolve",
    args: [
      custom("factor", lib.cholesky(square), [
        { what: "null", value: null },
        { what: "NaN in L", value: { n: 2, L: Float64Array.of(2, 0, Number.NaN, 1) }, name: "factor.L" },
        { what: "L of the wrong size", value: { n: 2, L: new Float64Array(3) }, name: "factor.L" },
      ]),
      vector("b", [1, 2]),
    ],
    call: fn(lib.choleskySolve),
  },
  {
    export: "hessianSpectrum",
    args: [rows("rows", square, { fixedColumns: false }), number("relTol", 1e-7, { min: 0 })],
    call: fn(lib.hessianSpectrum),
  },
  {
    export: "summariseSpectrum",
    args: [
      vector("eigenvalues", Float64Array.of(-1, 0, 2), { fixedLength: false }),
      number("relTol", 1e-7, { min: 0 }),
      number("absTol", 1e-12, { min: 0 }),
    ],
    call: fn(lib.summariseSpectrum),
  },
  {
    export: "atLeastOneOf",
    args: [number("p", 0.3, { min: 0, max: 1 }), integer("m", 2, 1)],
    call: fn(lib.atLeastOneOf),
  },
  {
    export: "wilsonInterval",
    args: [
      custom("count", 3, [...integer("count", 3, 0).bad, { what: "above n", value: 11 }]),
      integer("n", 10, 0),
      positive("z", lib.Z95),
    ],
    call: fn(lib.wilsonInterval),
  },
  {
    export: "dot",
    args: [vector("x", [1, 2], { fixedLength: false }), vector("y", [3, 4])],
    call: fn(lib.dot),
  },
  { export: "norm", args: [vector("x", [3, 4], { fixedLength: false })], call: fn(lib.norm) },
  {
    export: "orthogonalUnit",
    args: [
      custom(
        "w",
        [1, 2, 3],
        [
          ...vector("w", [1, 2, 3], { fixedLength: false }).bad,
          { what: "the zero vector", value: [0, 0, 0] },
        ],
      ),
    ],
    call: fn(lib.orthogonalUnit),
  },
  { export: "unitVector", args: [integer("dim", 3, 1), integer("index", 1, 0, 2)], call: fn(lib.unitVector) },

  // Activations and Gaussian kernels
  { export: "activationByName", args: [choice("activation", "tanh")], call: fn(lib.activationByName) },
  {
    export: "quadratureCnnKernel",
    args: [activationArg(), quadratureOptions()],
    call: fn(lib.quadratureCnnKernel),
  },
  {
    export: "quadraturePairKernel",
    args: [activationArg(), quadratureOptions()],
    call: fn(lib.quadraturePairKernel),
  },
  {
    export: "gaussianExpectation",
    args: [
      func("f", Math.tanh),
      vector("kinks", [0], { fixedLength: false, nonEmpty: false }),
      positive("a", 1),
      quadratureOptions(),
    ],
    call: fn(lib.gaussianExpectation),
  },
  {
    export: "pairExpectation",
    args: [
      object("integrand", {
        f: func("f", Math.tanh),
        g: func("g", Math.tanh),
        kinksF: vector("kinksF", [0], { fixedLength: false, nonEmpty: false }),
        powerU: integer("powerU", 0, 0, 2),
      }),
      number("rho", 0.3, { min: -1, max: 1 }),
      positive("a", 1),
      positive("b", 1.5),
      quadratureOptions(),
    ],
    call: fn(lib.pairExpectation),
  },

  // The CNN
  { export: "cnnKernelFor", args: [choice("activation", "tanh")], call: fn(lib.cnnKernelFor) },
  ...(["cnnPopulationLoss", "cnnPopulationGradient", "cnnPopulationHessian"] as const).map((name) => ({
    export: name,
    args: [cnnTeacherArg(), vector("v", v), vector("a", a), cnnKernelArg()],
    call: fn(api[name]),
  })),
  {
    export: "CnnProblem",
    args: [cnnTeacherArg(), vector("v", v), vector("a", a), cnnKernelArg()],
    call: ctor(lib.CnnProblem),
  },
  {
    export: "CnnSampledProblem",
    args: [
      cnnTeacherArg(),
      vector("v", v),
      vector("a", a),
      vector("patches", new Float64Array(2 * k * p).fill(0.5)),
      integer("n", 2, 1),
    ],
    call: ctor(lib.CnnSampledProblem),
  },
  {
    export: "cnnProblemFormat",
    label: "cnnProblemFormat.parse",
    args: [
      object(
        "problem",
        {
          teacher: object("teacher", {
            w: vector("w", [1, 0, 0], { fixedLength: false }),
            a: vector("a", [0.6, -0.3], { fixedLength: false }),
          }),
          student: object("student", { v: vector("v", [0.4, -0.9, 0.3]), a: vector("a", [0.5, -0.2]) }),
        },
        { prefix: "", unknownField: true, extra: { model: "cnn" } },
      ),
    ],
    call: (json) => lib.cnnProblemFormat.parse(json as Record<string, unknown>),
  },
  ...(["spuriousRatioThreshold", "cnnStabilityBound", "cnnMonotoneStep", "cnnDefaultEta"] as const).map(
    (name) => ({
      export: name,
      args: [integer("k", 25, 1)],
      call: fn(api[name]),
    }),
  ),
  ...(["cnnDefaultEtaFor", "cnnStabilityBoundFor"] as const).map((name) => ({
    export: name,
    args: [choice("activation", "tanh"), integer("k", 25, 1)],
    call: fn(api[name]),
  })),
  {
    export: "stepsForHorizon",
    args: [positive("horizon", 6000), positive("eta", 0.2)],
    call: fn(lib.stepsForHorizon),
  },
  {
    export: "cnnSampledLossGradient",
    args: [
      cnnTeacherArg(),
      vector("v", v),
      vector("a", a),
      vector("patches", new Float64Array(2 * k * p).fill(0.5)),
      custom(
        "indices",
        [0, 1],
        [
          { what: "an index past the data", value: [0, 2], name: "indices[1]" },
          { what: "a negative index", value: [-1], name: "indices[0]" },
          { what: "a count past the data", value: 3 },
          { what: "a zero count", value: 0 },
          { what: "NaN", value: Number.NaN },
          { what: "a string", value: "2" },
        ],
      ),
      bool("normalised", true),
    ],
    call: fn(lib.cnnSampledLossGradient),
  },
  {
    export: "drawCnnInputs",
    args: [rngArg(), integer("n", 2, 1), integer("k", k, 1), integer("p", p, 1)],
    call: fn(lib.drawCnnInputs),
  },
  {
    export: "cnnStationaryPoints",
    args: [cnnTeacherArg(), func("lossAt", () => 0)],
    call: fn(lib.cnnStationaryPoints),
  },
  ...(
    [
      "isSpuriousLocalMinimum",
      "saddleAngle",
      "spuriousLoss",
      "spuriousOutputWeights",
      "teacherRatio",
    ] as const
  ).map((name) => ({
    export: name,
    args: [cnnTeacherArg()],
    call: fn(api[name]),
  })),
  {
    export: "cnnTeacher",
    args: [
      custom(
        "teacher.w",
        [0, 2, 0],
        [
          ...vector("teacher.w", [0, 2, 0], { fixedLength: false }).bad,
          { what: "the zero vector", value: [0, 0, 0] },
        ],
      ),
      vector("teacher.a", [0.5, -0.2], { fixedLength: false }),
    ],
    call: fn(lib.cnnTeacher),
  },
  {
    export: "cnnTeacherFromRatio",
    args: [
      integer("k", k, 1, 100000),
      integer("p", p, 1, 100000),
      number("ratio", 1, { min: 0, max: k }),
      positive("anorm", 1),
    ],
    call: fn(lib.cnnTeacherFromRatio),
  },
  {
    export: "parseCnnTeacher",
    args: [
      object("teacher", {
        w: vector("w", [1, 0, 0], { fixedLength: false }),
        a: vector("a", [0.6, -0.3], { fixedLength: false }),
      }),
    ],
    call: fn(lib.parseCnnTeacher),
  },
  {
    export: "validateCnnTeacherSettings",
    args: [
      object(
        "settings",
        {
          k: integer("k", k, 1, 100000),
          p: integer("p", p, 1, 100000),
          ratio: number("ratio", 1, { min: 0, max: k }),
          anorm: positive("anorm", 1),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.validateCnnTeacherSettings),
  },

  // The two-layer network
  { export: "fcPairKernelFor", args: [choice("activation", "tanh")], call: fn(lib.fcPairKernelFor) },
  {
    export: "makeNetwork",
    args: [
      integer("K", 2, 1),
      integer("d", 3, 1),
      vector("W", Float64Array.from(fcStudentW)),
      vector("a", Float64Array.of(1, -1)),
    ],
    call: fn(lib.makeNetwork),
  },
  {
    export: "FcPopulation",
    args: [pairKernelArg(), fcNetworkArg("teacher", 2, 3, [1, 0, 0, 0, 1, 0]), integer("K", 2, 1)],
    call: ctor(lib.FcPopulation),
  },
  {
    export: "fcProblem",
    args: [
      object("spec", {
        teacher: fcNetworkArg("teacher", 2, 3, [1, 0, 0, 0, 1, 0]),
        student: fcNetworkArg("student", 2, 3, fcStudentW),
        trainA: bool("trainA", false),
        kernel: pairKernelArg(),
      }),
    ],
    call: fn(lib.fcProblem),
  },
  {
    export: "fcProblemFormat",
    label: "fcProblemFormat.parse",
    args: [
      object(
        "problem",
        {
          teacher: object("teacher", {
            W: rows(
              "W",
              [
                [1, 0],
                [0, 1],
              ],
              { fixedRows: false, fixedColumns: false },
            ),
          }),
          student: object("student", {
            W: rows(
              "W",
              [
                [0.9, 0.2],
                [0.1, 0.7],
              ],
              { fixedRows: false },
            ),
          }),
        },
        { prefix: "", unknownField: true, extra: { model: "fc" } },
      ),
    ],
    call: (json) => lib.fcProblemFormat.parse(json as Record<string, unknown>),
  },
  { export: "fanInStd", args: [integer("d", 5, 1)], call: fn(lib.fanInStd) },
  { export: "glorotStd", args: [integer("d", 5, 1), integer("n", 6, 1)], call: fn(lib.glorotStd) },
  {
    export: "drawInputs",
    args: [rngArg(), integer("N", 4, 1), integer("d", 3, 1), choice("law", "gaussian")],
    call: fn(lib.drawInputs),
  },
  {
    export: "sampledLossAndGradient",
    args: [
      fcNetworkArg("teacher", 2, 3, [1, 0, 0, 0, 1, 0]),
      fcPointArg("student", true),
      vector("X", new Float64Array(12).fill(0.3)),
      integer("N", 4, 1),
      bool("trainA", false),
    ],
    call: fn(lib.sampledLossAndGradient),
  },
  {
    export: "gaussianTeacher",
    args: [
      integer("K", 2, 1),
      integer("d", 3, 1),
      rngArg(),
      positive("scale", 1),
      vector("a", Float64Array.of(1, 1)),
    ],
    call: fn(lib.gaussianTeacher),
  },
  {
    export: "orthonormalTeacher",
    args: [
      integer("K", 2, 1),
      custom("d", 3, [...integer("d", 3, 1).bad, { what: "below K", value: 1 }]),
      vector("a", Float64Array.of(1, 1)),
    ],
    call: fn(lib.orthonormalTeacher),
  },

  // Finite-data networks
  {
    export: "mlpFormat",
    label: "mlpFormat.parse",
    args: [
      object(
        "problem",
        {
          widths: custom(
            "widths",
            [2],
            [
              { what: "empty", value: [] },
              { what: "a zero width", value: [0], name: "widths[0]" },
            ],
          ),
          layers: custom(
            "layers",
            [
              { weights: [[0], [0]], biases: [-1, -1] },
              { weights: [[1, 1]], biases: [-0.5379] },
            ],
            [
              { what: "one layer", value: [{ weights: [[0], [0]], biases: [-1, -1] }] },
              {
                what: "NaN bias",
                value: [
                  { weights: [[0], [0]], biases: [-1, Number.NaN] },
                  { weights: [[1, 1]], biases: [-0.5379] },
                ],
                name: "layers[0].biases",
              },
            ],
          ),
          data: object("data", {
            x: rows("x", [[-1.5], [-0.5], [0.5], [1.5]], { fixedRows: false }),
            y: vector("y", [-1, 1, 1, -1]),
          }),
        },
        { prefix: "", extra: { model: "mlp", activation: "sigmoid" }, unknownField: false },
      ),
    ],
    call: (json) => lib.mlpFormat.parse(json as Record<string, unknown>),
  },
  {
    export: "mlpProblem",
    args: [mlpArchitectureArg(), mlpDataArg(), vector("point", mlpPoint())],
    call: fn(lib.mlpProblem),
  },
  {
    export: "mlpProblemJson",
    args: [mlpArchitectureArg(), mlpDataArg(), vector("point", mlpPoint())],
    call: fn(lib.mlpProblemJson),
  },
  { export: "Mlp", args: [mlpArchitectureArg()], call: ctor(lib.Mlp) },

  // Optimisers
  {
    export: "isDivergent",
    args: [
      custom("magnitude", 3, [
        { what: "a string", value: "3" },
        { what: "null", value: null },
      ]),
    ],
    call: fn(lib.isDivergent),
  },
  {
    export: "descend",
    args: [
      custom(
        "model",
        {
          evaluate: (x: Float64Array, g?: Float64Array) => {
            g?.set(x);
            return x[0] ** 2;
          },
        },
        [
          { what: "null", value: null },
          { what: "no evaluate", value: {}, name: "model.evaluate" },
        ],
      ),
      vector("x", Float64Array.of(1, 2), { fixedLength: false }),
      custom("rule", { check: () => undefined }, [
        { what: "null", value: null },
        { what: "no check", value: { before: () => undefined }, name: "rule.check" },
      ]),
      object("options", { eta: positive("eta", 0.1), maxSteps: integer("maxSteps", 10, 0) }),
    ],
    call: fn(lib.descend),
  },
  {
    export: "runFullVectorCnn",
    args: [
      cnnTeacherArg(),
      vector("v", Float64Array.from(v)),
      vector("a", Float64Array.from(a)),
      custom("rules", new lib.CnnStopRules(teacher(), 0.2, true), [
        { what: "null", value: null },
        {
          what: "no classify",
          value: { diverged: () => false, earlyStop: () => undefined },
          name: "rules.classify",
        },
      ]),
      object("options", { eta: positive("eta", 0.2), maxSteps: integer("maxSteps", 10, 0) }),
    ],
    call: fn(lib.runFullVectorCnn),
  },
  {
    export: "CnnKernelRules",
    args: [cnnTeacherArg(), cnnKernelArg(), positive("eta", 0.2), bool("odd", false), bool("sampled", false)],
    call: ctor(lib.CnnKernelRules),
  },
  {
    export: "CnnStopRules",
    args: [cnnTeacherArg(), positive("eta", 0.2), bool("exactPopulationWnGd", true)],
    call: ctor(lib.CnnStopRules),
  },
  { export: "reduceCnn", args: [cnnTeacherArg(), vector("v", v), vector("a", a)], call: fn(lib.reduceCnn) },
  {
    export: "runReducedWnGd",
    args: [
      custom("system", lib.reduceCnn(teacher(), v, a).system, [
        { what: "null", value: null },
        {
          what: "NaN sk",
          value: { ...lib.reduceCnn(teacher(), v, a).system, sk: Number.NaN },
          name: "system.sk",
        },
      ]),
      custom("state", lib.reduceCnn(teacher(), v, a).state, [
        { what: "null", value: null },
        {
          what: "∞ in r",
          value: { ...lib.reduceCnn(teacher(), v, a).state, r: Number.POSITIVE_INFINITY },
          name: "state.r",
        },
        {
          what: "φ outside [0, π]",
          value: { ...lib.reduceCnn(teacher(), v, a).state, phi: 4 },
          name: "state.phi",
        },
      ]),
      custom("rules", new lib.CnnStopRules(teacher(), 0.2, true), [
        { what: "null", value: null },
        { what: "kernel rules", value: new lib.CnnKernelRules(teacher(), lib.reluKernel, 0.2) },
      ]),
      object("options", { eta: positive("eta", 0.2), maxSteps: integer("maxSteps", 10, 0) }),
    ],
    call: fn(lib.runReducedWnGd),
  },
  {
    export: "fcGradientDescent",
    args: [
      custom("population", new lib.FcPopulation(lib.reluPairKernel, fcTeacher(), 2), [
        { what: "null", value: null },
        { what: "a teacher", value: fcTeacher() },
      ]),
      fcPointArg("start"),
      object("options", {
        eta: positive("eta", 0.1),
        maxSteps: integer("maxSteps", 10, 0),
        lossTol: number("lossTol", 1e-10, { min: 0 }),
      }),
    ],
    call: fn(lib.fcGradientDescent),
  },
  {
    export: "lbfgs",
    args: [
      objectiveArg(),
      vector("x0", Float64Array.of(1, 2), { fixedLength: false }),
      object("options", { maxIterations: integer("maxIterations", 20, 0), memory: integer("memory", 5, 1) }),
    ],
    call: fn(lib.lbfgs),
  },
  {
    export: "gradientDescent",
    args: [
      objectiveArg(),
      vector("x0", Float64Array.of(1, 2), { fixedLength: false }),
      object("options", { step: positive("step", 0.1), iterations: integer("iterations", 20, 0) }),
    ],
    call: fn(lib.gradientDescent),
  },
  {
    export: "newtonFinish",
    args: [
      custom(
        "model",
        {
          gradient: (x: Float64Array, out: Float64Array) => out.set(x),
          hessian: () => [Float64Array.of(1, 0), Float64Array.of(0, 1)],
        },
        [
          { what: "null", value: null },
          { what: "no hessian", value: { gradient: () => undefined }, name: "model.hessian" },
        ],
      ),
      vector("x0", Float64Array.of(0.1, 0.2), { fixedLength: false }),
      object("options", { gradTol: positive("gradTol", 1e-12), maxSteps: integer("maxSteps", 8, 1) }),
    ],
    call: fn(lib.newtonFinish),
  },
  {
    export: "detectPhaseSwitch",
    args: [
      vector("steps", [0, 10, 20, 30], { fixedLength: false }),
      vector("losses", [1, 0.9, 0.1, 0.001]),
      number("minRise", 0.5, { min: 0 }),
    ],
    call: fn(lib.detectPhaseSwitch),
  },
  { export: "ThinnedRecorder", args: [integer("maxPoints", 100, 2)], call: ctor(lib.ThinnedRecorder) },

  {
    export: "gradientFlow",
    args: [
      custom(
        "model",
        {
          evaluate: (x: Float64Array, g?: Float64Array) => {
            g?.set(x);
            return x[0] ** 2;
          },
        },
        [
          { what: "null", value: null },
          { what: "no evaluate", value: {}, name: "model.evaluate" },
          {
            what: "a Hessian that is no function",
            value: { evaluate: () => 0, hessian: 1 },
            name: "model.hessian",
          },
        ],
      ),
      vector("x", Float64Array.of(1, 2), { fixedLength: false }),
      custom("rule", { check: () => undefined }, [
        { what: "null", value: null },
        { what: "no check", value: {}, name: "rule.check" },
      ]),
      object(
        "options",
        { maxSteps: integer("maxSteps", 20, 0), rtol: positive("rtol", 1e-6) },
        { prefix: "" },
      ),
    ],
    call: fn(lib.gradientFlow),
  },

  // Analysis of critical points
  {
    export: "pointSpectrum",
    args: [
      problemArg(),
      vector("x", problem().point),
      object("options", {
        method: choice("method", "dense"),
        relTol: number("relTol", 1e-7, { min: 0 }),
        count: integer("count", 3, 1),
      }),
    ],
    call: fn(lib.pointSpectrum),
  },
  {
    export: "proveCriticalPoint",
    args: [
      object("input", {
        point: vector("point", Float64Array.of(1.001, -0.3), { fixedLength: false }),
        gradient: vector("gradient", [0.003, 0.27]),
        hessian: rows(
          "hessian",
          [
            [2, 0],
            [0, -0.7],
          ],
          { fixedColumns: false },
        ),
        rounding: object("rounding", {
          gradient: number("gradient", 1e-15, { min: 0 }),
          hessian: number("hessian", 1e-15, { min: 0 }),
          proven: bool("proven", true),
        }),
        hessianLipschitz: func("hessianLipschitz", () => ({ bound: 10 })),
      }),
    ],
    call: fn(lib.proveCriticalPoint),
  },
  {
    export: "proveProblemPoint",
    args: [
      problemArg(),
      vector("x", problem().point),
      object("options", {
        polish: bool("polish", false),
      }),
    ],
    call: fn(lib.proveProblemPoint),
  },
  {
    export: "classifyPoint",
    args: [
      problemArg(),
      vector("x", problem().point),
      object("options", {
        gradTol: number("gradTol", 1e-6, { min: 0 }),
        restarts: integer("restarts", 0, 0),
      }),
    ],
    call: fn(lib.classifyPoint),
  },
  {
    export: "problemHessian",
    args: [problemArg(), vector("x", problem().point)],
    call: fn(lib.problemHessian),
  },
  {
    export: "perturbedRestarts",
    args: [
      objectiveArg(),
      vector("point", Float64Array.of(0, 0), { fixedLength: false }),
      object("options", {
        count: integer("count", 2, 0),
        radius: positive("radius", 1e-3),
        step: positive("step", 0.1),
        iterations: integer("iterations", 10, 0),
        seed: integer("seed", 1, 0),
      }),
    ],
    call: fn(lib.perturbedRestarts),
  },

  // Trials and experiments
  { export: "validateCnnTrialSpec", args: [cnnSpec()], call: fn(lib.validateCnnTrialSpec) },
  {
    export: "cnnTrial",
    label: "cnnTrial.validate",
    args: [cnnSpec()],
    call: (s) => lib.cnnTrial.validate(s),
  },
  {
    export: "cnnTrial",
    label: "cnnTrial.run",
    args: [partial(cnnSpec(), ["k", "p", "ratio", "maxSteps"]), rngArg()],
    call: (s, r) => lib.cnnTrial.run(s as never, r as never),
  },
  {
    export: "runCnnTrial",
    args: [partial(cnnSpec(), ["k", "p", "ratio", "maxSteps"]), rngArg()],
    call: fn(lib.runCnnTrial),
  },
  {
    export: "runCnnTrialDetailed",
    args: [
      partial(cnnSpec(), ["k", "p", "ratio", "maxSteps"]),
      rngArg(),
      object("options", {
        trajectoryPoints: integer("trajectoryPoints", 10, 2),
        start: object("start", { v: vector("v", v), a: vector("a", a) }),
      }),
    ],
    call: fn(lib.runCnnTrialDetailed),
  },
  {
    export: "drawCnnStart",
    args: [partial(cnnSpec(), ["k", "p", "ratio"]), cnnTeacherArg(), rngArg()],
    call: fn(lib.drawCnnStart),
  },
  {
    export: "fcFamilies",
    args: [
      partial(fcSpec(), ["n", "k"]),
      custom(
        "records",
        [{ outcome: "spurious", loss: 0.1, end: [1, 0, 0, 1] }],
        [
          { what: "not an array", value: { outcome: "spurious" } },
          {
            what: "an end of the wrong length",
            value: [{ outcome: "spurious", loss: 0.1, end: [1, 0, 0] }],
            name: "records[0].end",
          },
          {
            what: "NaN in an end",
            value: [{ outcome: "spurious", loss: 0.1, end: [1, Number.NaN, 0, 1] }],
            name: "records[0].end",
          },
        ],
      ),
    ],
    call: fn(lib.fcFamilies),
  },
  { export: "validateFcTrialSpec", args: [fcSpec()], call: fn(lib.validateFcTrialSpec) },
  { export: "fcTrial", label: "fcTrial.validate", args: [fcSpec()], call: (s) => lib.fcTrial.validate(s) },
  {
    export: "fcTrial",
    label: "fcTrial.run",
    args: [partial(fcSpec(), ["n", "k"]), rngArg()],
    call: (s, r) => lib.fcTrial.run(s as never, r as never),
  },
  { export: "runFcTrial", args: [partial(fcSpec(), ["n", "k"]), rngArg()], call: fn(lib.runFcTrial) },
  {
    export: "probabilityInOmega",
    args: [integer("d", 3, 1), number("r", 0.5, { min: 0, max: 2, open: true })],
    call: fn(lib.probabilityInOmega),
  },
  {
    export: "theoremRadius",
    args: [
      integer("d", 3, 1),
      number("epsilon", 0.1, { min: 0, max: 1, openMin: true }),
      positive("teacherNorm", 1),
    ],
    call: fn(lib.theoremRadius),
  },
  {
    export: "k2Criterion",
    args: [number("beta", 1), number("phi1", 0.3), number("phi2", 2)],
    call: fn(lib.k2Criterion),
  },
  {
    export: "compareWithFull",
    args: [
      object(
        "spec",
        {
          K: integer("K", 2, 1),
          d: integer("d", 3, 1),
          x0: number("x0", 0.3),
          y0: number("y0", 0.1),
          eta: positive("eta", 0.1),
          steps: integer("steps", 5, 0),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.compareWithFull),
  },
  {
    export: "simulate2d",
    args: [
      object(
        "spec",
        {
          K: integer("K", 2, 1),
          x0: number("x0", 0.3),
          y0: number("y0", 0.1),
          eta: positive("eta", 0.1),
          steps: integer("steps", 5, 0),
          mode: choice("mode", "plain"),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.simulate2d),
  },
  {
    export: "symmetryBreaking",
    args: [
      object(
        "spec",
        {
          K: integer("K", 2, 1),
          d: integer("d", 2, 1),
          x0: number("x0", 0.3),
          delta: number("delta", 1e-3, { min: 0 }),
          trials: integer("trials", 1, 1),
          seed: integer("seed", 1, 0),
          eta: positive("eta", 0.1),
          maxSteps: integer("maxSteps", 5, 0),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.symmetryBreaking),
  },
  {
    export: "fig3",
    args: [
      object(
        "spec",
        {
          laws: custom(
            "laws",
            ["gaussian"],
            [
              { what: "an unknown law", value: ["cauchy"], name: "laws[0]" },
              { what: "a string", value: "gaussian" },
            ],
          ),
          ds: custom(
            "ds",
            [3],
            [
              { what: "a zero dimension", value: [0], name: "ds[0]" },
              { what: "empty", value: [] },
            ],
          ),
          Ns: custom("Ns", [10], [{ what: "a fractional N", value: [2.5], name: "Ns[0]" }]),
          thetas: custom("thetas", [0.5], [{ what: "NaN", value: [Number.NaN], name: "thetas[0]" }]),
          thetaN: integer("thetaN", 10, 1),
          pairs: integer("pairs", 2, 2),
          seed: integer("seed", 1, 0),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.fig3),
  },
  {
    export: "k1Initialisation",
    args: [
      object(
        "spec",
        {
          d: integer("d", 3, 1),
          epsilon: number("epsilon", 0.1, { min: 0, max: 1, openMin: true }),
          trials: integer("trials", 2, 1),
          seed: integer("seed", 1, 0),
          eta: positive("eta", 0.1),
          maxSteps: integer("maxSteps", 20, 0),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.k1Initialisation),
  },
  {
    export: "k1Polar",
    args: [
      object(
        "spec",
        {
          d: integer("d", 3, 2),
          r0: positive("r0", 0.5),
          theta0: number("theta0", 1),
          eta: positive("eta", 0.1),
          steps: integer("steps", 10, 0),
          recordEvery: integer("recordEvery", 5, 1),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.k1Polar),
  },
  {
    export: "noisyStarts",
    args: [
      object(
        "spec",
        {
          K: integer("K", 2, 1),
          d: integer("d", 2, 1),
          noises: custom(
            "noises",
            [0, 1],
            [
              { what: "a negative noise", value: [-1], name: "noises[0]" },
              { what: "empty", value: [] },
            ],
          ),
          runs: integer("runs", 1, 1),
          eta: positive("eta", 0.1),
          maxSteps: integer("maxSteps", 5, 0),
          seed: integer("seed", 1, 0),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.noisyStarts),
  },
  {
    export: "trainFc",
    args: [
      object(
        "spec",
        {
          K: integer("K", 2, 1),
          d: integer("d", 2, 1),
          teacher: custom("teacher", { kind: "orthonormal" }, [
            { what: "an unknown kind", value: { kind: "wild" }, name: "teacher.kind" },
            { what: "null", value: null },
          ]),
          start: custom("start", { kind: "gaussian", std: 1e-3 }, [
            { what: "a negative std", value: { kind: "gaussian", std: -1 }, name: "start.std" },
            { what: "null", value: null },
          ]),
          trainA: bool("trainA", false),
          eta: positive("eta", 0.1),
          maxSteps: integer("maxSteps", 5, 0),
          seed: integer("seed", 1, 0),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.trainFc),
  },
  {
    export: "bestLossElsewhere",
    args: [
      mlpArchitectureArg(),
      mlpDataArg(),
      object("options", {
        seed: integer("seed", 1, 0),
        featureDraws: integer("featureDraws", 1, 0),
        trainingStarts: integer("trainingStarts", 1, 0),
        trainingIterations: integer("trainingIterations", 5, 0),
      }),
    ],
    call: fn(lib.bestLossElsewhere),
  },
  { export: "certifyDingPoint", args: [dingPointArg()], call: fn(lib.certifyDingPoint) },
  {
    export: "runDingExperiment",
    args: [
      object(
        "spec",
        {
          activation: activationArg(),
          widths: custom(
            "widths",
            [2],
            [
              { what: "empty", value: [] },
              { what: "a zero width", value: [0], name: "widths[0]" },
            ],
          ),
          seed: integer("seed", 1, 0),
          inputDim: integer("inputDim", 1, 1),
          samples: integer("samples", 4, 1),
          restarts: integer("restarts", 1, 0),
          restartIterations: integer("restartIterations", 5, 0),
          trainingStarts: integer("trainingStarts", 1, 0),
          featureDraws: integer("featureDraws", 1, 0),
          skipControls: bool("skipControls", true),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.runDingExperiment),
  },
  {
    export: "buildDingPoint",
    args: [
      object(
        "spec",
        {
          activation: activationArg(),
          widths: custom(
            "widths",
            [2],
            [
              { what: "empty", value: [] },
              { what: "a zero width", value: [0], name: "widths[0]" },
            ],
          ),
          inputs: rows("inputs", mlpData().x, { fixedRows: false }),
          labels: vector("labels", mlpData().y),
          seed: integer("seed", 1, 0),
        },
        { prefix: "" },
      ),
    ],
    call: fn(lib.buildDingPoint),
  },
  {
    export: "parseLabelledCsv",
    args: [
      custom("--data", "x,y\n1,2\n3,4\n", [
        { what: "not a string", value: 3 },
        { what: "no header", value: "1,2\n3,4" },
        { what: "NaN cell", value: "x,y\n1,NaN\n" },
        { what: "a ragged row", value: "x,y\n1,2,3\n" },
      ]),
    ],
    call: fn(lib.parseLabelledCsv),
  },
  {
    export: "escapePath",
    args: [
      dingPointArg(),
      object("options", {
        valleySteps: integer("valleySteps", 2, 1),
        steps: custom("steps", [0.01], [{ what: "NaN", value: [Number.NaN], name: "steps[0]" }]),
      }),
    ],
    call: fn(lib.escapePath),
  },
  {
    export: "negativeControl",
    args: [
      dingPointArg(),
      object("options", {
        seed: integer("seed", 1, 0),
        radius: positive("radius", 1e-3),
        iterations: integer("iterations", 5, 0),
      }),
    ],
    call: fn(lib.negativeControl),
  },
  {
    export: "designResidual",
    args: [
      rows(
        "x",
        [[0], [1], [2], [4]].map((r) => Float64Array.from(r)),
        { fixedRows: false },
      ),
    ],
    call: fn(lib.designResidual),
  },
];
