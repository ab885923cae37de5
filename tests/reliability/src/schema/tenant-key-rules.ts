// The allow-list of deliberate exceptions to "keys carry the tenant"
// (docs/decisions/0002-tenant-keys.md). Every entry carries its reason; anything not listed
// here that breaks the rules is a violation.

/** Tables that are not tenant-owned. A new table is tenant-owned unless it is listed here. */
export const PLATFORM_TABLES: Record<string, string> = {
  Tenant: "the tenant itself",
  OperatorAuditLog: "operator actions may concern no tenant or several (tenantId optional on purpose)",
  RedriveAudit: "a re-drive may span tenants",
  user: "users are platform-wide; tenant access comes from TenantMembership",
  session: "sessions belong to platform-wide users",
  account: "credentials belong to platform-wide users",
  verification: "better-auth verification tokens, platform-wide",
  sign_in_throttle:
    "sign-in failure counters keyed by platform account, client address, or a visitor account's tenant and email digest (inside the key); never listed per tenant",
  PlatformEmail: "the platform's outbox: e-mail to platform accounts that no tenant sends or owns (a studio operator's password reset, decision 0035)",
  clerk_webhook_event: "Clerk webhook deliveries applied once by their svix-id; each concerns a platform-wide user or an organization membership",
  rate_limit_count:
    "request counts of the apps' rate limits, one row per limiter and key (the tenant, where the limit has one, is inside the key); never listed per tenant, and expired rows are swept across tenants",
  _prisma_migrations: "migration bookkeeping",
};

/** Unique keys on tenant-owned tables that may leave tenantId out, as "Table(col, ...)". */
export const UNIQUE_WITHOUT_TENANT: Record<string, string> = {
  "TenantDomain(hostname)": "a host name identifies exactly one tenant, so the key implies the tenant",
};

/** Non-unique indexes on tenant-owned tables that may leave tenantId out. */
export const INDEX_WITHOUT_TENANT: Record<string, string> = {
  "IngestionJob(nextAttemptAt)": "workers claim due jobs across tenants (partial index of pending jobs; worker internals)",
  "IngestionJob(leaseExpiresAt)": "workers reclaim expired leases across tenants (partial index of running jobs; worker internals)",
  "IngestionJob(redriveId)": "a re-drive holds and releases its jobs by its id, and a re-drive may span tenants (partial index of held jobs)",
  "IngestionJob(deadLetteredAt)": "operators list dead letters across tenants in the studio",
  "Lead(contactDueAt)": "the worker re-routes leads nobody contacted in time across tenants (worker internals)",
  "EmailMessage(status, createdAt)": "operators see outbox health (oldest queued message) across tenants in the studio",
  "Feed(status, nextRunAt)": "the scheduler finds due feeds across tenants (worker internals)",
  "ListSnapshot(expiresAt)": "expired list snapshots are swept across tenants in one statement",
  "TenantMembership(userId)": "a signed-in user's tenants are looked up by user (platform-wide identity)",
};
