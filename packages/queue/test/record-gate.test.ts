// When batched writes go (record-gate.ts, decision 0071): rows wait for more while work that may
// add some runs, up to a count or a time; at once when none runs or a flush asks.
import { describe, expect, it } from "vitest";
import { createRecordGate } from "../src/jobs/record-gate";

const turn = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function gateWith(options: { rows?: number; maxWaitMs?: number; maxRows?: number; writeMs?: number } = {}) {
  const writes: number[][] = [];
  let busy = 0;
  const gate = createRecordGate<number>({
    rows: options.rows ?? 4,
    maxWaitMs: options.maxWaitMs ?? 60,
    maxRows: options.maxRows,
    busy: () => busy,
    write: async (rows) => {
      writes.push(rows);
      await sleep(options.writeMs ?? 0);
    },
  });
  return { gate, writes, setBusy: (n: number) => (busy = n) };
}

describe("record gate", () => {
  it("writes on the next turn when nothing else is running, rows added in one turn together", async () => {
    const { gate, writes } = gateWith();
    gate.add(1);
    gate.add(2);
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toEqual([[1, 2]]);
  });

  it("while work runs, waits for the row count, then writes them together", async () => {
    const { gate, writes, setBusy } = gateWith({ rows: 4 });
    setBusy(3);
    for (const row of [1, 2, 3]) {
      gate.add(row);
      await turn();
    }
    await sleep(10);
    expect(writes).toEqual([]);
    gate.add(4);
    await turn();
    expect(writes).toEqual([[1, 2, 3, 4]]);
  });

  it("while work runs, the oldest row waits at most maxWaitMs", async () => {
    const { gate, writes, setBusy } = gateWith({ rows: 100, maxWaitMs: 30 });
    setBusy(1);
    const added = performance.now();
    gate.add(1);
    await sleep(10);
    gate.add(2);
    await turn();
    expect(writes).toEqual([]);
    while (writes.length === 0 && performance.now() - added < 1_000) await sleep(2);
    expect(writes).toEqual([[1, 2]]);
    expect(performance.now() - added).toBeGreaterThanOrEqual(29);
  });

  it("writes what waits once the last running work ends without a row (poke)", async () => {
    const { gate, writes, setBusy } = gateWith({ rows: 100, maxWaitMs: 10_000 });
    setBusy(2);
    gate.add(1);
    await sleep(5);
    expect(writes).toEqual([]);
    setBusy(0);
    gate.poke();
    await turn();
    expect(writes).toEqual([[1]]);
  });

  it("keeps one write in flight; rows added meanwhile go in the next, at most maxRows each", async () => {
    const { gate, writes } = gateWith({ writeMs: 20, maxRows: 3 });
    gate.add(1);
    await turn();
    for (const row of [2, 3, 4, 5]) gate.add(row);
    await sleep(5);
    expect(writes).toEqual([[1]]);
    await gate.flush();
    expect(writes).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("rows left beyond maxRows do not start their wait again: they go right after the write before", async () => {
    const writes: { rows: number[]; at: number }[] = [];
    const gate = createRecordGate<number>({
      rows: 100,
      maxWaitMs: 200,
      maxRows: 2,
      busy: () => 1,
      write: async (rows) => void writes.push({ rows, at: performance.now() }),
    });
    const started = performance.now();
    for (const row of [1, 2, 3]) gate.add(row);
    while (writes.length < 2 && performance.now() - started < 2_000) await sleep(5);
    expect(writes.map((w) => w.rows)).toEqual([[1, 2], [3]]);
    expect(writes[0]!.at - started).toBeGreaterThanOrEqual(190);
    // Another full wait would put the second write 200 ms after the first.
    expect(writes[1]!.at - writes[0]!.at).toBeLessThan(150);
  });

  it("flush writes every row now, even while work runs, and resolves once written", async () => {
    const { gate, writes, setBusy } = gateWith({ rows: 100, maxWaitMs: 10_000, writeMs: 5 });
    setBusy(5);
    gate.add(1);
    gate.add(2);
    await gate.flush();
    expect(writes).toEqual([[1, 2]]);
  });
});
