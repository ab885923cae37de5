// Pages of the CRM's lists neither skip nor repeat a row that was in the list when paging began,
// while other people insert and edit rows between (and during) page requests. Property-based:
// random lists, page sizes, sorts and edits, on PostgreSQL, with a second tenant alongside.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import {
  LEAD_SORTS,
  ListSnapshotExpiredError,
  listActivities,
  listContacts,
  listLeads,
  logActivity,
  updateContact,
  updateLead,
  type LeadSort,
  type ListCursor,
} from "../src";
import { createCrmTenant, seedLead, type CrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crmpages");
const base = new Date("2026-11-01T12:00:00Z");
const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);

type ListName = LeadSort | "contacts" | "activities";
const LISTS: ListName[] = [...LEAD_SORTS, "contacts", "activities"];

/** An edit someone else makes while the list is paged. `pick` chooses an existing lead. */
type Edit =
  { kind: "insert"; minute: number } | { kind: "activity"; pick: number; minute: number } | { kind: "status"; pick: number } | { kind: "rename"; pick: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), minute: fc.integer({ min: -5, max: 60 }) }),
  fc.record({ kind: fc.constant("activity" as const), pick: fc.nat(), minute: fc.integer({ min: -5, max: 60 }) }),
  fc.record({ kind: fc.constant("status" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), pick: fc.nat() }),
);

let serial = 0;

async function addLead(t: CrmTenant, minute: number) {
  const { db } = testDb();
  const n = serial++;
  return seedLead(db, t.tenantId, { first: `P${n}`, email: `p${n}@example.com`, createdAt: at(minute) });
}

async function applyEdit(t: CrmTenant, leads: { leadId: string; contactId: string }[], e: Edit) {
  if (e.kind === "insert") {
    leads.push(await addLead(t, e.minute));
    return;
  }
  const target = leads[e.pick % leads.length]!;
  const actor = { userId: t.ownerUserId };
  if (e.kind === "activity") await logActivity({ tenantId: t.tenantId, type: "NOTE", leadId: target.leadId, occurredAt: at(e.minute), actor });
  else if (e.kind === "status")
    await updateLead({ tenantId: t.tenantId, leadId: target.leadId, change: { status: e.pick % 2 ? "CONTACTED" : "QUALIFIED" }, actor });
  else await updateContact({ tenantId: t.tenantId, contactId: target.contactId, input: { firstName: `Renamed${serial++}` }, actor });
}

async function page(list: ListName, tenantId: string, cursor: ListCursor | undefined, limit: number) {
  if (list === "contacts") return listContacts({ tenantId, cursor: cursor as never, limit });
  if (list === "activities") return listActivities({ tenantId, cursor: cursor as never, limit });
  return listLeads({ tenantId, sort: list, cursor, limit });
}

/** Every row of the list right now, in order (one page as large as the list). */
async function wholeList(list: ListName, tenantId: string): Promise<string[]> {
  return (await page(list, tenantId, undefined, 100_000)).items.map((r) => r.id);
}

describe("stable pages (two tenants)", () => {
  let b: CrmTenant;
  let bIds: Record<ListName, string[]>;

  beforeAll(async () => {
    const { db } = testDb();
    b = await createCrmTenant(db, "pages-b");
    for (let i = 0; i < 4; i++) {
      const { leadId } = await addLead(b, i * 7);
      await logActivity({ tenantId: b.tenantId, type: "CALL", leadId, occurredAt: at(i * 3), actor: { userId: b.ownerUserId } });
    }
    bIds = Object.fromEntries(await Promise.all(LISTS.map(async (l) => [l, await wholeList(l, b.tenantId)] as const))) as Record<ListName, string[]>;
  });

  it(
    "no row that was in the list when paging began is skipped or repeated, whatever is inserted or edited between and during pages",
    { timeout: 300_000 },
    async () => {
      const { db } = testDb();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...LISTS),
          fc.array(fc.record({ created: fc.integer({ min: 0, max: 40 }), active: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 18 }),
          fc.integer({ min: 1, max: 5 }),
          fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 12 }),
          async (list, seeds, limit, batches) => {
            const a = await createCrmTenant(db, `pages-a${run++}`);
            const leads: { leadId: string; contactId: string }[] = [];
            for (const s of seeds) {
              const seeded = await addLead(a, s.created);
              leads.push(seeded);
              // Last activity apart from creation (and ties: minutes repeat), each with a timeline entry.
              await logActivity({ tenantId: a.tenantId, type: "NOTE", leadId: seeded.leadId, occurredAt: at(s.active), actor: { userId: a.ownerUserId } });
            }
            const before = await wholeList(list, a.tenantId);
            const seen: string[] = [];
            let cursor: ListCursor | undefined;
            let first = true;
            // The first page is read undisturbed: it is when paging begins, and an edit racing it may land
            // before its read, so the order "when paging began" would be the edited one. Then each batch of
            // edits runs during one later page request (the next page is read after it finished); once the
            // batches are used up the remaining pages are read undisturbed. Lists that page by key
            // (contacts, activities) serve rows inserted behind the cursor, so edits on every page could
            // outgrow the reader and paging would never end; bounded, it must end within this many pages
            // (an edit adds at most a lead, its contact and a timeline entry to any one list).
            const maxPages = before.length + 3 * batches.flat().length + 3;
            for (let i = 0; first || cursor; i++) {
              expect(i, "paging ended").toBeLessThan(maxPages);
              const edits = i === 0 ? [] : (batches[i - 1] ?? []);
              // This page is read while these edits run, and the next one after they finished.
              const [p] = await Promise.all([page(list, a.tenantId, cursor, limit), ...edits.map((e) => applyEdit(a, leads, e))]);
              seen.push(...p.items.map((r) => r.id));
              cursor = p.nextCursor ?? undefined;
              first = false;
            }
            expect(new Set(seen).size).toBe(seen.length);
            const beforeSet = new Set(before);
            // Every row that was listed is served once, in the order the list had when paging began.
            expect(seen.filter((id) => beforeSet.has(id))).toEqual(before);
            // Rows added since may or may not be served; the other tenant's never are.
            const now = new Set(await wholeList(list, a.tenantId));
            expect(seen.every((id) => now.has(id))).toBe(true);
            expect(seen.some((id) => bIds[list].includes(id))).toBe(false);
          },
        ),
        { numRuns: 40 },
      );
      // The other tenant's lists are as they were.
      for (const list of LISTS) expect(await wholeList(list, b.tenantId)).toEqual(bIds[list]);
    },
  );

  it("a frozen list's cursor works only for its tenant, its filters and an hour", async () => {
    const { db } = testDb();
    const a = await createCrmTenant(db, "pages-snap");
    for (let i = 0; i < 5; i++) await addLead(a, i);
    const first = await listLeads({ tenantId: a.tenantId, sort: "-lastActivityAt", limit: 2 });
    const cursor = first.nextCursor!;
    expect(cursor).toHaveProperty("snapshotId");
    await expect(listLeads({ tenantId: b.tenantId, sort: "-lastActivityAt", cursor, limit: 2 })).rejects.toBeInstanceOf(ListSnapshotExpiredError);
    await expect(listLeads({ tenantId: a.tenantId, sort: "lastActivityAt", cursor, limit: 2 })).rejects.toBeInstanceOf(ListSnapshotExpiredError);
    await expect(listLeads({ tenantId: a.tenantId, sort: "-lastActivityAt", filters: { status: ["NEW"] }, cursor, limit: 2 })).rejects.toBeInstanceOf(
      ListSnapshotExpiredError,
    );
    await expect(listLeads({ tenantId: a.tenantId, sort: "-createdAt", cursor, limit: 2 })).rejects.toBeInstanceOf(ListSnapshotExpiredError);
    expect((await listLeads({ tenantId: a.tenantId, sort: "-lastActivityAt", cursor, limit: 2 })).items).toHaveLength(2);
    // An hour later the snapshot is refused, and the next snapshot made sweeps it away.
    await db.listSnapshot.updateMany({ where: { tenantId: a.tenantId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(listLeads({ tenantId: a.tenantId, sort: "-lastActivityAt", cursor, limit: 2 })).rejects.toBeInstanceOf(ListSnapshotExpiredError);
    await listLeads({ tenantId: b.tenantId, sort: "lastActivityAt", limit: 1 });
    expect(await db.listSnapshot.count({ where: { tenantId: a.tenantId } })).toBe(0);
    // A list that fits on one page stores nothing.
    const before = await db.listSnapshot.count();
    expect((await listLeads({ tenantId: a.tenantId, sort: "-lastActivityAt", limit: 50 })).nextCursor).toBeNull();
    expect(await db.listSnapshot.count()).toBe(before);
  });
});
