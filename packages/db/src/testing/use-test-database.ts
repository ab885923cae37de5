import { afterAll, beforeAll } from "vitest";
import { setDb } from "../client/shared-client";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * Gives the calling test file its own migrated database. The process-wide client (getDb) and
 * DATABASE_URL point at it for the file's duration. Use the returned getter inside tests.
 */
export function useTestDatabase(label = "t"): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(label);
    process.env.DATABASE_URL = current.url;
    setDb(current.db);
  }, 120_000);
  afterAll(async () => {
    await current?.drop();
  });
  return () => {
    if (!current) throw new Error("useTestDatabase: the database is created in beforeAll");
    return current;
  };
}
