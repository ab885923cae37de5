import type { Prisma } from "@real-estate/db";
import { contactSummarySelect } from "../shared/crm-selects";

/** What every task list and page shows: the task, its person, its lead and its assignee. */
export const taskSelect = {
  id: true,
  kind: true,
  title: true,
  notes: true,
  dueAt: true,
  contactId: true,
  leadId: true,
  assignedMembershipId: true,
  completedAt: true,
  completedByUserId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  contact: { select: contactSummarySelect },
  lead: { select: { id: true, status: true, source: true, listingKey: true } },
  assignedTo: { select: { id: true, user: { select: { id: true, name: true, email: true } } } },
} satisfies Prisma.TaskSelect;

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;
