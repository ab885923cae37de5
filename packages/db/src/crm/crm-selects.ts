import type { Prisma } from "../generated/prisma/client";

export const contactSummarySelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
} satisfies Prisma.ContactSelect;

export const contactSelect = {
  ...contactSummarySelect,
  source: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ContactSelect;

const assigneeSelect = { select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } } } as const;

export const leadListSelect = {
  id: true,
  status: true,
  source: true,
  listingKey: true,
  assignedMembershipId: true,
  firstContactedAt: true,
  lastActivityAt: true,
  createdAt: true,
  contact: { select: contactSummarySelect },
  assignedTo: assigneeSelect,
} satisfies Prisma.LeadSelect;

export const leadDetailSelect = {
  ...leadListSelect,
  contactId: true,
  message: true,
  closedAt: true,
  updatedAt: true,
  contact: { select: contactSelect },
} satisfies Prisma.LeadSelect;

export const activitySelect = {
  id: true,
  type: true,
  title: true,
  body: true,
  metadata: true,
  occurredAt: true,
  actorUserId: true,
  eventId: true,
  leadId: true,
  contactId: true,
  contact: { select: contactSummarySelect },
} satisfies Prisma.ActivitySelect;

export type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;
export type LeadListRow = Prisma.LeadGetPayload<{ select: typeof leadListSelect }>;
export type LeadDetailRow = Prisma.LeadGetPayload<{ select: typeof leadDetailSelect }>;
export type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }> & { actorName: string | null };

/** Who made a change: a signed-in member, or an API key of the tenant (then actorUserId is null). */
export type CrmActor = { userId: string | null; apiKeyId?: string };

/** A position in a keyset-paginated list: the sort column's value and the row id of the last item seen. */
export type Keyset = { value: Date; id: string };

export type Page<T> = { items: T[]; nextCursor: Keyset | null };
