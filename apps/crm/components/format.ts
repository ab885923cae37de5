/** Shared display helpers (server and client). */
import { DEFAULT_TIME_ZONE } from "@real-estate/types";
export function contactName(c: { firstName: string | null; lastName: string | null; email: string | null; phone?: string | null }): string {
  const name = [c.firstName, c.lastName].filter(Boolean).join(" ");
  return name || c.email || c.phone || "Unnamed contact";
}

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

export function timeAgo(date: Date, now = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return "just now";
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** Date and time in the brokerage's time zone (Tenant.timeZone), with the zone's abbreviation. */
export function formatDateTime(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let f = dateTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone });
    dateTimeFormats.set(timeZone, f);
  }
  return f.format(date);
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

export const STATUS_LABELS: Record<string, string> = {
  NEW: "New",
  CONTACTED: "Contacted",
  QUALIFIED: "Qualified",
  NURTURING: "Nurturing",
  UNDER_CONTRACT: "Under contract",
  WON: "Won",
  LOST: "Lost",
};

export const SOURCE_LABELS: Record<string, string> = {
  website_contact: "Website contact",
  listing_inquiry: "Listing inquiry",
  valuation: "Home valuation",
  visitor_registration: "Site registration",
  saved_listing: "Saved listing",
  saved_search: "Saved search",
  manual: "Entered by hand",
  api: "API",
};
