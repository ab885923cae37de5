import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_TABLES, REFERENCE_TABLES, planDistribution } from "../src/citus";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let testDb: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  testDb = await createTestDatabase("citus");
  client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await testDb?.drop();
});

/** Plans the schema with `ddl` applied in a transaction that is rolled back afterwards. */
async function problemsAfter(ddl: string) {
  await client.query("BEGIN");
  try {
    await client.query(ddl);
    return (await planDistribution(client)).problems;
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("Citus distribution plan (docs/scale-out-citus.md) against the migrated schema", () => {
  it("places every table and Citus would accept every key and foreign key", async () => {
    const plan = await planDistribution(client);
    expect(plan.problems).toEqual([]);
    const placement = Object.fromEntries(plan.tables.map((t) => [t.table, t.placement]));
    expect(placement).toMatchObject({
      Tenant: "reference",
      TenantDomain: "reference",
      IngestionJob: "local",
      Lead: "distributed",
      Contact: "distributed",
      IngestedEvent: "distributed",
    });
  });

  it("distributes parents before children, all co-located, after the reference tables", async () => {
    const plan = await planDistribution(client);
    const order = plan.statements.map((s) => /'"([^"]+)"'/.exec(s)?.[1]);
    const at = (t: string) => order.indexOf(t);
    expect(at("Tenant")).toBeLessThan(at("Contact"));
    expect(at("Contact")).toBeLessThan(at("Lead"));
    expect(at("TenantMembership")).toBeLessThan(at("Lead"));
    expect(at("Lead")).toBeLessThan(at("Activity"));
    expect(at("Visitor")).toBeLessThan(at("SavedSearch"));
    const distributed = plan.statements.filter((s) => s.includes("create_distributed_table"));
    expect(distributed.length).toBe(plan.tables.filter((t) => t.placement === "distributed").length);
    expect(distributed.slice(1).every((s) => s.includes("colocate_with"))).toBe(true);
    expect(new Set(order).size).toBe(order.length);
  });

  it("refuses what Citus refuses: an unplaced table, a unique key without tenantId, ON UPDATE CASCADE on tenantId, a distributed table pointing at a local one", async () => {
    expect(await problemsAfter(`CREATE TABLE "Setting" (key text PRIMARY KEY)`)).toEqual([
      { table: "Setting", problem: expect.stringContaining("not listed") },
    ]);
    expect(await problemsAfter(`CREATE UNIQUE INDEX "Lead_only_id" ON "Lead"(id)`)).toEqual([
      { table: "Lead", problem: expect.stringContaining("Lead_only_id") },
    ]);
    const cascade = await problemsAfter(`
      CREATE TABLE "Pin" ("tenantId" uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY ("tenantId", id));
      ALTER TABLE "Pin" ADD CONSTRAINT "Pin_tenant_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"(id) ON UPDATE CASCADE`);
    expect(cascade).toEqual([{ table: "Pin", problem: expect.stringContaining("ON UPDATE CASCADE") }]);
    const toLocal = await problemsAfter(`
      CREATE TABLE "Pin" ("tenantId" uuid NOT NULL, id uuid NOT NULL, "redriveId" uuid, PRIMARY KEY ("tenantId", id));
      ALTER TABLE "Pin" ADD CONSTRAINT "Pin_redrive_fkey" FOREIGN KEY ("redriveId") REFERENCES "RedriveAudit"(id)`);
    expect(toLocal).toEqual([{ table: "Pin", problem: expect.stringContaining("a distributed table cannot reference a local table") }]);
  });

  it("the document names every reference and local table of the plan", () => {
    const doc = fs.readFileSync(path.join(import.meta.dirname, "../../../docs/scale-out-citus.md"), "utf8");
    for (const t of [...Object.keys(REFERENCE_TABLES), ...Object.keys(LOCAL_TABLES)]) expect(doc, t).toContain(`\`${t}\``);
  });
});
