// A demo tenant, its host names, website config and page modules, keyed on natural keys
// (slug, hostname, module key) so a second run updates the same rows.
import { WEBSITE_MODULE_KEYS } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import type { SeedModule, SeedTenant } from "../data";
import { deterministicUuid } from "./deterministic-uuid";

export type SeededTenant = { tenantId: string; slug: string; hostCount: number; moduleCount: number };

function assertAllModules(tenant: SeedTenant, modules: readonly SeedModule[]): void {
  const keys = new Set(modules.map(([key]) => key));
  const missing = WEBSITE_MODULE_KEYS.filter((k) => !keys.has(k));
  if (missing.length || keys.size !== modules.length) {
    throw new Error(`demo tenant ${tenant.slug}: module list must name every module once (missing: ${missing.join(", ") || "none"})`);
  }
}

async function upsertDomains(db: Db, tenantId: string, tenant: SeedTenant): Promise<number> {
  const rows = [
    ...tenant.webHosts.map((hostname, i) => ({ hostname, kind: "WEB", isPrimary: i === 0 })),
    ...tenant.crmHosts.map((hostname, i) => ({ hostname, kind: "CRM", isPrimary: i === 0 })),
  ].map((r) => ({ ...r, id: deterministicUuid("domain", r.hostname) }));
  // A host name identifies one tenant: a demo host held by another tenant moves to the demo tenant.
  await db.$executeRaw`
    INSERT INTO "TenantDomain" ("tenantId", "id", "hostname", "kind", "isPrimary")
    SELECT ${tenantId}::uuid, r.id, r.hostname, r.kind::"DomainKind", r."isPrimary"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, hostname text, kind text, "isPrimary" boolean)
    ON CONFLICT ("hostname") DO UPDATE
      SET "tenantId" = EXCLUDED."tenantId", "kind" = EXCLUDED."kind", "isPrimary" = EXCLUDED."isPrimary"`;
  return rows.length;
}

async function upsertModules(db: Db, tenantId: string, tenant: SeedTenant): Promise<number> {
  const rows = (["TOWN", "NEIGHBORHOOD"] as const).flatMap((pageKind) => {
    const modules = tenant.modules[pageKind];
    assertAllModules(tenant, modules);
    return modules.map(([moduleKey, enabled, settings], sortOrder) => ({
      id: deterministicUuid("module", tenant.slug, pageKind, moduleKey),
      pageKind,
      moduleKey,
      enabled,
      sortOrder,
      settings: settings ?? {},
    }));
  });
  await db.$executeRaw`
    INSERT INTO "ModuleConfig" ("tenantId", "id", "pageKind", "moduleKey", "enabled", "sortOrder", "settings", "updatedAt")
    SELECT ${tenantId}::uuid, r.id, r."pageKind"::"PageKind", r."moduleKey", r.enabled, r."sortOrder", r.settings, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id uuid, "pageKind" text, "moduleKey" text, enabled boolean, "sortOrder" integer, settings jsonb)
    ON CONFLICT ("tenantId", "pageKind", "moduleKey") DO UPDATE
      SET "enabled" = EXCLUDED."enabled", "sortOrder" = EXCLUDED."sortOrder", "settings" = EXCLUDED."settings", "updatedAt" = now()`;
  return rows.length;
}

/** Creates or refreshes one demo tenant with its hosts, website config and modules. */
export async function upsertDemoTenant(db: Db, tenant: SeedTenant): Promise<SeededTenant> {
  const brand = { name: tenant.name, tagline: tenant.tagline, primaryColor: tenant.primaryColor, accentColor: tenant.accentColor, status: "ACTIVE" as const };
  const row = await db.tenant.upsert({ where: { slug: tenant.slug }, create: { slug: tenant.slug, ...brand }, update: brand, select: { id: true } });
  const tenantId = row.id;
  const hostCount = await upsertDomains(db, tenantId, tenant);
  await db.websiteConfig.upsert({ where: { tenantId }, create: { tenantId, ...tenant.website }, update: tenant.website });
  const moduleCount = await upsertModules(db, tenantId, tenant);
  invalidateTenantCache({ tenantId });
  return { tenantId, slug: tenant.slug, hostCount, moduleCount };
}
