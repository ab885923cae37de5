import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type TextHit = { table: string; column: string; needle: string; rows: number };

const TEXT_TYPES = new Set(["text", "character varying", "character", "json", "jsonb", "ARRAY", "USER-DEFINED"]);

/**
 * Scans every text, JSON and array column of every table in the schema for each needle
 * (case-insensitive) and returns where they occur. Deliberately unscoped (it reads every
 * tenant's rows): it verifies erasures and is used by operators and tests, never by requests.
 */
export async function unsafeFindTextInDatabase(options: { needles: string[]; schema?: string; db?: Db }): Promise<TextHit[]> {
  const db = options.db ?? getDb();
  const columns = await db.$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS type
      FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = ${options.schema ?? "public"} AND t.table_type = 'BASE TABLE'
     ORDER BY 1, 2`;
  const hits: TextHit[] = [];
  for (const col of columns.filter((c) => TEXT_TYPES.has(c.type))) {
    const ident = `"${col.table.replace(/"/g, '""')}"."${col.column.replace(/"/g, '""')}"`;
    for (const needle of options.needles.map((n) => n.toLowerCase())) {
      const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${col.table.replace(/"/g, '""')}" WHERE position($1 in lower(${ident}::text)) > 0`,
        needle,
      );
      const n = Number(rows[0]?.n ?? 0);
      if (n > 0) hits.push({ table: col.table, column: col.column, needle, rows: n });
    }
  }
  return hits;
}
