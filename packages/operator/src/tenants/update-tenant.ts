import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { isUniqueViolation, StudioConflictError, StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";
import { ZTenantUpdateInput } from "./tenant-inputs";
import { studioTenantSelect, type StudioTenant } from "./tenant-select";

/** Edits a tenant's slug, name, colours, tagline, country or time zone; records before/after of the changed fields. */
export async function updateTenant(options: { tenantId: string; actor: OperatorActor; input: unknown; db?: Db }): Promise<StudioTenant> {
  const db = options.db ?? getDb();
  const input = parseInput(ZTenantUpdateInput, options.input);
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  try {
    const updated = await db.$transaction(async (tx) => {
      const before = await tx.tenant.findUnique({ where: { id: options.tenantId }, select: studioTenantSelect });
      if (!before) throw new StudioNotFoundError("Tenant");
      const after = await tx.tenant.update({ where: { id: options.tenantId }, data: input, select: studioTenantSelect });
      const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => before[k] !== after[k]);
      if (changed.length) {
        await recordOperatorAction(tx, {
          actor: options.actor,
          action: "tenant.update",
          targetType: "tenant",
          targetId: after.id,
          tenantId: after.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
      }
      return after;
    });
    invalidateTenantCache({ tenantId: options.tenantId });
    return updated;
  } catch (error) {
    if (isUniqueViolation(error) && JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes("clerkOrganizationId")) {
      throw new StudioConflictError("clerkOrganizationId", "That Clerk organization belongs to another tenant");
    }
    if (isUniqueViolation(error)) throw new StudioConflictError("slug", "That slug is already taken");
    throw error;
  }
}
