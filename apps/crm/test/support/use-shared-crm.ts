// What a test file on the suite's shared CRM server (shared-crm-server.ts) gets: the server's
// port, and a client of its database, which is also the process-wide one (getDb) while the file
// runs. The file's own tenants are its isolation: it creates them in beforeAll.
import { afterAll, inject } from "vitest";
import { createPrismaClient, setDb, type Db } from "@real-estate/db";

export function useSharedCrm(): { port: number; databaseUrl: string; db: Db } {
  const shared = inject("sharedCrm");
  const db = createPrismaClient({ url: shared.databaseUrl, poolSize: 5 });
  setDb(db);
  afterAll(() => db.$disconnect());
  return { ...shared, db };
}
