// A migrated test database on a throw-away cluster, with two tenants.
import { createTenantFixture, createTestDatabase, type TenantFixture, type TestDatabase } from "@real-estate/db/testing";
import { startThrowawayCluster, type ThrowawayCluster } from "../cluster/throwaway-cluster";

export type ClusterWorld = { cluster: ThrowawayCluster; testDb: TestDatabase; a: TenantFixture; b: TenantFixture; destroy: () => Promise<void> };

export async function startClusterWorld(label: string): Promise<ClusterWorld> {
  const cluster = await startThrowawayCluster();
  // createTestDatabase builds its template and clone on the cluster TEST_DATABASE_URL names.
  const previous = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = cluster.url;
  let testDb: TestDatabase;
  try {
    testDb = await createTestDatabase(label);
  } finally {
    if (previous === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = previous;
  }
  const a = await createTenantFixture(testDb.db, { slug: "alpha", webHosts: ["alpha.test"], crmHosts: ["crm.alpha.test"] });
  const b = await createTenantFixture(testDb.db, { slug: "beta", webHosts: ["beta.test"], crmHosts: ["crm.beta.test"] });
  return {
    cluster,
    testDb,
    a,
    b,
    destroy: async () => {
      await testDb.db.$disconnect().catch(() => {});
      await cluster.destroy();
    },
  };
}
