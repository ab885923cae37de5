// Reads the catalog of a migrated database and checks it against the distribution plan: every
// table placed exactly once, and every key and foreign key one that Citus accepts for that
// placement. It also writes the statements that distribute the schema.
import type pg from "pg";
import { LOCAL_TABLES, REFERENCE_TABLES, type TablePlacement } from "./distribution-plan";

export type Placement = TablePlacement | "distributed";
export type PlacedTable = { table: string; placement: Placement };
export type DistributionProblem = { table: string; problem: string };
export type DistributionPlan = { tables: PlacedTable[]; problems: DistributionProblem[]; statements: string[] };

type Catalog = {
  tables: { table: string; hasTenantId: boolean }[];
  uniques: { table: string; name: string; columns: string[] }[];
  fks: { table: string; name: string; columns: string[]; target: string; targetColumns: string[]; onUpdate: string; onDelete: string }[];
};

async function readCatalog(client: pg.ClientBase, schema: string): Promise<Catalog> {
  const tables = await client.query<{ table: string; hasTenantId: boolean }>(
    `SELECT c.relname AS "table",
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped) AS "hasTenantId"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
    [schema],
  );
  const uniques = await client.query<{ table: string; name: string; columns: string[] }>(
    `SELECT t.relname AS "table", i.relname AS name,
            ARRAY(SELECT COALESCE(a.attname::text, '(expression)') FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND x.indisunique ORDER BY 1, 2`,
    [schema],
  );
  const fks = await client.query<Catalog["fks"][number]>(
    `SELECT t.relname AS "table", c.conname AS name, f.relname AS target,
            c.confupdtype::text AS "onUpdate", c.confdeltype::text AS "onDelete",
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "targetColumns"
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = $1 ORDER BY 1, 2`,
    [schema],
  );
  return { tables: tables.rows, uniques: uniques.rows, fks: fks.rows };
}

function placeTable(table: string, hasTenantId: boolean): Placement | null {
  if (table in REFERENCE_TABLES) return "reference";
  if (table in LOCAL_TABLES) return "local";
  return hasTenantId ? "distributed" : null;
}

/**
 * Foreign keys Citus accepts, by the placement of both ends: distributed to distributed only
 * when co-located through the distribution column; anything to a reference table; local to
 * local. A reference or local table may not point at a distributed one, and a distributed
 * table may not point at a local one.
 */
function foreignKeyProblem(fk: Catalog["fks"][number], from: Placement, to: Placement): string | null {
  const arrow = `${fk.name}: ${fk.table}(${fk.columns.join(", ")}) -> ${fk.target}(${fk.targetColumns.join(", ")})`;
  // Citus refuses CASCADE / SET NULL / SET DEFAULT on update, and SET NULL / SET DEFAULT on
  // delete, when the referencing columns include the distribution column. Keys never change
  // here (uuids), so ON UPDATE NO ACTION costs nothing: Prisma `onUpdate: NoAction`.
  if (from === "distributed" && fk.columns.includes("tenantId")) {
    if (["c", "n", "d"].includes(fk.onUpdate))
      return `${arrow} has ON UPDATE ${ACTION[fk.onUpdate]}, which Citus refuses on a key that includes tenantId: set onUpdate: NoAction on the relation`;
    if (["n", "d"].includes(fk.onDelete))
      return `${arrow} has ON DELETE ${ACTION[fk.onDelete]}, which Citus refuses on a key that includes tenantId: use NoAction or Restrict and clear the column in the operation`;
  }
  if (to === "reference") return null;
  if (from === "distributed" && to === "distributed") {
    const paired = fk.columns.some((c, i) => c === "tenantId" && fk.targetColumns[i] === "tenantId");
    return paired ? null : `${arrow} does not pair tenantId with tenantId, so the two rows may live on different shards`;
  }
  if (from === "local" && to === "local") return null;
  return `${arrow}: a ${from} table cannot reference a ${to} table`;
}

const ACTION: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The plan for the schema as migrated, its problems (empty when Citus would accept it) and its statements. */
export async function planDistribution(client: pg.ClientBase, schema = "public"): Promise<DistributionPlan> {
  const catalog = await readCatalog(client, schema);
  const problems: DistributionProblem[] = [];
  const placement = new Map<string, Placement>();
  for (const t of catalog.tables) {
    const p = placeTable(t.table, t.hasTenantId);
    if (p) placement.set(t.table, p);
    else problems.push({ table: t.table, problem: "no tenantId and not listed as a reference or local table: place it in distribution-plan.ts" });
  }
  const present = new Set(catalog.tables.map((t) => t.table));
  for (const listed of [...Object.keys(REFERENCE_TABLES), ...Object.keys(LOCAL_TABLES)]) {
    if (!present.has(listed)) problems.push({ table: listed, problem: "listed in the plan but not in the schema" });
  }
  for (const u of catalog.uniques) {
    if (placement.get(u.table) === "distributed" && !u.columns.includes("tenantId")) {
      problems.push({ table: u.table, problem: `unique key ${u.name} (${u.columns.join(", ")}) leaves out the distribution column tenantId` });
    }
  }
  for (const fk of catalog.fks) {
    const from = placement.get(fk.table);
    const to = placement.get(fk.target);
    if (!from || !to) continue; // reported above as an unplaced table
    const problem = foreignKeyProblem(fk, from, to);
    if (problem) problems.push({ table: fk.table, problem });
  }
  const tables = [...placement].map(([table, p]) => ({ table, placement: p }));
  return { tables, problems, statements: distributionStatements(tables, catalog.fks) };
}

/**
 * Reference tables first (foreign keys point at them), then the distributed ones, parents before
 * children and all co-located with the first, then the local ones.
 */
export function distributionStatements(tables: PlacedTable[], fks: { table: string; target: string }[] = []): string[] {
  const of = (p: Placement) =>
    tables
      .filter((t) => t.placement === p && t.table !== "_prisma_migrations")
      .map((t) => t.table)
      .sort();
  const distributed = parentsFirst(of("distributed"), fks);
  const anchor = distributed[0];
  return [
    ...of("reference").map((t) => `SELECT create_reference_table('${quoteIdent(t)}');`),
    ...distributed.map((t) =>
      t === anchor
        ? `SELECT create_distributed_table('${quoteIdent(t)}', 'tenantId');`
        : `SELECT create_distributed_table('${quoteIdent(t)}', 'tenantId', colocate_with => '${quoteIdent(anchor!)}');`,
    ),
    ...of("local").map((t) => `SELECT citus_add_local_table_to_metadata('${quoteIdent(t)}');`),
  ];
}

/** Orders tables so that every table comes after the tables its foreign keys point at (self-references ignored). */
function parentsFirst(tables: string[], fks: { table: string; target: string }[]): string[] {
  const set = new Set(tables);
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const fk of fks) if (fk.table === t && fk.target !== t && set.has(fk.target)) visit(fk.target, path);
    path.delete(t);
    done.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}
