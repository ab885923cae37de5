import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { pgConfigFromUrl } from "../connection/pg-config";
import { loadMigrationsList, noFilters, withSchemaEngine } from "./schema-engine";

/** A migration-aware adapter factory and how to release what it opened. */
export type MigrationTarget = { factory: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> };

export function migrationTargetForUrl(url: string): MigrationTarget {
  // engine.free() does not close the adapter's pool, so the pool is ours to create and end.
  const pool = new pg.Pool({ ...pgConfigFromUrl(url), max: 2, connectionTimeoutMillis: 10_000 });
  const factory = new PrismaPg(pool);
  return { factory, close: () => pool.end() };
}

export type MigrationStatus = {
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** Migrations in the database that the folder does not have (database is newer than the code). */
  unknown: string[];
};

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function applyPendingMigrations(target: MigrationTarget): Promise<string[]> {
  const migrationsList = loadMigrationsList();
  return withSchemaEngine(target.factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters } as never);
    return (out as { appliedMigrationNames: string[] }).appliedMigrationNames;
  });
}

export async function migrationStatus(target: MigrationTarget): Promise<MigrationStatus> {
  const migrationsList = loadMigrationsList();
  const all = migrationsList.migrationDirectories.map((d) => d.path);
  return withSchemaEngine(target.factory, async (engine) => {
    const out = (await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilters,
    } as never)) as {
      editedMigrationNames: string[];
      failedMigrationNames: string[];
      hasMigrationsTable: boolean;
      history:
        | null
        | { diagnostic: "databaseIsBehind"; unappliedMigrationNames: string[] }
        | { diagnostic: "migrationsDirectoryIsBehind"; unpersistedMigrationNames: string[] }
        | { diagnostic: "historiesDiverge"; unpersistedMigrationNames: string[]; unappliedMigrationNames: string[] };
    };
    const h = out.history;
    const pending = !out.hasMigrationsTable ? all : h && "unappliedMigrationNames" in h ? h.unappliedMigrationNames : [];
    const unknown = h && "unpersistedMigrationNames" in h ? h.unpersistedMigrationNames : [];
    return {
      applied: all.filter((n) => !pending.includes(n)),
      pending,
      failed: out.failedMigrationNames,
      edited: out.editedMigrationNames,
      unknown,
    };
  });
}
