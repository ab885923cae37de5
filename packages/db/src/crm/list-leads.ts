import type { LeadStatus } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { contactSummarySelect, leadListSelect, type Keyset, type LeadListRow, type Page } from "./crm-selects";
import { contactSearchWhere } from "./contact-search";
import { keysetWhere, toPage } from "./keyset";

export const LEAD_SORTS = ["-createdAt", "createdAt", "-lastActivityAt", "lastActivityAt"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export type LeadFilters = {
  status?: LeadStatus[];
  source?: string[];
  /** Membership ids; the literal "unassigned" matches leads with no agent. */
  assignedTo?: string[];
  /** Words matched against the contact's name, email and phone. */
  q?: string;
  /** Inclusive lower bound on createdAt. */
  createdFrom?: Date;
  /** Exclusive upper bound on createdAt. */
  createdTo?: Date;
};

export function leadFilterWhere(tenantId: string, f: LeadFilters): Prisma.LeadWhereInput {
  const where: Prisma.LeadWhereInput = { tenantId };
  if (f.status?.length) where.status = { in: f.status };
  if (f.source?.length) where.source = { in: f.source };
  if (f.assignedTo?.length) {
    const ids = f.assignedTo.filter((a) => a !== "unassigned");
    const or: Prisma.LeadWhereInput[] = [];
    if (ids.length) or.push({ assignedMembershipId: { in: ids } });
    if (ids.length !== f.assignedTo.length) or.push({ assignedMembershipId: null });
    where.OR = or;
  }
  if (f.createdFrom || f.createdTo) where.createdAt = { ...(f.createdFrom && { gte: f.createdFrom }), ...(f.createdTo && { lt: f.createdTo }) };
  const search = contactSearchWhere(f.q);
  if (search) where.contact = search;
  return where;
}

/** One page of the tenant's leads, filtered and sorted, keyset-paginated (default 50 per page). */
export async function listLeads(options: {
  tenantId: string;
  filters?: LeadFilters;
  sort?: LeadSort;
  cursor?: Keyset;
  limit?: number;
  db?: Db;
}): Promise<Page<LeadListRow>> {
  const db = options.db ?? getDb();
  const limit = options.limit ?? 50;
  const sort = options.sort ?? "-createdAt";
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const field = sort.replace(/^-/, "") as "createdAt" | "lastActivityAt";
  const { contact: _contact, ...leadColumns } = leadListSelect;
  const leads = await db.lead.findMany({
    where: { AND: [leadFilterWhere(options.tenantId, options.filters ?? {}), keysetWhere(field, direction, options.cursor)] },
    select: { ...leadColumns, contactId: true },
    orderBy: [{ [field]: direction }, { id: direction }],
    take: limit + 1,
  });
  // The contacts are loaded here rather than through the relation: Prisma's relation query
  // repeats the tenant once per lead ("tenantId" IN ($1, ..., $101) AND id IN (...)), which the
  // planner misjudges at 100 leads and answers with a sequential scan of every tenant's contacts
  // (measured: 70 ms at 500,000 contacts); with one tenantId it is a primary-key lookup.
  const contactIds = [...new Set(leads.map((l) => l.contactId))];
  const contacts = contactIds.length
    ? await db.contact.findMany({ where: { tenantId: options.tenantId, id: { in: contactIds } }, select: contactSummarySelect })
    : [];
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const rows: LeadListRow[] = leads.map(({ contactId, ...lead }) => {
    const contact = byId.get(contactId);
    if (!contact) throw new Error(`listLeads: contact ${contactId} of lead ${lead.id} not found`);
    return { ...lead, contact };
  });
  return toPage(rows, limit, (row) => row[field]);
}
