// Each endpoint's share of a worker's slots and its circuit breaker (decision 0115): counted caps,
// borrowing by an answering endpoint alone, the pause on the worker's clock.
import { describe, expect, it } from "vitest";
import { createEndpointShares, shareCaps, type Admission } from "../src";

const SLOTS = 8;
const T0 = Date.parse("2026-12-07T12:00:00Z");
const a1 = { tenantId: "a", endpointId: "a1" };
const a2 = { tenantId: "a", endpointId: "a2" };
const a3 = { tenantId: "a", endpointId: "a3" };
const b1 = { tenantId: "b", endpointId: "b1" };
const at = (now: number) => ({ slots: SLOTS, now });
const started = (a: Admission) => {
  if (!a.start) throw new Error(`held back: ${JSON.stringify(a)}`);
  return a.end;
};

describe("endpoint shares", () => {
  it("caps a new endpoint at a quarter of the slots and a tenant at half, whatever the others do", () => {
    const shares = createEndpointShares();
    expect(shareCaps(SLOTS)).toEqual({ endpoint: 2, tenant: 4 });
    const ends = [started(shares.admit(a1, at(T0))), started(shares.admit(a1, at(T0)))];
    expect(shares.admit(a1, at(T0))).toEqual({ start: false, retryInMs: 0, keep: true, group: "a/a1" });
    ends.push(started(shares.admit(a2, at(T0))), started(shares.admit(a2, at(T0))));
    // The tenant's half is taken: its third endpoint waits, another tenant's starts.
    expect(shares.admit(a3, at(T0)).start).toBe(false);
    started(shares.admit(b1, at(T0)));
    ends[0]!();
    ends[0]!();
    expect(shares.admit(a3, at(T0)).start).toBe(true);
    expect(shareCaps(1)).toEqual({ endpoint: 1, tenant: 1 });
  });

  it("lets an endpoint whose last attempt was answered use every slot alone, all but a share beside others, and never one that timed out", () => {
    const shares = createEndpointShares();
    shares.attempted(a1, { timedOut: false, at: T0 });
    const ends = Array.from({ length: SLOTS }, () => started(shares.admit(a1, at(T0))));
    expect(shares.admit(a1, at(T0)).start).toBe(true);
    for (const end of ends.splice(0, 3)) end();
    // Beside another endpoint's delivery in flight: a quarter of the slots is left to the others.
    const other = started(shares.admit(b1, at(T0)));
    expect(shares.admit(a1, at(T0)).start).toBe(false);
    other();
    expect(shares.admit(a1, at(T0)).start).toBe(true);
    shares.attempted(a1, { timedOut: true, at: T0 });
    expect(shares.admit(a1, at(T0)).start).toBe(false);
    shares.attempted(a1, { timedOut: false, at: T0 });
    expect(shares.admit(a1, at(T0)).start).toBe(true);
  });

  it("opens after three timeouts in a row for openMs on the worker's clock, then probes one at a time; an answer closes it", () => {
    const shares = createEndpointShares({ openMs: 30_000, maxOpenMs: 50_000 });
    const ends = [started(shares.admit(a1, at(T0))), started(shares.admit(a1, at(T0)))];
    shares.attempted(a1, { timedOut: true, at: T0 + 1_000 });
    shares.attempted(a1, { timedOut: false, at: T0 + 1_000 });
    shares.attempted(a1, { timedOut: true, at: T0 + 1_000 });
    shares.attempted(a1, { timedOut: true, at: T0 + 1_000 });
    // Two in a row only (an answer between): still closed.
    for (const end of ends) end();
    const third = started(shares.admit(a1, at(T0 + 1_000)));
    shares.attempted(a1, { timedOut: true, at: T0 + 2_000 });
    third();
    // Open until T0 + 32 s: given back due then, however little or much real time passes.
    expect(shares.admit(a1, at(T0 + 2_000))).toEqual({ start: false, retryInMs: 30_000, keep: false });
    expect(shares.admit(a1, at(T0 + 31_999))).toEqual({ start: false, retryInMs: 1, keep: false });
    // An attempt in flight when it opened does not extend the pause.
    shares.attempted(a1, { timedOut: true, at: T0 + 10_000 });
    const probe = started(shares.admit(a1, at(T0 + 32_000)));
    expect(shares.admit(a1, at(T0 + 32_000))).toMatchObject({ start: false, keep: true });
    // The probe times out: open again, twice as long (capped at maxOpenMs).
    shares.attempted(a1, { timedOut: true, at: T0 + 33_000 });
    probe();
    expect(shares.admit(a1, at(T0 + 33_000))).toEqual({ start: false, retryInMs: 50_000, keep: false });
    const probe2 = started(shares.admit(a1, at(T0 + 83_000)));
    shares.attempted(a1, { timedOut: false, at: T0 + 83_100 });
    probe2();
    // Closed: its share again (it answered, so it may borrow while alone).
    for (let i = 0; i < SLOTS; i++) started(shares.admit(a1, at(T0 + 83_100)));
    // Other endpoints are not affected by a1's circuit.
    expect(shares.admit(b1, at(T0 + 2_000)).start).toBe(true);
  });

  it("never goes over a cap and leaves nothing counted after random starts and ends", () => {
    const shares = createEndpointShares();
    const keys = [a1, a2, a3, b1, { tenantId: "c", endpointId: "c1" }];
    const open: { key: (typeof keys)[number]; end: () => void }[] = [];
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 5_000; i++) {
      if (open.length > 0 && rand() < 0.5) {
        const [o] = open.splice(Math.floor(rand() * open.length), 1);
        o!.end();
        o!.end();
        continue;
      }
      const key = keys[Math.floor(rand() * keys.length)]!;
      const a = shares.admit(key, at(T0));
      if (a.start) open.push({ key, end: a.end });
      const ofEndpoint = open.filter((o) => o.key === key).length;
      const ofTenant = open.filter((o) => o.key.tenantId === key.tenantId).length;
      expect(ofEndpoint).toBeLessThanOrEqual(2);
      expect(ofTenant).toBeLessThanOrEqual(4);
    }
    for (const o of open.splice(0)) o.end();
    // Nothing left counted: each endpoint takes its whole share again (the tenant's half at most).
    for (const key of [a1, a2, b1]) for (let i = 0; i < 2; i++) expect(shares.admit(key, at(T0)).start).toBe(true);
  });
});
