/**
 * Runs generated `minima` command lines and judges each: "handled" means exit 0 with finite output
 * (no NaN, no Infinity, no internal error), or exit 2 with exactly one line "minima: error: …" that
 * names a flag the case gave, or a field / argument of its input (a SPEC, a FILE, a JSON key). Exit 1,
 * a stack trace, a non-finite number or a hang (no answer within the timeout) are failures.
 *
 * Cases run in a long-lived child (case-runner.ts) one at a time; a hung case kills the child,
 * which is started again for the next case.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";

const runner = fileURLToPath(new URL("./case-runner.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

export interface CaseResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly hung?: boolean;
}

export class CaseRunner {
  private child?: ChildProcess;
  private results?: Interface;
  private pending?: (r: CaseResult) => void;

  constructor(private readonly timeoutMs: number) {}

  private start(): void {
    const child = spawn(process.execPath, ["--import", "tsx", runner], {
      cwd: root,
      stdio: ["pipe", "ignore", "inherit", "pipe"],
      env: { ...process.env },
    });
    this.child = child;
    const stream = child.stdio[3];
    if (!stream || !("on" in stream)) throw new Error("case runner has no result pipe");
    this.results = createInterface({ input: stream as NodeJS.ReadableStream });
    this.results.on("line", (line) => {
      const done = this.pending;
      this.pending = undefined;
      done?.(JSON.parse(line) as CaseResult);
    });
    child.on("exit", () => {
      if (this.child !== child) return;
      this.child = undefined;
      const done = this.pending;
      this.pending = undefined;
      done?.({ code: -1, stdout: "", stderr: "case runner exited" });
    });
  }

  run(argv: readonly string[]): Promise<CaseResult> {
    if (!this.child) this.start();
    const child = this.child as ChildProcess;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.child = undefined;
        child.kill("SIGKILL");
        resolve({ code: -1, stdout: "", stderr: "", hung: true });
      }, this.timeoutMs);
      this.pending = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
      child.stdin?.write(`${JSON.stringify({ argv })}\n`);
    });
  }

  close(): void {
    const child = this.child;
    this.child = undefined;
    child?.stdin?.end();
    child?.kill("SIGKILL");
  }
}

const NON_FINITE = /\bNaN\b|Infinity|1\.79769e\+308|1\.7976931348623157e\+308/;

/** Why a case is not handled, or undefined when it is. `names`: flags, fields and arguments the case gave. */
export function notHandled(r: CaseResult, names: readonly string[]): string | undefined {
  if (r.hung) return "hung";
  if (r.code === 0) {
    if (NON_FINITE.test(r.stdout)) return `non-finite number in the output: ${match(r.stdout)}`;
    if (/internal error/.test(r.stderr)) return "internal error on stderr";
    return undefined;
  }
  if (r.code !== 2) return `exit ${r.code}: ${r.stderr.trim().split("\n")[0]}`;
  const lines = r.stderr.trim().split("\n");
  if (lines.length !== 1) return `${lines.length} lines on stderr: ${r.stderr.slice(0, 200)}`;
  if (!lines[0].startsWith("minima: error: ")) return `not an error line: ${lines[0]}`;
  if (NON_FINITE.test(lines[0].replace(/, got .*$/, ""))) return `non-finite in: ${lines[0]}`;
  if (!names.some((n) => lines[0].includes(n))) return `names none of ${names.join(" ")}: ${lines[0]}`;
  return undefined;
}

function match(text: string): string {
  const m = NON_FINITE.exec(text);
  if (!m) return "";
  const i = Math.max(0, m.index - 60);
  return JSON.stringify(text.slice(i, m.index + 20));
}
