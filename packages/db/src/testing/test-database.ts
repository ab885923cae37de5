// Real-PostgreSQL test databases: one migrated template per migrations version, and one clone
// of it per test file (CREATE DATABASE ... TEMPLATE), as graphile-worker's test suite does.
import crypto from "node:crypto";
import pg from "pg";
import { createPrismaClient, type Db } from "../client/create-client";
import { loadMigrationsList } from "../migrate/schema-engine";
import { applyPendingMigrations, migrationTargetForUrl } from "../migrate/operations";

export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The admin connection string for tests; refuses anything that is not on this machine. */
export function testAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL?.trim() || DEFAULT_TEST_DATABASE_URL;
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host) && !host.startsWith("127.")) {
    throw new Error(`TEST_DATABASE_URL must point at a loopback PostgreSQL (got host ${host}); tests create and drop databases`);
  }
  return url;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function migrationsHash(): string {
  const h = crypto.createHash("sha256");
  for (const d of loadMigrationsList().migrationDirectories) {
    h.update(d.path);
    h.update(d.migrationFile.content.value);
  }
  return h.digest("hex").slice(0, 12);
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Ensures the migrated template database for the current migrations exists and returns its
 * name. Safe when several test processes call it at once (advisory lock).
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = `re_test_tpl_${migrationsHash()}`;
  return withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock(727274)");
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount) return name;
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const target = migrationTargetForUrl(withDatabase(testAdminUrl(), building));
      try {
        await applyPendingMigrations(target);
      } finally {
        await target.close();
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await admin.query("SELECT pg_advisory_unlock(727274)");
    }
  });
}

export type TestDatabase = {
  name: string;
  url: string;
  db: Db;
  /** Disconnects and drops the database. */
  drop: () => Promise<void>;
};

/** A fresh, migrated, empty database for one test file. */
export async function createTestDatabase(label = "t"): Promise<TestDatabase> {
  const template = await ensureTemplateDatabase();
  const name = `re_test_${label
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()
    .slice(0, 20)}_${crypto.randomBytes(4).toString("hex")}`;
  await withAdmin(async (admin) => {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
  const url = withDatabase(testAdminUrl(), name);
  const db = createPrismaClient({ url, poolSize: 5 });
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await withAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

/** Drops test databases left behind by killed runs (older than an hour). */
export async function dropStaleTestDatabases(): Promise<number> {
  return withAdmin(async (admin) => {
    const rows = await admin
      .query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 're\\_test\\_%' AND datname NOT LIKE 're\\_test\\_tpl\\_%'
         AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 hour'`,
      )
      .catch(() => ({ rows: [] as { datname: string }[] }));
    for (const r of rows.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    return rows.rows.length;
  });
}
