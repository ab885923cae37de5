import { z } from "zod";

export const TENANT_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
export const ZTenantSlug = z.string().regex(TENANT_SLUG_PATTERN, "lower-case letters, digits and hyphens");
export const ZHexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #1f4e79");

export const DOMAIN_KINDS = ["WEB", "CRM"] as const;
export type DomainKindData = (typeof DOMAIN_KINDS)[number];

export const TENANT_STATUSES = ["ACTIVE", "SUSPENDED"] as const;
export type TenantStatusData = (typeof TENANT_STATUSES)[number];

/** What a request knows about its tenant after host resolution. */
export type ResolvedTenant = {
  tenantId: string;
  slug: string;
  name: string;
  status: TenantStatusData;
  primaryColor: string;
  accentColor: string;
  logoPath: string | null;
  tagline: string | null;
  /** ISO 3166-1 alpha-2: phone numbers without a country code are read in it. */
  country: string;
  /** IANA time zone: the tenant's days, date filters and displayed times. */
  timeZone: string;
  /** The host the request came in on, normalised. */
  hostname: string;
  kind: DomainKindData;
  /** The tenant's primary host for this kind (canonical URLs, sitemap): never the request's Host. */
  primaryHostname: string;
};

/**
 * Normalises a Host header: lower-case, port and trailing dot removed, IPv6 brackets kept.
 * Returns null for anything that is not a plausible host name.
 */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.includes(",")) return null; // several hosts: refuse rather than guess
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    if (end < 0) return null;
    return host.slice(0, end + 1);
  }
  const colon = host.indexOf(":");
  if (colon >= 0) {
    const port = host.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return null;
    host = host.slice(0, colon);
  }
  while (host.endsWith(".")) host = host.slice(0, -1);
  if (!host || host.length > 253) return null;
  if (!/^[a-z0-9.-]+$/.test(host)) return null;
  if (host.split(".").some((label) => label.length === 0 || label.length > 63 || label.startsWith("-") || label.endsWith("-"))) return null;
  return host;
}

/**
 * Why a normalised host cannot be a tenant's own (null when it can): an IP address (`10.0.0.1`,
 * `[::1]`, or any name whose last label is a number, which browsers read as an IPv4 address) or
 * a single-label name (`intranet`, `localhost`), which no public DNS answers. Names under
 * `.localhost` (the demo's and the tests') have two labels and pass.
 */
export function tenantHostProblem(host: string): string | null {
  const last = host.slice(host.lastIndexOf(".") + 1);
  if (host.startsWith("[") || /^(?:\d+|0x[0-9a-f]*)$/.test(last)) return "an IP address cannot be a tenant's host: give a host name such as www.example.com";
  if (!host.includes(".")) return `${host} is a single-label name: give a full host name such as www.example.com`;
  return null;
}

/** A tenant's host name: normalised (normalizeHost), neither an IP address nor a single label. */
export const ZHostname = z.string().transform((v, ctx) => {
  const h = normalizeHost(v);
  if (!h) {
    ctx.addIssue({ code: "custom", message: "not a valid host name" });
    return z.NEVER;
  }
  const problem = tenantHostProblem(h);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return h;
});
