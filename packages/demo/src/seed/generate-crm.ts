// Sample CRM records for one demo tenant: contacts, leads in every status and from every
// source, and a timeline of activities over the last 30 days. Pure and deterministic: ids come
// from (tenant, index), so inserting them again adds nothing.
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatusData } from "@real-estate/types";
import type { SeedTenant } from "../data";
import { FIRST_NAMES, LAST_NAMES } from "../data/names";
import { deterministicUuid } from "./deterministic-uuid";
import { createRng, DAY_MS, type Rng } from "./random";
import { buildLeadTimeline, type ActivitySeed } from "./build-lead-timeline";

export type ContactSeed = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  source: string;
  notes: string | null;
  createdAt: Date;
};
export type LeadSeed = {
  id: string;
  contactEmail: string;
  status: LeadStatusData;
  source: LeadSource;
  listingKey: string | null;
  message: string | null;
  assignee: "agent" | "owner" | null;
  firstContactedAt: Date | null;
  closedAt: Date | null;
  lastActivityAt: Date;
  createdAt: Date;
};
export type DemoCrm = { contacts: ContactSeed[]; leads: LeadSeed[]; activities: (ActivitySeed & { contactEmail: string })[] };

export const DEMO_CONTACTS_PER_TENANT = 25;
const EXTRA_LEADS = 6;

const MESSAGES: Partial<Record<LeadSource, string>> = {
  website_contact: "Sample message: we are relocating in the spring and would like to talk about the area.",
  listing_inquiry: "Sample message: is this home still available, and could we see it this weekend?",
  valuation: "Sample message: what might our house be worth in today's market?",
  saved_search: "Saved a search for homes with a yard (sample).",
  manual: "Met at an open house (sample).",
};

function contactFor(tenant: SeedTenant, i: number, anchor: Date, rng: Rng): ContactSeed {
  const firstName = FIRST_NAMES[(i * 7) % FIRST_NAMES.length]!;
  const lastName = LAST_NAMES[(i * 3 + tenant.slug.length) % LAST_NAMES.length]!;
  return {
    id: deterministicUuid("contact", tenant.slug, String(i)),
    email: `${firstName}.${lastName}.${tenant.slug}${i + 1}@example.com`.toLowerCase(),
    firstName,
    lastName,
    phone: `+1${tenant.areaCode}555${String(101 + i).padStart(4, "0")}`,
    source: LEAD_SOURCES[i % LEAD_SOURCES.length]!,
    notes: i % 4 === 0 ? "Sample contact for demonstration." : null,
    createdAt: new Date(anchor.getTime() - rng.int(3, 29) * DAY_MS - rng.int(0, 23) * 3_600_000),
  };
}

function leadStatus(i: number, rng: Rng): LeadStatusData {
  if (i < LEAD_STATUSES.length) return LEAD_STATUSES[i]!;
  return rng.weighted([
    ["NEW", 30],
    ["CONTACTED", 22],
    ["QUALIFIED", 14],
    ["NURTURING", 12],
    ["UNDER_CONTRACT", 8],
    ["WON", 6],
    ["LOST", 8],
  ] as const);
}

function listingKeyFor(tenant: SeedTenant, rng: Rng): string {
  return `${tenant.listing.keyPrefix}-${tenant.listing.firstNumber + rng.int(0, tenant.listing.count - 1)}`;
}

/** The sample CRM of a tenant as of `anchor` (start of today, UTC). */
export function generateDemoCrm(tenant: SeedTenant, anchor: Date): DemoCrm {
  const rng = createRng(`${tenant.slug}:crm`);
  const contacts = Array.from({ length: DEMO_CONTACTS_PER_TENANT }, (_, i) => contactFor(tenant, i, anchor, rng));
  const leads: LeadSeed[] = [];
  const activities: DemoCrm["activities"] = [];
  for (let i = 0; i < DEMO_CONTACTS_PER_TENANT + EXTRA_LEADS; i++) {
    const contact = contacts[i % DEMO_CONTACTS_PER_TENANT]!;
    const status = leadStatus(i, rng);
    const source: LeadSource = i < LEAD_SOURCES.length ? LEAD_SOURCES[(i + 3) % LEAD_SOURCES.length]! : (contact.source as LeadSource);
    const createdAt = new Date(contact.createdAt.getTime() + (i >= DEMO_CONTACTS_PER_TENANT ? 2 * DAY_MS : 0) + rng.int(5, 240) * 60_000);
    const id = deterministicUuid("lead", tenant.slug, String(i));
    const assignee = rng.weighted([
      ["agent", 55],
      ["owner", 20],
      [null, 25],
    ] as const);
    const listingKey = source === "listing_inquiry" || source === "saved_listing" ? listingKeyFor(tenant, rng) : null;
    const timeline = buildLeadTimeline({ tenantSlug: tenant.slug, leadIndex: i, leadId: id, status, source, createdAt, anchor, assignee, listingKey, rng });
    leads.push({
      id,
      contactEmail: contact.email,
      status,
      source,
      listingKey,
      message: MESSAGES[source] ?? null,
      assignee,
      firstContactedAt: timeline.firstContactedAt,
      closedAt: timeline.closedAt,
      lastActivityAt: timeline.lastActivityAt,
      createdAt,
    });
    activities.push(...timeline.activities.map((a) => ({ ...a, contactEmail: contact.email })));
  }
  return { contacts, leads, activities };
}
