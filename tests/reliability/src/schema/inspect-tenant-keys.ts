// Reads pg_catalog of a migrated database and lists every place where a tenant-owned table's
// keys do not carry tenantId. Works on the real catalog, so a new table or key added by any
// migration is checked without anyone updating this file.
import type pg from "pg";
import { INDEX_WITHOUT_TENANT, PLATFORM_TABLES, UNIQUE_WITHOUT_TENANT } from "./tenant-key-rules";

export type TenantKeyViolation = { table: string; rule: string; detail: string };

type TableRow = { table: string; tenantNullable: boolean | null; tenantType: string | null };
type IndexRow = { table: string; name: string; columns: string[]; unique: boolean; primary: boolean };
type ForeignKeyRow = { table: string; name: string; columns: string[]; target: string; targetColumns: string[] };

async function listTables(client: pg.ClientBase, schema: string): Promise<TableRow[]> {
  const r = await client.query<TableRow>(
    `SELECT c.relname AS "table",
            CASE WHEN a.attnum IS NULL THEN NULL ELSE NOT a.attnotnull END AS "tenantNullable",
            format_type(a.atttypid, a.atttypmod) AS "tenantType"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [schema],
  );
  return r.rows;
}

async function listIndexes(client: pg.ClientBase, schema: string): Promise<IndexRow[]> {
  // Expression indexes have attnum 0 in indkey: they show as "(expression)" and never count as tenantId.
  const r = await client.query<IndexRow>(
    `SELECT t.relname AS "table", i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            ARRAY(SELECT COALESCE(a.attname::text, '(expression)') FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 ORDER BY 1, 2`,
    [schema],
  );
  return r.rows;
}

async function listForeignKeys(client: pg.ClientBase, schema: string): Promise<ForeignKeyRow[]> {
  const r = await client.query<ForeignKeyRow>(
    `SELECT t.relname AS "table", c.conname AS name, f.relname AS target,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "targetColumns"
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = $1 ORDER BY 1, 2`,
    [schema],
  );
  return r.rows;
}

const keyName = (table: string, columns: string[]) => `${table}(${columns.join(", ")})`;

function checkForeignKey(fk: ForeignKeyRow, tenantOwned: Set<string>): TenantKeyViolation | null {
  const pairs = fk.columns.map((c, i) => [c, fk.targetColumns[i]] as const);
  if (fk.target === "Tenant") {
    const ok = fk.columns.length === 1 && fk.columns[0] === "tenantId" && fk.targetColumns[0] === "id";
    return ok
      ? null
      : {
          table: fk.table,
          rule: "fk-to-tenant-via-tenantId",
          detail: `${fk.name}: ${keyName(fk.table, fk.columns)} -> Tenant(${fk.targetColumns.join(", ")})`,
        };
  }
  if (!tenantOwned.has(fk.target)) return null; // a platform table (e.g. user): no tenant to carry
  const carries = pairs.some(([from, to]) => from === "tenantId" && to === "tenantId");
  return carries
    ? null
    : {
        table: fk.table,
        rule: "fk-composite-with-tenantId",
        detail: `${fk.name}: ${keyName(fk.table, fk.columns)} -> ${keyName(fk.target, fk.targetColumns)}`,
      };
}

/** Every violation of the tenant-key rules in `schema` (default public). Empty means clean. */
export async function inspectTenantKeys(client: pg.ClientBase, schema = "public"): Promise<TenantKeyViolation[]> {
  const tables = await listTables(client, schema);
  const indexes = await listIndexes(client, schema);
  const fks = await listForeignKeys(client, schema);
  const violations: TenantKeyViolation[] = [];
  const tenantOwned = new Set(tables.filter((t) => !(t.table in PLATFORM_TABLES)).map((t) => t.table));
  for (const t of tables) {
    if (t.tenantNullable === true && !(t.table in PLATFORM_TABLES))
      violations.push({ table: t.table, rule: "tenantId-not-null", detail: "tenantId is nullable" });
    if (!tenantOwned.has(t.table)) continue;
    if (t.tenantNullable === null)
      violations.push({ table: t.table, rule: "tenantId-present", detail: "tenant-owned table (not in PLATFORM_TABLES) without a tenantId column" });
    else if (t.tenantType !== "uuid") violations.push({ table: t.table, rule: "tenantId-uuid", detail: `tenantId is ${t.tenantType}` });
    if (t.tenantNullable !== null && !fks.some((f) => f.table === t.table && f.target === "Tenant")) {
      violations.push({ table: t.table, rule: "fk-to-tenant-via-tenantId", detail: "no foreign key tenantId -> Tenant(id)" });
    }
  }
  for (const ix of indexes) {
    if (!tenantOwned.has(ix.table) || ix.columns.includes("tenantId")) continue;
    const key = keyName(ix.table, ix.columns);
    if (ix.primary) violations.push({ table: ix.table, rule: "pk-includes-tenantId", detail: `${ix.name}: ${key}` });
    else if (ix.unique && !(key in UNIQUE_WITHOUT_TENANT)) violations.push({ table: ix.table, rule: "unique-includes-tenantId", detail: `${ix.name}: ${key}` });
    else if (!ix.unique && !(key in INDEX_WITHOUT_TENANT)) violations.push({ table: ix.table, rule: "index-includes-tenantId", detail: `${ix.name}: ${key}` });
  }
  for (const fk of fks) {
    if (!tenantOwned.has(fk.table)) continue;
    const v = checkForeignKey(fk, tenantOwned);
    if (v) violations.push(v);
  }
  return violations;
}

/** Tables the inspector treats as tenant-owned (for reports). */
export async function listTenantOwnedTables(client: pg.ClientBase, schema = "public"): Promise<string[]> {
  return (await listTables(client, schema)).map((t) => t.table).filter((t) => !(t in PLATFORM_TABLES));
}
