// Reading a receiver's Retry-After (decision 0117): delta-seconds or an HTTP-date, on 429 and 503
// only, capped at an hour; anything else is not read.
import { describe, expect, it } from "vitest";
import { RETRY_AFTER_CAP_MS, retryAfterMs } from "../src";

const now = Date.parse("2026-12-07T12:00:00.000Z");

describe("a receiver's Retry-After", () => {
  it("reads delta-seconds, counted from the answer (latency after the attempt's start)", () => {
    expect(retryAfterMs(429, "120", now)).toBe(120_000);
    expect(retryAfterMs(503, " 30 ", now, 250)).toBe(30_250);
  });

  it("reads the three HTTP-date forms, counted from the attempt's start", () => {
    expect(retryAfterMs(503, "Mon, 07 Dec 2026 12:10:00 GMT", now)).toBe(600_000);
    expect(retryAfterMs(503, "Monday, 07-Dec-26 12:10:00 GMT", now)).toBe(600_000);
    expect(retryAfterMs(503, "Mon Dec  7 12:10:00 2026", now)).toBe(600_000);
  });

  it("caps a longer wait at an hour", () => {
    expect(retryAfterMs(429, "999999999", now)).toBe(RETRY_AFTER_CAP_MS);
    expect(retryAfterMs(503, "Fri, 31 Dec 9999 23:59:59 GMT", now)).toBe(3_600_000);
  });

  it("ignores other statuses, no header, bad values and dates not ahead", () => {
    expect(retryAfterMs(410, "120", now)).toBeUndefined();
    expect(retryAfterMs(500, "120", now)).toBeUndefined();
    expect(retryAfterMs(429, undefined, now)).toBeUndefined();
    for (const bad of ["", "soon", "-5", "1.5", "1e3", "0x10", "2026-12-07T12:10:00Z", "Mon, 07 Dec 2026 12:10:00 +0000", "0"])
      expect({ bad, ms: retryAfterMs(429, bad, now) }).toEqual({ bad, ms: undefined });
    expect(retryAfterMs(503, "Mon, 07 Dec 2026 11:59:00 GMT", now)).toBeUndefined();
    expect(retryAfterMs(503, "Mon, 07 Dec 2026 12:00:00 GMT", now)).toBeUndefined();
  });
});
