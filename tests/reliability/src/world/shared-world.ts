// One database, one seeded world and one production server per app, started once by the global
// setup (src/world/start-shared-world.ts) and shared by the checks that only read the world or
// write to their own tenant (isolation matrix, host headers, hostile input): each of them would
// otherwise seed and start its own. Checks that change a tenant's own data in ways the others
// would see (erasure, <script> names, tight rate limits) or need a throw-away cluster keep their
// own.
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import type { AppName } from "../inventory/route-inventory";
import type { SeededTenant, World } from "./seed-world";

export type SharedWorld = {
  databaseUrl: string;
  apps: AppName[];
  origins: Partial<Record<AppName, string>>;
  /** Every website server of the shared world (the first one is `origins.web`), all on the same database. */
  webOrigins: string[];
  /** Tenants A and B of the isolation checks (B is the one whose data must never show or change). */
  world: World;
  /**
   * Tenants of the hostile input only: C for the website's write routes, D for the CRM's. Their
   * rows are counted on their own, so neither the other app's fuzzing nor the isolation matrix
   * (which writes to A, and may run at the same time) can hide or fake a stray row.
   */
  fuzzTenants: { web: SeededTenant; crm: SeededTenant };
};

declare module "vitest" {
  // Declaration merging with vitest's own interface needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    sharedWorld: SharedWorld;
  }
}

/** In a test file: the shared world, and a database client of the file's own (closed by `close`). */
export function useSharedWorld(): SharedWorld & { db: () => Db; close: () => Promise<void> } {
  const shared = inject("sharedWorld");
  let db: Db | undefined;
  return {
    ...shared,
    db: () => (db ??= createPrismaClient({ url: shared.databaseUrl, poolSize: 3 })),
    close: async () => {
      await db?.$disconnect();
      db = undefined;
    },
  };
}
