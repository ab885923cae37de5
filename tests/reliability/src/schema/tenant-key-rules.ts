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
  _prisma_migrations: "migration bookkeeping",
};

/** Unique keys on tenant-owned tables that may leave tenantId out, as "Table(col, ...)". */
export const UNIQUE_WITHOUT_TENANT: Record<string, string> = {
  "TenantDomain(hostname)": "a host name identifies exactly one tenant, so the key implies the tenant",
};

/** Non-unique indexes on tenant-owned tables that may leave tenantId out. */
export const INDEX_WITHOUT_TENANT: Record<string, string> = {
  'IngestionJob(status, nextAttemptAt)': "workers claim due jobs across tenants (worker internals)",
  'IngestionJob(status, leaseExpiresAt)': "workers reclaim expired leases across tenants (worker internals)",
  'IngestionJob(deadLetteredAt)': "operators list dead letters across tenants in the studio",
  'TenantMembership(userId)': "a signed-in user's tenants are looked up by user (platform-wide identity)",
};
