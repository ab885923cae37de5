import { z } from "zod";

// A tenant's days: every "today", date filter and displayed time of a brokerage is in its own
// IANA time zone (Tenant.timeZone), never the server's and never UTC.

export const DEFAULT_TIME_ZONE = "America/New_York";

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name the runtime knows (e.g. "Europe/London"). */
export function isTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    partsFormatter(value);
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZone = z.string().trim().refine(isTimeZone, "a time zone such as America/New_York or Europe/London");

function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar date ("YYYY-MM-DD") of an instant in the zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().startsWith(value);
}

/**
 * The first instant of a calendar date in the zone (its local midnight; where a clock change
 * skips midnight, the first instant that exists). `days` moves the date first (1: the next day).
 */
export function startOfLocalDay(date: string, timeZone: string, days = 0): Date {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new Error(`startOfLocalDay: not a YYYY-MM-DD date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  // The offset at the guess and at the result can differ across a clock change: settle it twice.
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  const target = new Date(wall).toISOString().slice(0, 10);
  // Midnight did not exist (clock jumped past it): the day starts at the jump.
  if (localDateOf(new Date(instant), timeZone) !== target) instant += 3_600_000;
  return new Date(instant);
}

/** The start of the day the instant falls in, in the zone. */
export function startOfDayIn(instant: Date, timeZone: string): Date {
  return startOfLocalDay(localDateOf(instant, timeZone), timeZone);
}

/** Minutes after local midnight of an instant in the zone (0–1439), for time-of-day rules. */
export function localMinuteOf(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return w.hour * 60 + w.minute;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time ("YYYY-MM-DDTHH:mm", as an `<input type="datetime-local">` sends
 * it) names in the zone; null when it is not one. A time skipped by a clock change resolves to
 * the same wall time in the offset before the change (an hour later on the clock).
 */
export function instantOfLocalTime(value: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 16) !== value) return null;
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The wall-clock time of an instant in the zone as "YYYY-MM-DDTHH:mm" (for datetime-local inputs). */
export function localTimeOf(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}
