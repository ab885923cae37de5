import { PAGE_KINDS, WEBSITE_MODULE_KEYS } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { isUniqueViolation, StudioConflictError } from "../shared/errors";
import { parseInput } from "../shared/parse-input";
import { ZTenantCreateInput } from "./tenant-inputs";
import { studioTenantSelect, type StudioTenant } from "./tenant-select";

/**
 * Creates a tenant with its website settings and every page module switched on in the default
 * order, so a new brokerage has a working site as soon as a domain points at it.
 * A taken slug is a 409.
 */
export async function createTenant(options: { actor: OperatorActor; input: unknown; db?: Db }): Promise<StudioTenant> {
  const db = options.db ?? getDb();
  const input = parseInput(ZTenantCreateInput, options.input);
  try {
    return await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({
        data: {
          slug: input.slug,
          name: input.name,
          tagline: input.tagline ?? null,
          ...(input.clerkOrganizationId ? { clerkOrganizationId: input.clerkOrganizationId } : {}),
          ...(input.primaryColor ? { primaryColor: input.primaryColor } : {}),
          ...(input.accentColor ? { accentColor: input.accentColor } : {}),
          websiteConfig: { create: { siteTitle: input.name, heroHeadline: "Find your next home" } },
          moduleConfigs: {
            create: PAGE_KINDS.flatMap((pageKind) => WEBSITE_MODULE_KEYS.map((moduleKey, sortOrder) => ({ pageKind, moduleKey, sortOrder, enabled: true }))),
          },
        },
        select: studioTenantSelect,
      });
      await recordOperatorAction(tx, {
        actor: options.actor,
        action: "tenant.create",
        targetType: "tenant",
        targetId: tenant.id,
        tenantId: tenant.id,
        after: tenant,
      });
      return tenant;
    });
  } catch (error) {
    if (isUniqueViolation(error) && JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes("clerkOrganizationId")) {
      throw new StudioConflictError("clerkOrganizationId", "That Clerk organization belongs to another tenant");
    }
    if (isUniqueViolation(error)) throw new StudioConflictError("slug", `The slug "${input.slug}" is already taken`);
    throw error;
  }
}
