import assert from "node:assert/strict";
import { test } from "node:test";
import { Progress } from "../../src/io/progress.js";
import { PLAIN_EVERY_SECONDS, streamProgress } from "../../src/io/step-progress.js";

function fakeStream(tty: boolean) {
  const writes: string[] = [];
  const stream = { isTTY: tty, columns: 100, rows: 30, write: (s: string) => writes.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

test("off a terminal, the heartbeat prints a line every plainEverySeconds although no unit finished", () => {
  let now = 0;
  const { stream, writes } = fakeStream(false);
  const p = new Progress({ total: 10, stream, plainEverySeconds: 4, now: () => now });
  p.update(0);
  assert.equal(writes.length, 1);
  for (let t = 500; t <= 12_000; t += 500) {
    now = t;
    p.heartbeat();
  }
  // lines at 0, 4, 8 and 12 s, all at 0/10: a long unit no longer silences the log
  assert.equal(writes.length, 4);
  assert.match(writes[3], / {2}0\/10 {2}.* {2}12s elapsed/);
  now = 12_500;
  p.update(3);
  assert.equal(writes.length, 4, "an update right after a heartbeat line waits its turn");
});

test("streamProgress: during a step with no progress, lines come at most PLAIN_EVERY_SECONDS apart", async () => {
  const { stream, writes } = fakeStream(false);
  const progress = streamProgress(stream);
  const started = Date.now();
  progress.step("a long unit", 1);
  await new Promise((r) => setTimeout(r, 1000 * PLAIN_EVERY_SECONDS + 1200));
  progress.finish();
  assert.ok(PLAIN_EVERY_SECONDS <= 5);
  // the announcement and at least one heartbeat line (finish does not repeat an unchanged state)
  assert.ok(writes.length >= 2, `${writes.length} lines in ${Date.now() - started} ms`);
  assert.match(writes[1], / 0\/1 .* [4-6]s elapsed/);
  assert.ok(writes.every((w) => w.startsWith("a long unit")));
});
