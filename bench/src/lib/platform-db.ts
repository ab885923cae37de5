import { createPrismaClient, type Db } from "@real-estate/db";
import { createTenantFixture, type TenantFixture } from "@real-estate/db/testing";
import type pg from "pg";
import { benchPool, createBenchDatabase, type BenchDatabase } from "./databases";

/** A migrated re_bench_ database with a Prisma client (the platform's own) and a raw pg pool. */
export type PlatformDb = BenchDatabase & { db: Db; pool: pg.Pool; close: () => Promise<void> };

export async function openPlatformDb(label: string, options: { poolSize?: number } = {}): Promise<PlatformDb> {
  const database = await createBenchDatabase(label, { migrated: true });
  const db = createPrismaClient({ url: database.url, poolSize: options.poolSize ?? 6, applicationName: "re-bench" });
  const pool = benchPool(database.url, 4);
  return {
    ...database,
    db,
    pool,
    close: async () => {
      await db.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await database.drop();
    },
  };
}

export async function createBenchTenants(db: Db, slugs: string[]): Promise<TenantFixture[]> {
  const out: TenantFixture[] = [];
  for (const slug of slugs) out.push(await createTenantFixture(db, { slug, webHosts: [`${slug}.localhost`], crmHosts: [`crm.${slug}.localhost`] }));
  return out;
}
