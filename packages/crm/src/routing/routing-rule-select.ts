import type { Prisma } from "@real-estate/db";

const person = { select: { id: true, away: true, user: { select: { name: true } } } } as const;

export const routingRuleSelect = {
  id: true,
  name: true,
  position: true,
  enabled: true,
  sources: true,
  towns: true,
  minPrice: true,
  maxPrice: true,
  listingOffice: true,
  listingAgent: true,
  fromMinute: true,
  toMinute: true,
  targetKind: true,
  targetMembershipId: true,
  rerouteAfterMinutes: true,
  actionPlanId: true,
  actionPlan: { select: { id: true, name: true, archivedAt: true } },
  targetMember: person,
  members: { select: { membershipId: true, position: true, membership: person }, orderBy: { position: "asc" } },
} satisfies Prisma.RoutingRuleSelect;

export type RoutingRuleRow = Prisma.RoutingRuleGetPayload<{ select: typeof routingRuleSelect }>;

/** Thrown when a rule names a member who does not belong to the tenant. */
export class UnknownMemberError extends Error {
  constructor() {
    super("a chosen member does not belong to this brokerage");
  }
}

/** Thrown when a rule names an action plan the tenant does not have (or has archived). */
export class UnknownActionPlanError extends Error {
  constructor() {
    super("the chosen action plan does not exist or is archived");
  }
}
