// The feed's Office and Member resources (small), for attribution: read whole, following
// @odata.nextLink, and upserted in one statement each.
import type { Db } from "@real-estate/db";
import type { ResoClient } from "../client/reso-client";

async function readAll(client: ResoClient, resource: string, select: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let page = await client.get(resource, { $select: select, $top: "500" });
  out.push(...page.value);
  for (let guard = 0; page.nextLink && guard < 1000; guard++) {
    page = await client.getNextLink(page.nextLink);
    out.push(...page.value);
  }
  return out;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 300) : null);

export async function replicateRoster(options: { tenantId: string; feedId: string; resources: string[]; client: ResoClient; db: Db }) {
  const { tenantId, feedId, client, db } = options;
  let offices = 0,
    members = 0;
  if (options.resources.includes("Office")) {
    const rows = (await readAll(client, "Office", "OfficeKey,OfficeName,OfficePhone,ModificationTimestamp"))
      .map((r) => ({ k: str(r.OfficeKey), n: str(r.OfficeName), p: str(r.OfficePhone), t: str(r.ModificationTimestamp) }))
      .filter((r) => r.k && r.n);
    offices = await db.$executeRawUnsafe(
      `INSERT INTO "FeedOffice" ("tenantId", "feedId", "OfficeKey", "OfficeName", "OfficePhone", "ModificationTimestamp")
       SELECT $1::uuid, $2::uuid, r.k, r.n, r.p, r.t::timestamptz AT TIME ZONE 'UTC' FROM jsonb_to_recordset($3::jsonb) AS r(k text, n text, p text, t text)
       ON CONFLICT ("tenantId", "feedId", "OfficeKey") DO UPDATE SET "OfficeName" = EXCLUDED."OfficeName", "OfficePhone" = EXCLUDED."OfficePhone", "ModificationTimestamp" = EXCLUDED."ModificationTimestamp"`,
      tenantId,
      feedId,
      JSON.stringify(rows),
    );
  }
  if (options.resources.includes("Member")) {
    const rows = (await readAll(client, "Member", "MemberKey,MemberFullName,OfficeKey,ModificationTimestamp"))
      .map((r) => ({ k: str(r.MemberKey), n: str(r.MemberFullName), o: str(r.OfficeKey), t: str(r.ModificationTimestamp) }))
      .filter((r) => r.k && r.n);
    members = await db.$executeRawUnsafe(
      `INSERT INTO "FeedMember" ("tenantId", "feedId", "MemberKey", "MemberFullName", "OfficeKey", "ModificationTimestamp")
       SELECT $1::uuid, $2::uuid, r.k, r.n, r.o, r.t::timestamptz AT TIME ZONE 'UTC' FROM jsonb_to_recordset($3::jsonb) AS r(k text, n text, o text, t text)
       ON CONFLICT ("tenantId", "feedId", "MemberKey") DO UPDATE SET "MemberFullName" = EXCLUDED."MemberFullName", "OfficeKey" = EXCLUDED."OfficeKey", "ModificationTimestamp" = EXCLUDED."ModificationTimestamp"`,
      tenantId,
      feedId,
      JSON.stringify(rows),
    );
  }
  return { offices, members };
}
