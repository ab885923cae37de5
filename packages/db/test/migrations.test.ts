import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyPendingMigrations, loadMigrationsList, migrationStatus, migrationTargetForUrl } from "../src/migrate";
import { diffMigrationsToSchema } from "../scripts/diff-migrations";
import { EXPECTED_MIGRATIONS } from "../src/migrate/expected-migrations";
import { testAdminUrl, withDatabase } from "../src/testing";
import { checkDatabaseReady } from "../src/readiness";
import { createPrismaClient } from "../src/client";

describe("migrations", () => {
  it("the Prisma schema and the migrations folder agree (drift check)", async () => {
    const sql = await diffMigrationsToSchema();
    expect(sql, `schema drift; run npm run db:migrate:new -- NAME\n${sql}`).toBe("");
    // The WebAssembly engine replays every migration into an in-memory PGlite: ~8 s on a quiet
    // machine, much longer while the other suites load both cores.
  }, 300_000);

  it("the readiness check knows every migration in the folder", () => {
    expect([...EXPECTED_MIGRATIONS]).toEqual(loadMigrationsList().migrationDirectories.map((d) => d.path));
  });

  it("deploy on an empty database applies all; a second run applies nothing; status agrees", async () => {
    const name = `re_test_migrate_${process.pid}`;
    const admin = new pg.Client({ connectionString: testAdminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabase(testAdminUrl(), name);
    try {
      const target = migrationTargetForUrl(url);
      const before = await migrationStatus(target);
      expect(before.pending).toEqual([...EXPECTED_MIGRATIONS]);

      const db = createPrismaClient({ url });
      expect(await checkDatabaseReady(db)).toEqual({ ok: false, reason: expect.stringContaining("not migrated") });

      const direct = new pg.Client({ connectionString: url });
      await direct.connect();
      const schemaSnapshot = () =>
        direct
          .query(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`)
          .then((r) => r.rows);
      expect(await applyPendingMigrations(target)).toEqual([...EXPECTED_MIGRATIONS]);
      const afterFirst = await schemaSnapshot();
      expect(afterFirst.length).toBeGreaterThan(100);

      expect(await applyPendingMigrations(target)).toEqual([]);
      expect(await schemaSnapshot()).toEqual(afterFirst);
      const after = await migrationStatus(target);
      expect(after).toMatchObject({ pending: [], failed: [], unknown: [], applied: [...EXPECTED_MIGRATIONS] });
      const rows = await direct.query("SELECT count(*)::int AS n FROM _prisma_migrations");
      expect(rows.rows[0].n).toBe(EXPECTED_MIGRATIONS.length);
      await direct.end();
      expect(await checkDatabaseReady(db)).toEqual({ ok: true });
      await db.$disconnect();
      await target.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it("readiness reports an unreachable database in one line", async () => {
    const db = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/none" });
    const r = await checkDatabaseReady(db);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/unreachable|refused/i);
      expect(r.reason).not.toContain("\n");
      // Waiting may cure a refused connection (a restarting server), not a missing migration.
      expect(r.transient).toBe(true);
    }
    await db.$disconnect();
  });
});
