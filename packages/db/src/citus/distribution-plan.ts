// How the schema spreads over a Citus cluster, by tenant (docs/scale-out-citus.md).
// Every table with a tenantId column is distributed by it and co-located with every other
// distributed table, unless it is listed below with its reason. A table without tenantId must
// be listed: the check in plan-distribution.ts refuses a table it cannot place.

export type TablePlacement = "reference" | "local";

/** Tables copied to every node: small, read on every request, joined with distributed tables. */
export const REFERENCE_TABLES: Record<string, string> = {
  Tenant: "every distributed table's foreign key to its tenant needs the target on every node",
  TenantDomain: "looked up by host name on every request, before any tenant is known; host names are unique across tenants",
  user: "staff identities are platform-wide; memberships (distributed) point at them",
};

/** Tables kept on the coordinator only (Citus local tables), next to the reference tables. */
export const LOCAL_TABLES: Record<string, string> = {
  session: "staff sessions: platform-wide, written on every sign-in, read by id",
  account: "staff credentials: platform-wide",
  verification: "auth library tokens: platform-wide",
  clerk_webhook_event: "ids of applied Clerk webhook deliveries (staff identities are platform-wide); platform-wide",
  sign_in_throttle: "sign-in failure counters keyed by account or client address, shared by every app instance; platform-wide",
  rate_limit_count: "rate-limit counts keyed by limiter and key (a tenant only inside the key), shared by every app instance; platform-wide",
  OperatorAuditLog: "operator actions may concern no tenant or several",
  PlatformEmail: "e-mail to platform accounts (an operator's password reset): no tenant sends or owns it; platform-wide",
  RedriveAudit: "a re-drive may span tenants",
  IngestionJob:
    "workers claim due jobs of all tenants with FOR UPDATE SKIP LOCKED, which Citus runs on single-shard queries only; " +
    "one queue table on the coordinator keeps claims to one node, and the effects of a job land on the tenant's shards",
  _prisma_migrations: "migration bookkeeping",
};

/** Queries that read or write several shards on purpose, and why that is acceptable. */
export const MULTI_SHARD_QUERIES: { where: string; query: string; why: string }[] = [
  {
    where: "studio: ingestion health",
    query: "counts of applied events per minute across tenants (IngestedEvent)",
    why: "operator view, seconds-cached, not on a visitor's path",
  },
  { where: "studio: tenant list", query: "tenants with their member and lead counts", why: "operator view; Tenant itself is a reference table" },
  {
    where: "ListSnapshot expiry sweep",
    query: 'DELETE FROM "ListSnapshot" WHERE "expiresAt" < now()',
    why: "a background sweep; Citus runs it on every shard in parallel",
  },
  {
    where: "lead re-routing sweep",
    query: "tenants with leads past their contact deadline (Lead.contactDueAt), then one locked statement per tenant",
    why: "a background sweep every 30 s; the SKIP LOCKED part stays on one tenant's shard",
  },
  {
    where: "feed scheduler: due feeds",
    query: "Feed rows with nextRunAt <= now() across tenants (index on status, nextRunAt)",
    why: "a worker poll every 15 s over a small table; each run then works inside one tenant",
  },
  {
    where: "personal-data search (erasure proof)",
    query: "text search over every table's text columns",
    why: "a rare operator check that must see everything",
  },
  {
    where: "sign-in: a user's tenants",
    query: "TenantMembership by userId",
    why: "one indexed lookup per shard at sign-in; could become a reference table of (userId, tenantId) if it shows",
  },
];
