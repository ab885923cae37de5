// A fingerprint of every row a tenant owns, to prove that probes changed none of them.
import pg from "pg";
import { listTenantOwnedTables } from "../schema/inspect-tenant-keys";

export type TenantSnapshot = Map<string, Set<string>>;

export async function snapshotTenant(url: string, tenantId: string): Promise<TenantSnapshot> {
  const client = new pg.Client({ connectionString: url, application_name: "reliability-check" });
  await client.connect();
  try {
    const snap: TenantSnapshot = new Map();
    for (const table of await listTenantOwnedTables(client)) {
      const r = await client.query<{ h: string }>(`SELECT md5(t::text) AS h FROM "${table.replace(/"/g, '""')}" t WHERE "tenantId" = $1::uuid`, [tenantId]);
      snap.set(table, new Set(r.rows.map((x) => x.h)));
    }
    return snap;
  } finally {
    await client.end();
  }
}

/** Rows added, removed or changed between two snapshots, by table. */
export function diffSnapshots(before: TenantSnapshot, after: TenantSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(table) ?? new Set<string>();
    const a = after.get(table) ?? new Set<string>();
    const changed = [...b].filter((h) => !a.has(h)).length + [...a].filter((h) => !b.has(h)).length;
    if (changed) out[table] = changed;
  }
  return out;
}
