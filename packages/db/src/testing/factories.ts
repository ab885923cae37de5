// Factories with sensible defaults, shared by the demo seed and the tests.
import crypto from "node:crypto";
import type { Db } from "../client/create-client";

export type TenantFixture = { tenantId: string; slug: string; webHost: string; crmHost: string };

/** A tenant with a web and a CRM host (`<slug>.test` and `crm.<slug>.test` by default). */
export async function createTenantFixture(
  db: Db,
  options: { slug?: string; name?: string; webHosts?: string[]; crmHosts?: string[]; country?: string; timeZone?: string } = {},
): Promise<TenantFixture> {
  const slug = options.slug ?? `t-${crypto.randomBytes(3).toString("hex")}`;
  const webHosts = options.webHosts ?? [`${slug}.test`];
  const crmHosts = options.crmHosts ?? [`crm.${slug}.test`];
  const tenant = await db.tenant.create({
    data: {
      slug,
      name: options.name ?? `Tenant ${slug}`,
      ...(options.country ? { country: options.country } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      domains: {
        create: [
          ...webHosts.map((hostname, i) => ({ hostname, kind: "WEB" as const, isPrimary: i === 0 })),
          ...crmHosts.map((hostname, i) => ({ hostname, kind: "CRM" as const, isPrimary: i === 0 })),
        ],
      },
      websiteConfig: { create: { siteTitle: options.name ?? `Tenant ${slug}`, heroHeadline: "Find your home" } },
    },
  });
  return { tenantId: tenant.id, slug, webHost: webHosts[0]!, crmHost: crmHosts[0]! };
}
