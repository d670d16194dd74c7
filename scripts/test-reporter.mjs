// A concise reporter for Node's test runner: one character per finished test file while the run
// goes ("." all passed, "F" something failed), then the counts, the wall time, the notes tests
// wrote with t.diagnostic, and every failure in full (name, file:line, message, the stack without
// Node's internals). A cancelled test is a failure: it is listed with the reason it was cancelled,
// which is its parent's failure (a `before` hook that threw, a timeout), not Node's generic
// "test did not finish before its parent and was cancelled".
import { relative } from "node:path";
import { inspect } from "node:util";

const tty = process.stdout.isTTY;
const paint = (code, text) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = (t) => paint(31, t);
const green = (t) => paint(32, t);
const yellow = (t) => paint(33, t);
const dim = (t) => paint(2, t);

const where = (file) => (file ? relative(process.cwd(), file) : "?");

const internalFrame = /^\s+at .*(node:|node_modules)/;

/** The error's own text: the stack with its message, minus Node's frames and the runner's. */
function describeError(error) {
  const cause = error?.cause ?? error;
  if (!(cause instanceof Error) && typeof cause?.stack !== "string") return inspect(cause, { depth: 4 });
  const lines = String(cause.stack ?? `${cause.name}: ${cause.message}`).split("\n");
  const kept = lines.filter((l) => !internalFrame.test(l));
  // Assertion errors put the diff in the message, which the stack repeats: keep the stack's copy.
  const text = kept.join("\n");
  const extra = cause.code === "ERR_ASSERTION" || text.includes(cause.message) ? "" : `\n${cause.message}`;
  return `${text}${extra}`;
}

const isCancelled = (error) => error?.failureType === "cancelledByParent";

function duration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export default async function* conciseReporter(source) {
  const started = Date.now();
  const counts = { passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0 };
  /** Failures in arrival order; a cancelled one is resolved to its parent's failure at the end. */
  const failures = [];
  const notes = [];
  const skips = new Map();
  const stderr = new Map();
  const fileFailed = new Map();
  let column = 0;
  let filesDone = 0;

  for await (const { type, data } of source) {
    if (type === "test:stderr" || type === "test:stdout") {
      const lines = stderr.get(data.file) ?? [];
      lines.push(data.message);
      stderr.set(data.file, lines.slice(-40));
    } else if (type === "test:diagnostic") {
      // Diagnostics with a file are a test's own notes; the runner's totals come without one.
      if (data.file) notes.push(`${where(data.file)}: ${data.message}`);
    } else if (type === "test:pass" || type === "test:fail") {
      const isFile = data.nesting === 0 && data.name === data.file;
      if (data.details?.type === "suite" && type === "test:pass") continue;
      if (isFile && type === "test:pass") continue;
      if (type === "test:pass") {
        if (data.skip !== undefined) {
          counts.skipped++;
          const reason = data.skip === true ? "(no reason given)" : String(data.skip);
          skips.set(reason, (skips.get(reason) ?? 0) + 1);
        } else if (data.todo !== undefined) counts.todo++;
        else counts.passed++;
        continue;
      }
      const error = data.details?.error;
      // A suite or file fails when a test inside it failed: that test is reported itself.
      if (error?.failureType === "subtestsFailed") continue;
      fileFailed.set(data.file, true);
      const suite = data.details?.type === "suite";
      if (isCancelled(error)) counts.cancelled++;
      else if (!suite) counts.failed++;
      failures.push({
        name: data.name,
        file: data.file,
        line: data.line,
        nesting: data.nesting,
        error,
        crashed: isFile,
      });
    } else if (type === "test:complete" && data.nesting === 0 && data.name === data.file) {
      filesDone++;
      const mark = fileFailed.get(data.file) || data.details?.passed === false ? red("F") : green(".");
      yield mark;
      if (++column === 60) {
        yield dim(` ${filesDone}\n`);
        column = 0;
      }
    }
  }
  if (column > 0) yield "\n";

  // Each cancelled test belongs to the nearest enclosing failure reported after it in its file.
  const cancelledBy = new Map();
  failures.forEach((f, i) => {
    if (!isCancelled(f.error)) return;
    const parent = failures
      .slice(i + 1)
      .find((g) => g.file === f.file && g.nesting < f.nesting && !isCancelled(g.error));
    if (!parent) return;
    cancelledBy.set(parent, [...(cancelledBy.get(parent) ?? []), f]);
    f.parent = parent;
  });
  // By file, so that the order does not depend on which file finished first.
  const shown = failures.filter((f) => !f.parent).sort((f, g) => where(f.file).localeCompare(where(g.file)));

  const report = [];
  if (notes.length > 0) report.push("", "Notes from the tests:", ...notes.map((n) => `  ${n}`));
  if (skips.size > 0)
    report.push("", "Skipped:", ...[...skips].map(([reason, n]) => yellow(`  ${n} × ${reason}`)));
  if (shown.length > 0) report.push("", red(`Failures (${shown.length}):`));
  shown.forEach((f, i) => {
    // tsx's transpiled files report every test at line 1; the stack below has the real line.
    const at = `${where(f.file)}${f.line > 1 ? `:${f.line}` : ""}`;
    const children = cancelledBy.get(f) ?? [];
    const title = f.crashed ? "test file crashed" : f.name;
    report.push("", red(`${i + 1}) ${title}`), dim(`   ${at}`));
    if (children.length > 0)
      report.push(
        yellow(`   cancelled ${children.length} test${children.length > 1 ? "s" : ""}: `) +
          children.map((c) => c.name).join(", "),
      );
    if (f.crashed) {
      const output = (stderr.get(f.file) ?? ["(no output)"]).join("").trimEnd().split("\n");
      report.push(indent(output.filter((l) => !internalFrame.test(l)).join("\n")));
    } else {
      const hook = f.error?.failureType === "hookFailed" ? `${f.error.message}: ` : "";
      report.push(indent(`${hook}${describeError(f.error)}`));
    }
  });
  const failed = counts.failed + counts.cancelled;
  const parts = [
    green(`${counts.passed} passed`),
    failed === 0
      ? "0 failed"
      : red(`${failed} failed${counts.cancelled > 0 ? ` (${counts.cancelled} of them cancelled)` : ""}`),
    counts.skipped > 0 ? yellow(`${counts.skipped} skipped`) : undefined,
    counts.todo > 0 ? `${counts.todo} todo` : undefined,
  ].filter(Boolean);
  report.push(
    "",
    `${failed > 0 || shown.length > 0 ? red("FAIL") : green("PASS")}  ${parts.join(", ")}  ·  ${filesDone} files  ·  ${duration(Date.now() - started)}`,
  );
  yield `${report.join("\n")}\n`;
}

function indent(text) {
  return text
    .split("\n")
    .map((l) => `   ${l}`)
    .join("\n");
}
