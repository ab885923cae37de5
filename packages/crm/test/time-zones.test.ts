import { describe, expect, it } from "vitest";
import { startOfLocalDay } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { getDashboardStats, listLeads } from "../src";

const testDb = useTestDatabase("crm_time_zones");

/** A lead created at a wall-clock time in the tenant's zone (ISO without offset, interpreted there). */
async function leadAt(db: Db, tenantId: string, timeZone: string, local: string, name: string) {
  const [date, time] = local.split("T") as [string, string];
  const [h, m] = time.split(":").map(Number) as [number, number];
  const createdAt = new Date(startOfLocalDay(date, timeZone).getTime() + (h * 60 + m) * 60_000);
  const contact = await db.contact.create({
    data: { tenantId, firstName: name, email: `${name.toLowerCase()}@example.com`, source: "website_contact", createdAt },
  });
  const lead = await db.lead.create({ data: { tenantId, contactId: contact.id, source: "website_contact", createdAt, lastActivityAt: createdAt } });
  return lead.id;
}

describe("each tenant's days are its own", () => {
  it("leads at 23:59 and 00:01 local fall on their local days in two tenants with different zones", async () => {
    const { db } = testDb();
    const zones = { ny: "America/New_York", tokyo: "Asia/Tokyo" };
    const ny = await createTenantFixture(db, { timeZone: zones.ny });
    const tokyo = await createTenantFixture(db, { timeZone: zones.tokyo, country: "JP" });
    const ids = {
      nyLate: await leadAt(db, ny.tenantId, zones.ny, "2026-11-27T23:59", "NyLate"),
      nyEarly: await leadAt(db, ny.tenantId, zones.ny, "2026-11-28T00:01", "NyEarly"),
      tkLate: await leadAt(db, tokyo.tenantId, zones.tokyo, "2026-11-27T23:59", "TkLate"),
      tkEarly: await leadAt(db, tokyo.tenantId, zones.tokyo, "2026-11-28T00:01", "TkEarly"),
    };
    // Noon on Nov 28 in each zone: "today" holds only the 00:01 lead.
    for (const [t, zone, early] of [
      [ny, zones.ny, ids.nyEarly],
      [tokyo, zones.tokyo, ids.tkEarly],
    ] as const) {
      const noon = new Date(startOfLocalDay("2026-11-28", zone).getTime() + 12 * 3_600_000);
      const stats = await getDashboardStats({ tenantId: t.tenantId, timeZone: zone, now: noon });
      expect(stats.newLeads.today).toBe(1);
      expect(stats.bounds.today.toISOString()).toBe(startOfLocalDay("2026-11-28", zone).toISOString());
      // The leads list filtered to Nov 28 (a day in the tenant's zone) finds the 00:01 lead only.
      const day = await listLeads({
        tenantId: t.tenantId,
        filters: { createdFrom: startOfLocalDay("2026-11-28", zone), createdTo: startOfLocalDay("2026-11-28", zone, 1) },
      });
      expect(day.items.map((l) => l.id)).toEqual([early]);
      const before = await listLeads({
        tenantId: t.tenantId,
        filters: { createdFrom: startOfLocalDay("2026-11-27", zone), createdTo: startOfLocalDay("2026-11-27", zone, 1) },
      });
      expect(before.items).toHaveLength(1);
      expect(before.items[0]!.id).not.toBe(early);
    }
  });
});
