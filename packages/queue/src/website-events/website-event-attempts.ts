import type { WebsiteEventType } from "@real-estate/types";

/** Attempts (first try included) before a job is dead-lettered, per website event type. */
export const MAX_ATTEMPTS_BY_TYPE: Record<WebsiteEventType, number> = {
  "lead.submitted": 6,
  "valuation.requested": 6,
  "visitor.registered": 5,
  "listing.saved": 4,
  "listing.viewed": 3,
  "search.saved": 4,
  "lead.received": 6,
};

export function maxAttemptsFor(type: string): number {
  const override = Number(process.env.INGESTION_MAX_ATTEMPTS);
  if (Number.isInteger(override) && override > 0) return override;
  return MAX_ATTEMPTS_BY_TYPE[type as WebsiteEventType] ?? 5;
}
