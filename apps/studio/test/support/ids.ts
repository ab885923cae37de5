import { testDb } from "./studio-client";

/** Ids of the seeded demo tenants and some of their records. */
export async function demoIds() {
  const db = testDb();
  const tenants = await db.tenant.findMany({ where: { slug: { in: ["fairfield", "shoreline"] } }, select: { id: true, slug: true } });
  const fairfield = tenants.find((t) => t.slug === "fairfield")!.id;
  const shoreline = tenants.find((t) => t.slug === "shoreline")!.id;
  const town = await db.town.findFirstOrThrow({ where: { tenantId: fairfield }, select: { id: true, slug: true }, orderBy: { sortOrder: "asc" } });
  const shorelineTown = await db.town.findFirstOrThrow({ where: { tenantId: shoreline }, select: { id: true, slug: true }, orderBy: { sortOrder: "asc" } });
  const hood = await db.neighborhood.findFirstOrThrow({ where: { tenantId: fairfield }, select: { id: true } });
  const shorelineDomain = await db.tenantDomain.findFirstOrThrow({ where: { tenantId: shoreline }, select: { id: true, hostname: true } });
  return { fairfield, shoreline, town, shorelineTown, hood, shorelineDomain };
}
