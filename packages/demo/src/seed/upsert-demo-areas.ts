// Towns and neighbourhoods of a demo tenant, keyed on (tenant, slug) and (tenant, town, slug):
// one set-based statement each.
import type { Db } from "@real-estate/db";
import { buildNeighborhoodContent, buildTownContent, sampleSummary } from "./build-area-content";
import type { SeedTenant } from "../data";
import { deterministicUuid } from "./deterministic-uuid";

export async function upsertDemoAreas(db: Db, options: { tenantId: string; tenant: SeedTenant }): Promise<{ towns: number; neighborhoods: number }> {
  const { tenantId, tenant } = options;
  const towns = tenant.towns.map((town, sortOrder) => ({
    id: deterministicUuid("town", tenant.slug, town.slug),
    slug: town.slug,
    name: town.name,
    summary: sampleSummary(town.description),
    latitude: town.latitude,
    longitude: town.longitude,
    content: buildTownContent(tenant, town),
    sortOrder,
  }));
  const hoods = tenant.towns.flatMap((town) =>
    town.neighborhoods.map((hood, sortOrder) => ({
      id: deterministicUuid("neighborhood", tenant.slug, town.slug, hood.slug),
      townSlug: town.slug,
      slug: hood.slug,
      name: hood.name,
      summary: sampleSummary(hood.description),
      latitude: hood.latitude,
      longitude: hood.longitude,
      content: buildNeighborhoodContent(tenant, town, hood),
      sortOrder,
    })),
  );
  await db.$executeRaw`
    INSERT INTO "Town" ("tenantId", "id", "slug", "name", "state", "county", "summary", "latitude", "longitude", "content", "isSample", "sortOrder", "updatedAt")
    SELECT ${tenantId}::uuid, r.id, r.slug, r.name, ${tenant.state}, ${tenant.county}, r.summary, r.latitude, r.longitude, r.content, true, r."sortOrder", now()
    FROM jsonb_to_recordset(${JSON.stringify(towns)}::jsonb)
      AS r(id uuid, slug text, name text, summary text, latitude double precision, longitude double precision, content jsonb, "sortOrder" integer)
    ON CONFLICT ("tenantId", "slug") DO UPDATE SET
      "name" = EXCLUDED."name", "state" = EXCLUDED."state", "county" = EXCLUDED."county", "summary" = EXCLUDED."summary",
      "latitude" = EXCLUDED."latitude", "longitude" = EXCLUDED."longitude", "content" = EXCLUDED."content",
      "isSample" = true, "sortOrder" = EXCLUDED."sortOrder", "updatedAt" = now()`;
  // Neighbourhoods find their town by slug, so a town created earlier under another id still matches.
  await db.$executeRaw`
    INSERT INTO "Neighborhood" ("tenantId", "id", "townId", "slug", "name", "summary", "latitude", "longitude", "content", "isSample", "sortOrder", "updatedAt")
    SELECT t."tenantId", r.id, t.id, r.slug, r.name, r.summary, r.latitude, r.longitude, r.content, true, r."sortOrder", now()
    FROM jsonb_to_recordset(${JSON.stringify(hoods)}::jsonb)
      AS r(id uuid, "townSlug" text, slug text, name text, summary text, latitude double precision, longitude double precision, content jsonb, "sortOrder" integer)
    JOIN "Town" t ON t."tenantId" = ${tenantId}::uuid AND t."slug" = r."townSlug"
    ON CONFLICT ("tenantId", "townId", "slug") DO UPDATE SET
      "name" = EXCLUDED."name", "summary" = EXCLUDED."summary", "latitude" = EXCLUDED."latitude", "longitude" = EXCLUDED."longitude",
      "content" = EXCLUDED."content", "isSample" = true, "sortOrder" = EXCLUDED."sortOrder", "updatedAt" = now()`;
  return { towns: towns.length, neighborhoods: hoods.length };
}
