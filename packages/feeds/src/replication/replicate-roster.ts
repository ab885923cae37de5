// The feed's Office and Member resources (small), for attribution: read whole, following
// @odata.nextLink, and upserted in one statement each.
import type { Db } from "@real-estate/db";
import type { ResoClient } from "../client/reso-client";
import { stripUnstorable, truncateText } from "@real-estate/types";
import { instant } from "../mapping/map-property";

/** Pages read of one roster resource at most; a nextLink seen before ends the list (a loop). */
const ROSTER_MAX_PAGES = 1000;

async function readAll(client: ResoClient, resource: string, select: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let page = await client.get(resource, { $select: select, $top: "500" });
  out.push(...page.value);
  const seen = new Set<string>();
  for (let guard = 0; page.nextLink && !seen.has(page.nextLink) && guard < ROSTER_MAX_PAGES; guard++) {
    seen.add(page.nextLink);
    page = await client.getNextLink(page.nextLink);
    out.push(...page.value);
  }
  return out;
}

const str = (v: unknown) => {
  const out = typeof v === "string" ? truncateText(stripUnstorable(v).trim(), 300) : "";
  return out || null;
};

/**
 * The rows ready for one statement: without a key or name dropped, the last of a key kept (one
 * INSERT … ON CONFLICT cannot update a row twice: a key sent twice failed the whole run), the
 * time an instant PostgreSQL reads, or null.
 */
function rosterRows<T extends { k: string | null; n: string | null }>(rows: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) if (row.k && row.n) byKey.set(row.k, row);
  return [...byKey.values()];
}

export async function replicateRoster(options: { tenantId: string; feedId: string; resources: string[]; client: ResoClient; db: Db }) {
  const { tenantId, feedId, client, db } = options;
  let offices = 0,
    members = 0;
  if (options.resources.includes("Office")) {
    const rows = rosterRows(
      (await readAll(client, "Office", "OfficeKey,OfficeName,OfficePhone,ModificationTimestamp")).map((r) => ({
        k: str(r.OfficeKey),
        n: str(r.OfficeName),
        p: str(r.OfficePhone),
        t: instant(r.ModificationTimestamp),
      })),
    );
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
    const rows = rosterRows(
      (await readAll(client, "Member", "MemberKey,MemberFullName,OfficeKey,ModificationTimestamp")).map((r) => ({
        k: str(r.MemberKey),
        n: str(r.MemberFullName),
        o: str(r.OfficeKey),
        t: instant(r.ModificationTimestamp),
      })),
    );
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
