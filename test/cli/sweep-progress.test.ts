import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDuration, Progress } from "../../src/io/progress.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 100, rows: 10, write: (s: string) => writes.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

test("on a terminal the bar is redrawn in place with rate, ETA and detail lines", () => {
  let now = 0;
  const { stream, writes } = fakeStream(true);
  const p = new Progress({ total: 1000, initial: 200, label: "sweep", stream, now: () => now });
  now = 2000;
  p.update(400, () => ["  k=25  100/500", "  k=36  100/500"]);
  now = 4000;
  p.update(600, () => ["  k=25  200/500"]);
  assert.equal(writes.length, 2);
  // 200 trials ran in 2 s (the 200 done before this run do not count): 100/s. The ETA waits for a
  // rate measured after the first completion: 200 more in 2 s, 400 left -> 4 s.
  assert.ok(writes[0].startsWith("\x1b[2K["), "clears the line, then draws the bar");
  assert.match(writes[0], /^.\[2K\[#+-+\] sweep 40\.0% {2}400\/1000 {2}100\/s {2}2s elapsed {2}ETA …\n/);
  assert.match(writes[1], /sweep 60\.0% {2}600\/1000 {2}100\/s {2}4s elapsed {2}ETA 4s\n/);
  assert.match(writes[0], /k=36 {2}100\/500\n$/);
  assert.ok(writes[1].startsWith("\x1b[3F"), "moves up over the 3 lines drawn before");
  assert.ok(writes[1].endsWith("\x1b[J"), "clears the line no longer needed");
});

test("elsewhere it writes a plain line at most every few seconds, and always at the end", () => {
  let now = 0;
  const { stream, writes } = fakeStream(false);
  const p = new Progress({ total: 10, stream, plainEverySeconds: 5, now: () => now });
  p.update(1);
  now = 1000;
  p.update(2);
  now = 6000;
  p.update(5);
  now = 7000;
  p.update(7);
  p.finish();
  assert.equal(writes.length, 3);
  for (const w of writes) assert.ok(!w.includes("\x1b") && w.endsWith("\n"));
  assert.match(writes[1], / {2}5\/10 /);
  assert.match(writes[2], /70\.0% {2}7\/10 /, "the end state, not shown by the throttled update");
});

test("off a terminal, finish does not repeat a line that already showed the end state", () => {
  let now = 0;
  const { stream, writes } = fakeStream(false);
  const p = new Progress({ total: 10, stream, plainEverySeconds: 5, now: () => now });
  now = 6000;
  p.update(10);
  p.finish();
  assert.equal(writes.length, 1);
  assert.match(writes[0], /100\.0% {2}10\/10 /);
});

test("a sweep whose workers take 3 s to start shows no ETA until its rate is measured", () => {
  // 1000 trials at 100/s once the workers run (a 13-second job): counting the start-up wait, the
  // first completed trial promised 1000 × 3 s = 50 minutes.
  let now = 0;
  const { stream, writes } = fakeStream(false);
  const p = new Progress({ total: 1000, stream, plainEverySeconds: 0, now: () => now });
  const doneAt = [1, ...Array.from({ length: 20 }, (_, i) => 50 * (i + 1))];
  const etas = doneAt.map((done) => {
    now = 3000 + (done - 1) * 10;
    p.update(done);
    return /ETA (\S+)/.exec(writes.at(-1) ?? "")?.[1];
  });
  // 1 to 200 done: under 2 s since the first completion.
  assert.deepEqual(etas.slice(0, 5), ["…", "…", "…", "…", "…"]);
  assert.equal(etas[5], "8s", "250 done, 2.49 s after the first: 750 left at 100/s");
  doneAt.forEach((done, i) => {
    if (i < 5 || done === 1000) return;
    const seconds = Number(etas[i]?.replace(/s$/, ""));
    assert.ok(Math.abs(seconds - (1000 - done) / 100) <= 0.5, `ETA ${etas[i]} at ${done} done`);
  });
  assert.match(writes.at(-1) ?? "", / done\n$/);
});

test("formatDuration reads naturally from seconds to hours", () => {
  assert.equal(formatDuration(59.4), "59s");
  assert.equal(formatDuration(61), "1m01s");
  assert.equal(formatDuration(3725), "1h02m");
  assert.equal(formatDuration(Number.POSITIVE_INFINITY), "?");
});
