import { normalizeHost, type DomainKindData, type ResolvedTenant } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { TENANT_CACHE_TTL_MS, tenantHostCache, tenantHostGeneration, tenantHostReads } from "./tenant-cache";

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
 * A remembered lookup this old (four fifths of the bound) still answers the request, and the host
 * is read again beside it: a host in steady use is looked up off its requests' path, about as
 * often as before, and no answer rests on a lookup older than the bound (decision 0070, as 0067
 * did for API keys).
 */
const REFRESH_AFTER_SHARE = 0.8;

/**
 * Resolves a request's Host header to its tenant, for the given kind of site (web or CRM).
 * Unknown hosts, malformed hosts and hosts of the other kind resolve to null. A lookup is
 * remembered for at most `maxAgeMs` (default TENANT_CACHE_TTL_MS, 5 s) from when its read began,
 * and read again beside the requests past four fifths of that; `invalidateTenantCache` drops
 * entries at once. A host unused for longer than the bound is read on its next request's path.
 */
export async function resolveTenantByHost(options: {
  host: string | null | undefined;
  kind: DomainKindData;
  db?: Db;
  maxAgeMs?: number;
}): Promise<ResolvedTenant | null> {
  const hostname = normalizeHost(options.host);
  if (!hostname) return null;
  const key = `${options.kind}:${hostname}`;
  const maxAgeMs = options.maxAgeMs ?? TENANT_CACHE_TTL_MS;
  const db = options.db ?? getDb();
  const cached = tenantHostCache.get(key);
  if (cached) {
    const age = Date.now() - cached.readAt;
    if (age < maxAgeMs) {
      if (age >= maxAgeMs * REFRESH_AFTER_SHARE && !tenantHostReads.has(key)) {
        // A failed read is not the request's: the remembered lookup expires as usual, and the
        // first request after that reads the host itself (and sees the error).
        readShared(db, key, hostname, options.kind).catch(() => {});
      }
      return cached.tenant;
    }
    tenantHostCache.delete(key);
  }
  return tenantHostReads.get(key) ?? readShared(db, key, hostname, options.kind);
}

/** One read per host at a time: the requests that arrive while it is read share it. */
function readShared(db: Db, key: string, hostname: string, kind: DomainKindData): Promise<ResolvedTenant | null> {
  const read = readAndRemember(db, key, hostname, kind).finally(() => {
    if (tenantHostReads.get(key) === read) tenantHostReads.delete(key);
  });
  tenantHostReads.set(key, read);
  return read;
}

async function readAndRemember(db: Db, key: string, hostname: string, kind: DomainKindData): Promise<ResolvedTenant | null> {
  const generation = tenantHostGeneration.n;
  // The lookup dates from when its read began: what was committed after that, it may miss.
  const readAt = Date.now();
  // Host lookups come before any tenant is known: this is the one query keyed by host name.
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id AS "tenantId", t.slug, t.name, t.status, t."primaryColor", t."accentColor", t."logoPath", t.tagline,
           t.country, t."timeZone", d.hostname, d.kind,
           (SELECT p.hostname FROM "TenantDomain" p
             WHERE p."tenantId" = d."tenantId" AND p.kind = d.kind
             ORDER BY p."isPrimary" DESC, p."createdAt" ASC LIMIT 1) AS "primaryHostname"
      FROM "TenantDomain" d JOIN "Tenant" t ON t.id = d."tenantId"
     WHERE d.hostname = ${hostname} AND d.kind = ${kind}::"DomainKind"`;
  const row = rows[0];
  const resolved: ResolvedTenant | null = row ? { ...row, primaryHostname: row.primaryHostname ?? row.hostname } : null;
  // An invalidation since the read began: what it found may be what was invalidated.
  if (tenantHostGeneration.n === generation) tenantHostCache.set(key, { tenant: resolved, readAt });
  return resolved;
}
