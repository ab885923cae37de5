import { normalizeHost, type DomainKindData, type ResolvedTenant } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { tenantHostCache } from "./tenant-cache";

type Row = {
  tenantId: string;
  slug: string;
  name: string;
  status: "ACTIVE" | "SUSPENDED";
  primaryColor: string;
  accentColor: string;
  logoPath: string | null;
  tagline: string | null;
  country: string;
  timeZone: string;
  hostname: string;
  kind: DomainKindData;
  primaryHostname: string | null;
};

/**
 * Resolves a request's Host header to its tenant, for the given kind of site (web or CRM).
 * Unknown hosts, malformed hosts and hosts of the other kind resolve to null. Cached briefly
 * (see tenant-cache.ts); `invalidateTenantCache` drops entries at once.
 */
export async function resolveTenantByHost(options: { host: string | null | undefined; kind: DomainKindData; db?: Db }): Promise<ResolvedTenant | null> {
  const hostname = normalizeHost(options.host);
  if (!hostname) return null;
  const key = `${options.kind}:${hostname}`;
  const cached = tenantHostCache.get(key);
  if (cached) return cached.tenant;
  const db = options.db ?? getDb();
  // Host lookups come before any tenant is known: this is the one query keyed by host name.
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id AS "tenantId", t.slug, t.name, t.status, t."primaryColor", t."accentColor", t."logoPath", t.tagline,
           t.country, t."timeZone", d.hostname, d.kind,
           (SELECT p.hostname FROM "TenantDomain" p
             WHERE p."tenantId" = d."tenantId" AND p.kind = d.kind
             ORDER BY p."isPrimary" DESC, p."createdAt" ASC LIMIT 1) AS "primaryHostname"
      FROM "TenantDomain" d JOIN "Tenant" t ON t.id = d."tenantId"
     WHERE d.hostname = ${hostname} AND d.kind = ${options.kind}::"DomainKind"`;
  const row = rows[0];
  const resolved: ResolvedTenant | null = row ? { ...row, primaryHostname: row.primaryHostname ?? row.hostname } : null;
  tenantHostCache.set(key, { tenant: resolved });
  return resolved;
}
