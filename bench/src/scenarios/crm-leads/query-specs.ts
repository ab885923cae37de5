import type { LeadFilters } from "@real-estate/crm";
import type { SeededTenant } from "./seed-leads";

/** One kind of GET /api/leads request: its query string and the same filters for listLeads. */
export type QuerySpec = {
  name: string;
  query: (t: SeededTenant) => URLSearchParams;
  filters: (t: SeededTenant) => LeadFilters;
  /** Deep keyset page: follow nextCursor this many pages of 100 first. */
  deepPages?: number;
  limit: number;
};

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const thirtyDaysAgo = () => new Date(Date.now() - 30 * 86_400_000);

export function querySpecs(deepPages: number): QuerySpec[] {
  return [
    { name: "first page (newest 50)", query: () => new URLSearchParams(), filters: () => ({}), limit: 50 },
    { name: "status=NEW", query: () => new URLSearchParams({ status: "NEW" }), filters: () => ({ status: ["NEW"] }), limit: 50 },
    {
      name: "status=CONTACTED,QUALIFIED & source",
      query: () => new URLSearchParams({ status: "CONTACTED,QUALIFIED", source: "listing_inquiry" }),
      filters: () => ({ status: ["CONTACTED", "QUALIFIED"], source: ["listing_inquiry"] }),
      limit: 50,
    },
    {
      name: "assignedTo=agent",
      query: (t) => new URLSearchParams({ assignedTo: t.memberships[0]! }),
      filters: (t) => ({ assignedTo: [t.memberships[0]!] }),
      limit: 50,
    },
    {
      name: "created in the last 30 days",
      query: () => new URLSearchParams({ createdFrom: dateOnly(thirtyDaysAgo()) }),
      filters: () => ({ createdFrom: new Date(`${dateOnly(thirtyDaysAgo())}T00:00:00.000Z`) }),
      limit: 50,
    },
    { name: "q=garcia (name/email/phone)", query: () => new URLSearchParams({ q: "garcia" }), filters: () => ({ q: "garcia" }), limit: 50 },
    { name: `deep keyset page (${deepPages * 100} rows in)`, query: () => new URLSearchParams({ limit: "100" }), filters: () => ({}), deepPages, limit: 100 },
    {
      name: `deep keyset page, status=NEW (${deepPages * 100} rows in)`,
      query: () => new URLSearchParams({ status: "NEW", limit: "100" }),
      filters: () => ({ status: ["NEW"] }),
      deepPages,
      limit: 100,
    },
  ];
}
