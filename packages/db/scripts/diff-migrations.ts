// The drift check and `db:migrate:new`: diff the migrations folder against the Prisma schema.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { loadMigrationsList, noFilters, schemaPath, withSchemaEngine } from "../src/migrate";

/**
 * SQL that takes a database built from the migrations folder to the current schema.
 * Empty when the schema and the migrations agree: that is the drift check.
 * Uses an in-memory PGlite as the shadow database (a development tool only, not part of the runtime:
 * Prisma's pg adapter cannot serve as the shadow, it fails to read the `char` column type).
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const shadow = new PGlite();
  await shadow.waitReady;
  try {
    const migrationsList = loadMigrationsList();
    const schemaText = fs.readFileSync(schemaPath, "utf8");
    return await withSchemaEngine(new PrismaPGlite(shadow) as unknown as SqlMigrationAwareDriverAdapterFactory, async (engine) => {
      const from = migrationsList.migrationDirectories.length ? { tag: "migrations", ...migrationsList } : { tag: "empty" };
      let stdout = "";
      const result = (await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      } as never)) as { stdout?: string; exitCode?: number };
      stdout = result.stdout ?? "";
      return stdout.trim() === "-- This is an empty migration." ? "" : stdout.trim();
    });
  } finally {
    await shadow.close();
  }
}
