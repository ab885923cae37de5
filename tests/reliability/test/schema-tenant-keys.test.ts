import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { inspectTenantKeys, listTenantOwnedTables } from "../src/schema/inspect-tenant-keys";
import { recordFigures } from "../src/report/summary";

let testDb: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  testDb = await createTestDatabase("tenantkeys");
  client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await testDb?.drop();
});

/** Runs `ddl` in a transaction, inspects, and rolls back, so each case starts from the real schema. */
async function violationsAfter(ddl: string) {
  await client.query("BEGIN");
  try {
    await client.query(ddl);
    return await inspectTenantKeys(client);
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("database-level tenant isolation (pg_catalog of the migrated schema)", () => {
  it("every tenant-owned table has a non-null uuid tenantId, and its keys and foreign keys carry it", async () => {
    const owned = await listTenantOwnedTables(client);
    expect(owned).toEqual(expect.arrayContaining(["Contact", "Lead", "Activity", "IngestionJob", "IngestedEvent", "Visitor", "TenantAuditLog"]));
    const violations = await inspectTenantKeys(client);
    recordFigures({ check: "db tenant keys (tables checked)", probes: owned.length, failures: violations.length });
    expect(violations).toEqual([]);
  });

  it("flags a new table without tenantId", async () => {
    const v = await violationsAfter(`CREATE TABLE "Note" (id uuid PRIMARY KEY, body text)`);
    expect(v.map((x) => `${x.table}:${x.rule}`)).toEqual(expect.arrayContaining(["Note:tenantId-present", "Note:pk-includes-tenantId"]));
  });

  it("flags a nullable tenantId, a unique key without it and a single-column foreign key to a tenant-owned table", async () => {
    const v = await violationsAfter(`
      CREATE TABLE "Reminder" ("tenantId" uuid REFERENCES "Tenant"(id), id uuid, "contactId" uuid, code text,
        PRIMARY KEY ("tenantId", id));
      CREATE UNIQUE INDEX "Reminder_code_key" ON "Reminder"(code);
      CREATE UNIQUE INDEX "Contact_id_only" ON "Contact"(id);
      ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_contact_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"(id);`);
    const rules = v.map((x) => `${x.table}:${x.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining(["Reminder:unique-includes-tenantId", "Reminder:fk-composite-with-tenantId", "Contact:unique-includes-tenantId"]),
    );
    // A PRIMARY KEY forces NOT NULL, so the nullable case needs a table without one.
    const nullable = await violationsAfter(`CREATE TABLE "Tag" ("tenantId" uuid REFERENCES "Tenant"(id), name text); CREATE INDEX ON "Tag"("tenantId", name);`);
    expect(nullable.map((x) => `${x.table}:${x.rule}`)).toEqual(["Tag:tenantId-not-null"]);
  });

  it("flags an index that leaves tenantId out unless it is allow-listed with a reason", async () => {
    const v = await violationsAfter(`CREATE INDEX "Lead_status_only" ON "Lead"(status)`);
    expect(v).toEqual([{ table: "Lead", rule: "index-includes-tenantId", detail: "Lead_status_only: Lead(status)" }]);
  });

  it("flags a composite foreign key that pairs tenantId with the wrong column", async () => {
    const v = await violationsAfter(`
      CREATE TABLE "Pin" ("tenantId" uuid NOT NULL REFERENCES "Tenant"(id), id uuid NOT NULL, "contactId" uuid NOT NULL, PRIMARY KEY ("tenantId", id));
      ALTER TABLE "Pin" ADD CONSTRAINT "Pin_bad_fkey" FOREIGN KEY ("contactId", "tenantId") REFERENCES "Contact"("tenantId", id);`);
    expect(v.map((x) => x.rule)).toEqual(["fk-composite-with-tenantId"]);
  });
});
