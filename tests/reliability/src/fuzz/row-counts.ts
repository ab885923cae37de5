import pg from "pg";
import { listTenantOwnedTables } from "../schema/inspect-tenant-keys";

/** Row counts of every tenant-owned table for one tenant, in one statement. */
export async function createRowCounter(url: string, tenantId: string) {
  const client = new pg.Client({ connectionString: url, application_name: "reliability-check" });
  await client.connect();
  const tables = await listTenantOwnedTables(client);
  const sql = `SELECT ${tables.map((t, i) => `(SELECT count(*)::int FROM "${t}" WHERE "tenantId" = $1::uuid) AS c${i}`).join(", ")}`;
  return {
    tables,
    count: async (): Promise<number[]> => {
      const r = await client.query(sql, [tenantId]);
      return tables.map((_, i) => r.rows[0][`c${i}`] as number);
    },
    close: () => client.end(),
  };
}

/** Tables whose row count grew between two counts. */
export function grownTables(tables: string[], before: number[], after: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  tables.forEach((t, i) => {
    const d = after[i]! - before[i]!;
    if (d > 0) out[t] = d;
  });
  return out;
}
