import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { failure } from "@real-estate/types/testing";
import { getArea, listAreas, listOperatorActions, StudioError, updateAreaContent } from "../src";

const testDb = useTestDatabase("studio_content");
const actor = { userId: "op-1", email: "operator@platform.example" };

async function seedTown(db: ReturnType<typeof testDb>["db"], tenantId: string, slug: string) {
  const town = await db.town.create({
    data: {
      tenantId,
      slug,
      name: `Town ${slug}`,
      state: "CT",
      summary: "Sample summary",
      isSample: true,
      content: { taxes: { millRate: 20, isSample: true } },
    },
  });
  const hood = await db.neighborhood.create({
    data: { tenantId, townId: town.id, slug: `${slug}-center`, name: "Center", summary: "Walkable", isSample: true },
  });
  return { town, hood };
}

describe("studio town and neighbourhood content", () => {
  it("lists a tenant's towns with neighbourhoods and reads one area's content", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "areas" });
    const { town, hood } = await seedTown(db, t.tenantId, "easton");
    const areas = await listAreas({ tenantId: t.tenantId });
    expect(areas.map((a) => [a.slug, a.neighborhoods.map((n) => n.slug)])).toEqual([["easton", ["easton-center"]]]);
    expect((await getArea({ tenantId: t.tenantId, kind: "town", areaId: town.id })).content).toEqual({ taxes: { millRate: 20, isSample: true } });
    expect((await getArea({ tenantId: t.tenantId, kind: "neighborhood", areaId: hood.id })).town?.slug).toBe("easton");
  });

  it("saves validated content with an audit row; bad content is a 422 and changes nothing", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "areas-edit" });
    const { town, hood } = await seedTown(db, t.tenantId, "weston");
    const content = { schools: { district: "Weston Public Schools", schools: [{ name: "Hurlbutt Elementary", grades: "K-2" }], isSample: true } };
    const saved = await updateAreaContent({ tenantId: t.tenantId, kind: "town", areaId: town.id, actor, input: { summary: "Edited summary", content } });
    expect(saved).toMatchObject({ summary: "Edited summary", content });
    const log = await listOperatorActions({ tenantId: t.tenantId });
    expect(log.rows[0]).toMatchObject({ action: "town.content", targetId: town.id });
    expect((log.rows[0]!.before as { summary: string }).summary).toBe("Sample summary");

    for (const input of [
      { content: { schools: { schools: "none" } } },
      { content: { weather: {} } },
      { content: { walkScore: { walk: 101 } } },
      { summary: 5, content: {} },
      {},
    ]) {
      expect((await failure(updateAreaContent({ tenantId: t.tenantId, kind: "town", areaId: town.id, actor, input }), StudioError)).status).toBe(422);
    }
    expect((await failure(updateAreaContent({ tenantId: t.tenantId, kind: "city", areaId: town.id, actor, input: { content: {} } }), StudioError)).status).toBe(
      422,
    );
    expect((await getArea({ tenantId: t.tenantId, kind: "town", areaId: town.id })).content).toEqual(content);
    await updateAreaContent({
      tenantId: t.tenantId,
      kind: "neighborhood",
      areaId: hood.id,
      actor,
      input: { content: { walkScore: { walk: 88, isSample: true } } },
    });
    expect((await getArea({ tenantId: t.tenantId, kind: "neighborhood", areaId: hood.id })).content).toEqual({ walkScore: { walk: 88, isSample: true } });
  });

  it("answers 404 for another tenant's town, and for a town id asked as a neighbourhood", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "areas-a" });
    const b = await createTenantFixture(db, { slug: "areas-b" });
    const { town } = await seedTown(db, b.tenantId, "redding");
    expect((await failure(getArea({ tenantId: a.tenantId, kind: "town", areaId: town.id }), StudioError)).status).toBe(404);
    expect((await failure(getArea({ tenantId: b.tenantId, kind: "neighborhood", areaId: town.id }), StudioError)).status).toBe(404);
    const denied = await failure(updateAreaContent({ tenantId: a.tenantId, kind: "town", areaId: town.id, actor, input: { content: {} } }), StudioError);
    expect(denied.status).toBe(404);
    expect((await getArea({ tenantId: b.tenantId, kind: "town", areaId: town.id })).content).toEqual({ taxes: { millRate: 20, isSample: true } });
  });
});
