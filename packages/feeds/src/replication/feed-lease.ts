// One sync of a feed at a time. A run holds a lease on the feed row, renewed with every
// committed page; a crashed run's lease runs out and the next run resumes from the cursor.
import type { Db } from "@real-estate/db";
import type { DbOrTx } from "./write-listing-page";

/** How long a lease lasts without renewal (default 2 minutes: longer than any page with retries). */
export const FEED_LEASE_MS = Number(process.env.FEED_LEASE_MS ?? 120_000);

export async function claimFeedLease(options: { tenantId: string; feedId: string; owner: string; db: Db }): Promise<boolean> {
  const claimed = await options.db.$executeRawUnsafe(
    `UPDATE "Feed" SET "leaseOwner" = $3, "leaseExpiresAt" = now() + ($4::int * interval '1 millisecond')
     WHERE "tenantId" = $1::uuid AND "id" = $2::uuid AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now() OR "leaseOwner" = $3)`,
    options.tenantId,
    options.feedId,
    options.owner,
    FEED_LEASE_MS,
  );
  return claimed === 1;
}

/** Renews the lease inside a page's transaction; false when another run has taken the feed. */
export async function renewFeedLease(options: { tenantId: string; feedId: string; owner: string; db: DbOrTx }): Promise<boolean> {
  const renewed = await options.db.$executeRawUnsafe(
    `UPDATE "Feed" SET "leaseExpiresAt" = now() + ($4::int * interval '1 millisecond')
     WHERE "tenantId" = $1::uuid AND "id" = $2::uuid AND "leaseOwner" = $3`,
    options.tenantId,
    options.feedId,
    options.owner,
    FEED_LEASE_MS,
  );
  return renewed === 1;
}

export async function releaseFeedLease(options: { tenantId: string; feedId: string; owner: string; db: Db }) {
  await options.db.feed.updateMany({
    where: { tenantId: options.tenantId, id: options.feedId, leaseOwner: options.owner },
    data: { leaseOwner: null, leaseExpiresAt: null },
  });
}
