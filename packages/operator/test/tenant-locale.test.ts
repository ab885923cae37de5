import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { updateTenant } from "../src";

const testDb = useTestDatabase("operator_tenant_locale");

describe("a tenant's country and time zone", () => {
  it("the studio sets a tenant's zone and country, refusing unknown ones", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const actor = { userId: "op", email: "op@platform.example" };
    const updated = await updateTenant({ tenantId: t.tenantId, actor, input: { timeZone: "Europe/London", country: "gb" }, db });
    expect(updated).toMatchObject({ timeZone: "Europe/London", country: "GB" });
    await expect(updateTenant({ tenantId: t.tenantId, actor, input: { timeZone: "Mars/Olympus" }, db })).rejects.toThrow();
    await expect(updateTenant({ tenantId: t.tenantId, actor, input: { country: "XX" }, db })).rejects.toThrow();
    expect(await db.tenant.findUnique({ where: { id: t.tenantId }, select: { timeZone: true, country: true } })).toEqual({
      timeZone: "Europe/London",
      country: "GB",
    });
  });
});
