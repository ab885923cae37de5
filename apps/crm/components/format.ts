/** Shared display helpers (server and client). */
export function contactName(c: { firstName: string | null; lastName: string | null; email: string | null; phone?: string | null }): string {
  const name = [c.firstName, c.lastName].filter(Boolean).join(" ");
  return name || c.email || c.phone || "Unnamed contact";
}

/** +12035550177 → (203) 555-0177; other numbers as stored. */
export function formatPhone(phone: string | null): string {
  if (!phone) return "";
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : phone;
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

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: process.env.CRM_TIME_ZONE ?? "America/New_York" });
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
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
