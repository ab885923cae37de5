import type { Prisma } from "@real-estate/db";

export const contactSummarySelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  phoneExtension: true,
} satisfies Prisma.ContactSelect;

export const contactSelect = {
  ...contactSummarySelect,
  source: true,
  notes: true,
  version: true,
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
  pooledAt: true,
  version: true,
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

/**
 * A position in a list whose order was frozen when paging began (a `ListSnapshot`): the snapshot
 * and how many of its rows earlier pages served.
 */
export type SnapshotPosition = { snapshotId: string; offset: number };

/** Where the next page of a list starts: a keyset (immutable sort keys) or a snapshot position. */
export type ListCursor = Keyset | SnapshotPosition;

export function isSnapshotPosition(cursor: ListCursor): cursor is SnapshotPosition {
  return "snapshotId" in cursor;
}

export type Page<T, C extends ListCursor = Keyset> = { items: T[]; nextCursor: C | null };
