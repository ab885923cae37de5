// The activity timeline of one sample lead: the website event (or manual entry) that opened it,
// then calls, notes and status changes along the pipeline up to its current status.
import type { LeadSource, LeadStatusData } from "@real-estate/types";
import { deterministicUuid } from "./deterministic-uuid";
import type { Rng } from "./random";

export type ActivitySeed = {
  id: string;
  leadId: string;
  type: "WEBSITE_EVENT" | "NOTE" | "CALL" | "STATUS_CHANGE" | "EMAIL";
  title: string;
  body: string | null;
  metadata: Record<string, string | boolean>;
  /** Who did it: the lead's assignee, or nobody (website events). */
  actor: "agent" | "owner" | null;
  occurredAt: Date;
};

const PIPELINE: Record<LeadStatusData, LeadStatusData[]> = {
  NEW: [],
  CONTACTED: ["CONTACTED"],
  QUALIFIED: ["CONTACTED", "QUALIFIED"],
  NURTURING: ["CONTACTED", "QUALIFIED", "NURTURING"],
  UNDER_CONTRACT: ["CONTACTED", "QUALIFIED", "UNDER_CONTRACT"],
  WON: ["CONTACTED", "QUALIFIED", "UNDER_CONTRACT", "WON"],
  LOST: ["CONTACTED", "LOST"],
};

const EVENT_TYPES: Partial<Record<LeadSource, [string, string]>> = {
  website_contact: ["lead.submitted", "Contact form submitted on the website"],
  listing_inquiry: ["lead.submitted", "Asked about a listing on the website"],
  valuation: ["valuation.requested", "Requested a home valuation"],
  visitor_registration: ["visitor.registered", "Registered on the website"],
  saved_listing: ["listing.saved", "Saved a listing on the website"],
  saved_search: ["search.saved", "Saved a search on the website"],
};

const NOTES = [
  "Prefers email in the evenings (sample note).",
  "Looking for three bedrooms near the train (sample note).",
  "Pre-approval in progress with their bank (sample note).",
  "Wants to sell first, then buy (sample note).",
  "Interested in the spring market (sample note).",
];

type Options = {
  tenantSlug: string;
  leadIndex: number;
  leadId: string;
  status: LeadStatusData;
  source: LeadSource;
  createdAt: Date;
  anchor: Date;
  assignee: "agent" | "owner" | null;
  listingKey: string | null;
  rng: Rng;
};

export type LeadTimeline = { activities: ActivitySeed[]; firstContactedAt: Date | null; closedAt: Date | null; lastActivityAt: Date };

export function buildLeadTimeline(o: Options): LeadTimeline {
  const activities: ActivitySeed[] = [];
  const add = (a: Omit<ActivitySeed, "id" | "leadId">) =>
    activities.push({ ...a, id: deterministicUuid("activity", o.tenantSlug, String(o.leadIndex), String(activities.length)), leadId: o.leadId });
  const actor = o.assignee ?? "owner";
  const event = EVENT_TYPES[o.source];
  add(
    event
      ? {
          type: "WEBSITE_EVENT",
          title: event[1],
          body: o.listingKey ? `Listing ${o.listingKey} (sample)` : null,
          metadata: { eventType: event[0], sample: true },
          actor: null,
          occurredAt: o.createdAt,
        }
      : {
          type: "NOTE",
          title: o.source === "api" ? "Lead created through the API" : "Lead added by hand",
          body: "Sample lead for demonstration.",
          metadata: { sample: true },
          actor,
          occurredAt: o.createdAt,
        },
  );
  const steps = PIPELINE[o.status];
  // Spread the steps between the lead's creation and an hour before the anchor.
  const span = Math.max(o.anchor.getTime() - 3_600_000 - o.createdAt.getTime(), 60_000);
  const times = steps.map(() => Math.round((o.createdAt.getTime() + o.rng.next() * span) / 60_000) * 60_000).sort((a, b) => a - b);
  let previous: LeadStatusData = "NEW";
  let firstContactedAt: Date | null = null;
  steps.forEach((to, i) => {
    const at = new Date(times[i]!);
    if (to === "CONTACTED") {
      firstContactedAt = at;
      add({
        type: "CALL",
        title: "Introductory call",
        body: "Sample call: talked through timing and budget.",
        metadata: { sample: true },
        actor,
        occurredAt: at,
      });
    } else if (o.rng.chance(0.5)) {
      add({ type: "NOTE", title: "Note", body: o.rng.pick(NOTES), metadata: { sample: true }, actor, occurredAt: at });
    }
    add({
      type: "STATUS_CHANGE",
      title: `Status changed from ${previous} to ${to}`,
      body: null,
      metadata: { from: previous, to, sample: true },
      actor,
      occurredAt: new Date(at.getTime() + 60_000),
    });
    previous = to;
  });
  const closed = o.status === "WON" || o.status === "LOST";
  const last = activities[activities.length - 1]!;
  return { activities, firstContactedAt, closedAt: closed ? last.occurredAt : null, lastActivityAt: last.occurredAt };
}
