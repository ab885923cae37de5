// Each endpoint's share of a worker's delivery slots and its circuit breaker (decision 0115), on a
// clock the test moves.
import { describe, expect, it } from "vitest";
import { createEndpointShares, limitedCaps, type Admission } from "../src";

const TIMEOUT = 10_000;
const SLOTS = 8;

function setUp(settings: Parameters<typeof createEndpointShares>[1] = {}) {
  let t = 1_000;
  const shares = createEndpointShares(TIMEOUT, { now: () => t, ...settings });
  const key = (tenant: string, endpoint: string) => ({ tenantId: tenant, endpointId: endpoint });
  const admit = (tenant: string, endpoint: string) => shares.admit(key(tenant, endpoint), SLOTS);
  const started = (a: Admission) => (a.start ? a : null);
  return { shares, key, admit, started, advance: (ms: number) => (t += ms) };
}

describe("endpoint shares", () => {
  it("starts one delivery of a new endpoint until it answers; one that answers quickly has no cap", () => {
    const { shares, key, admit, advance } = setUp();
    const first = admit("t", "e");
    expect(first.start).toBe(true);
    expect(admit("t", "e")).toMatchObject({ start: false, keep: true, retryInMs: TIMEOUT / 5 });
    advance(20);
    shares.attempted(key("t", "e"), { ms: 20, timedOut: false });
    if (first.start) first.end();
    const all = Array.from({ length: SLOTS }, () => admit("t", "e"));
    expect(all.every((a) => a.start)).toBe(true);
  });

  it("caps a slow endpoint at a quarter of the slots, a tenant's limited endpoints at half, all limited ones at three quarters", () => {
    const { shares, key, admit, advance } = setUp();
    const caps = limitedCaps(SLOTS);
    expect(caps).toEqual({ endpoint: 2, tenant: 4, all: 6 });
    // Three endpoints of tenant a and two of tenant b answered slowly once: slow for the penalty.
    for (const [t, e] of [
      ["a", "1"],
      ["a", "2"],
      ["a", "3"],
      ["b", "1"],
      ["b", "2"],
    ])
      shares.attempted(key(t!, e!), { ms: 5_000, timedOut: false });
    const a1 = [admit("a", "1"), admit("a", "1"), admit("a", "1")];
    expect(a1.map((a) => a.start)).toEqual([true, true, false]);
    // Young deliveries in flight: kept; overdue: given back until a place surely frees (the oldest's deadline).
    expect(a1[2]).toMatchObject({ keep: true });
    const a2 = [admit("a", "2"), admit("a", "2"), admit("a", "3")];
    expect(a2.map((a) => a.start)).toEqual([true, true, false]);
    expect(a2[2]).toMatchObject({ start: false, keep: true });
    const b = [admit("b", "1"), admit("b", "1"), admit("b", "2")];
    expect(b.map((a) => a.start)).toEqual([true, true, false]);
    // A quick endpoint still starts: a quarter of the slots is never given to limited ones.
    shares.attempted(key("c", "1"), { ms: 5, timedOut: false });
    expect(admit("c", "1").start).toBe(true);
    advance(TIMEOUT / 5 + 1);
    const overdue = admit("a", "1");
    expect(overdue).toMatchObject({ start: false, keep: false });
    expect(overdue.start === false && overdue.retryInMs).toBeGreaterThanOrEqual(TIMEOUT - TIMEOUT / 5 - 1);
    // A place given back (end) is free again, once, however often `end` is called.
    const first = a1[0]!;
    if (first.start) {
      first.end();
      first.end();
    }
    expect(admit("a", "3").start).toBe(true);
    expect(admit("a", "2").start).toBe(false);
  });

  it("opens the circuit of an endpoint that keeps timing out, gives its backlog back spaced out, probes it, and closes on an answer", () => {
    const { shares, key, admit, advance } = setUp({ openMs: 30_000, maxOpenMs: 120_000 });
    for (let i = 0; i < 3; i++) shares.attempted(key("t", "e"), { ms: TIMEOUT, timedOut: true });
    const backlog = Array.from({ length: 40 }, () => admit("t", "e"));
    expect(backlog.every((a) => !a.start && !a.keep)).toBe(true);
    const due = backlog.map((a) => (a.start ? 0 : a.retryInMs));
    expect(due[0]).toBeGreaterThanOrEqual(30_000);
    // Spaced one expected slot time (the timeout) apart, never beyond maxOpenMs: not claimed again and again.
    for (let i = 1; i < due.length; i++) expect(due[i]! - due[i - 1]!).toBeGreaterThanOrEqual(due[i]! >= 120_000 ? 0 : TIMEOUT);
    expect(Math.max(...due)).toBeLessThanOrEqual(120_000);
    // Open time over: one probe at a time.
    advance(30_001);
    const probe = admit("t", "e");
    expect(probe.start).toBe(true);
    expect(admit("t", "e").start).toBe(false);
    // The probe times out: open again, for twice as long.
    advance(TIMEOUT);
    shares.attempted(key("t", "e"), { ms: TIMEOUT, timedOut: true });
    if (probe.start) probe.end();
    advance(30_001);
    expect(admit("t", "e").start).toBe(false);
    advance(30_000);
    const second = admit("t", "e");
    expect(second.start).toBe(true);
    // It answers (even slowly, within the deadline): closed; slow for the penalty, so two at a time.
    shares.attempted(key("t", "e"), { ms: 3_000, timedOut: false });
    if (second.start) second.end();
    expect([admit("t", "e"), admit("t", "e"), admit("t", "e")].map((a) => a.start)).toEqual([true, true, false]);
  });

  it("keeps its counts under many deliveries starting and ending in any order", () => {
    const { shares, key, admit, advance } = setUp();
    const caps = limitedCaps(SLOTS);
    const endpoints = [
      ["a", "1"],
      ["a", "2"],
      ["a", "3"],
      ["b", "1"],
      ["c", "1"],
    ] as const;
    // All slow (a slow answer each): every one limited for the penalty.
    for (const [t, e] of endpoints) shares.attempted(key(t, e), { ms: 4_000, timedOut: false });
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const inFlight: { t: string; e: string; end: () => void }[] = [];
    for (let step = 0; step < 5_000; step++) {
      if (inFlight.length > 0 && random() < 0.5) {
        const [done] = inFlight.splice(Math.floor(random() * inFlight.length), 1);
        done!.end();
        if (random() < 0.2) done!.end();
      } else {
        const [t, e] = endpoints[Math.floor(random() * endpoints.length)]!;
        const a = admit(t, e);
        if (a.start) inFlight.push({ t, e, end: a.end });
      }
      const per = (f: (x: { t: string; e: string }) => boolean) => inFlight.filter(f).length;
      for (const [t, e] of endpoints) expect(per((x) => x.t === t && x.e === e)).toBeLessThanOrEqual(caps.endpoint);
      expect(per((x) => x.t === "a")).toBeLessThanOrEqual(caps.tenant);
      expect(inFlight.length).toBeLessThanOrEqual(caps.all);
      advance(1);
    }
    for (const x of inFlight.splice(0)) x.end();
    // Nothing leaked: each tenant gets its full limited share again.
    const again = [admit("a", "1"), admit("a", "1"), admit("a", "2"), admit("a", "2"), admit("b", "1"), admit("b", "1")];
    expect(again.map((a) => a.start)).toEqual([true, true, true, true, true, true]);
    expect(admit("c", "1").start).toBe(false);
  });
});
