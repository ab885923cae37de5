import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLocalDate, isTimeZone, localDateOf, startOfDayIn, startOfLocalDay } from "../src/time-zone";

const ZONES = [
  "America/New_York",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Santiago",
  "UTC",
];
const zone = fc.constantFrom(...ZONES);
const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-01-01T00:00:00Z"), noInvalidDate: true });

describe("tenant time zones", () => {
  it("every instant lies in its local day: start of that day <= instant < start of the next", () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const date = localDateOf(t, z);
        const start = startOfLocalDay(date, z);
        const next = startOfLocalDay(date, z, 1);
        expect(start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(next.getTime());
        expect(localDateOf(start, z)).toBe(date);
        expect(localDateOf(new Date(start.getTime() - 1), z)).not.toBe(date);
        expect(startOfDayIn(t, z).getTime()).toBe(start.getTime());
        // A day is 23, 23.5, 24, 24.5 or 25 hours long.
        expect((next.getTime() - start.getTime()) / 3_600_000).toBeGreaterThanOrEqual(23);
        expect((next.getTime() - start.getTime()) / 3_600_000).toBeLessThanOrEqual(25);
      }),
      { numRuns: 3000 },
    );
  });

  it("23:59 and 00:01 local fall on different days, in each tenant's own zone", () => {
    expect(localDateOf(new Date("2026-11-28T04:59:00Z"), "America/New_York")).toBe("2026-11-27");
    expect(localDateOf(new Date("2026-11-28T05:01:00Z"), "America/New_York")).toBe("2026-11-28");
    expect(localDateOf(new Date("2026-11-27T23:59:00Z"), "Europe/London")).toBe("2026-11-27");
    expect(startOfLocalDay("2026-11-28", "America/New_York").toISOString()).toBe("2026-11-28T05:00:00.000Z");
    expect(startOfLocalDay("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-08", "America/New_York", 1).toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("knows real zones and dates only", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2028-02-29")).toBe(true);
  });
});
