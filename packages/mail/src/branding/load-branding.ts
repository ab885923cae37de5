import type { Db, DbTx } from "@real-estate/db";
import { LRUCache } from "lru-cache";
import { normalizeHost } from "@real-estate/types";
import { mailSettings, publicUrl } from "../delivery/mail-settings";

/** What a tenant's e-mails look like and who they come from. */
export type Branding = {
  tenantId: string;
  slug: string;
  name: string;
  primaryColor: string;
  accentColor: string;
  /** Absolute URL of the logo, or null. */
  logoUrl: string | null;
  /** The office address printed in every footer (required in marketing mail). */
  address: string | null;
  /** Sender: the tenant's name at the platform's mail domain. */
  fromName: string;
  fromAddress: string;
  /** Replies go to the tenant's contact address. */
  replyTo: string | null;
  /**
   * Base URLs of the tenant's website and CRM: a host from the tenant's configuration (TenantDomain)
   * with the platform's scheme and port (PUBLIC_URL_SCHEME, PUBLIC_WEB_PORT, PUBLIC_CRM_PORT),
   * never a request's origin.
   */
  webUrl: string;
  crmUrl: string;
};

export class UnknownTenantError extends Error {
  constructor(tenantId: string) {
    super(`tenant ${tenantId} does not exist`);
    this.name = "UnknownTenantError";
  }
}

type Row = {
  id: string;
  slug: string;
  name: string;
  primaryColor: string;
  accentColor: string;
  logoPath: string | null;
  officeAddress: string | null;
  contactEmail: string | null;
  webHost: string | null;
  crmHost: string | null;
};

/**
 * The tenant's branding in one query (tenant, website config, primary web and CRM hosts).
 * `crmHost`: the host a request came in on (a port in it is ignored): when it is one of the
 * tenant's CRM domains, `crmUrl` is on it rather than on the primary one; any other host is not
 * used.
 */
export async function loadBranding(db: Db | DbTx, tenantId: string, options: { crmHost?: string | null } = {}): Promise<Branding> {
  // As the request's host was matched to its tenant (normalizeHost: lower-case, no port, no trailing dot).
  const asked = normalizeHost(options.crmHost);
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id::text AS id, t.slug, t.name, t."primaryColor", t."accentColor", t."logoPath",
           w."officeAddress", w."contactEmail",
           (SELECT hostname FROM "TenantDomain" d WHERE d."tenantId" = t.id AND d.kind = 'WEB' ORDER BY d."isPrimary" DESC, d."createdAt" LIMIT 1) AS "webHost",
           (SELECT hostname FROM "TenantDomain" d WHERE d."tenantId" = t.id AND d.kind = 'CRM' ORDER BY (d.hostname = ${asked}::text) IS TRUE DESC, d."isPrimary" DESC, d."createdAt" LIMIT 1) AS "crmHost"
      FROM "Tenant" t LEFT JOIN "WebsiteConfig" w ON w."tenantId" = t.id
     WHERE t.id = ${tenantId}::uuid`;
  const r = rows[0];
  if (!r) throw new UnknownTenantError(tenantId);
  const settings = mailSettings();
  const webUrl = publicUrl(r.webHost ?? `${r.slug}.localhost`, settings.webPort);
  return {
    tenantId: r.id,
    slug: r.slug,
    name: r.name,
    primaryColor: r.primaryColor,
    accentColor: r.accentColor,
    logoUrl: r.logoPath ? `${webUrl}/brand-logo?v=${encodeURIComponent(r.logoPath)}` : null,
    address: r.officeAddress,
    fromName: r.name,
    fromAddress: `${r.slug}@${settings.fromDomain}`,
    replyTo: r.contactEmail,
    webUrl,
    crmUrl: publicUrl(r.crmHost ?? `crm.${r.slug}.localhost`, settings.crmPort),
  };
}

/**
 * Tenant → branding for loadBrandingCached: the tenant cache's size and TTL (TENANT_CACHE_TTL_MS,
 * default 5 s), so a change made in the studio shows in the next e-mails within seconds, as it
 * shows on the tenant's pages.
 */
const brandingCache = new LRUCache<string, Branding, Db | DbTx>({
  max: 10_000,
  ttl: Number(process.env.TENANT_CACHE_TTL_MS ?? 5_000),
  fetchMethod: (tenantId, _stale, { context }) => loadBranding(context, tenantId),
});

/**
 * loadBranding through a short in-process cache by tenant, for the hot path of the new-lead alert,
 * written for every inquiry: within the TTL the tenant's branding is not read again, and
 * concurrent callers share one read. An unknown tenant is not cached (the read's error reaches
 * every caller).
 */
export async function loadBrandingCached(db: Db | DbTx, tenantId: string): Promise<Branding> {
  return (await brandingCache.fetch(tenantId, { context: db }))!;
}

/** Drops cached branding: of one tenant, or of all of them. */
export function invalidateBrandingCache(options: { tenantId?: string } = {}): void {
  if (options.tenantId) brandingCache.delete(options.tenantId);
  else brandingCache.clear();
}
