import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { isUniqueViolation, StudioConflictError, StudioNotFoundError, StudioValidationError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";
import { studioDomainSelect, type StudioDomain } from "../tenants/tenant-select";
import { ZDomainAddInput } from "./domain-inputs";
import { lockTenantDomains } from "./lock-tenant-domains";
import { platformHosts } from "./platform-hosts";

/**
 * Adds a host name to a tenant. The host is validated and normalised (lower-case, no port, no
 * trailing dot); an IP address, a single-label name or one of the platform's own hosts
 * (`platformHosts`, read from the environment unless given) is a 422, a host already used by
 * any tenant (this one included) a 409. Host changes of
 * one tenant run one at a time (lockTenantDomains), so a kind keeps exactly one primary host.
 */
export async function addTenantDomain(options: {
  tenantId: string;
  actor: OperatorActor;
  input: unknown;
  db?: Db;
  platformHosts?: ReadonlySet<string>;
}): Promise<StudioDomain> {
  const db = options.db ?? getDb();
  const input = parseInput(ZDomainAddInput, options.input);
  if ((options.platformHosts ?? platformHosts()).has(input.hostname)) {
    throw new StudioValidationError({ hostname: [`${input.hostname} is one of the platform's own hosts`] });
  }
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  const { tenantId } = options;
  try {
    const domain = await db.$transaction(async (tx) => {
      if (!(await lockTenantDomains(tx, tenantId))) throw new StudioNotFoundError("Tenant");
      const sameKind = await tx.tenantDomain.count({ where: { tenantId, kind: input.kind } });
      const isPrimary = sameKind === 0 || input.isPrimary === true;
      if (isPrimary && sameKind > 0) {
        await tx.tenantDomain.updateMany({ where: { tenantId, kind: input.kind, isPrimary: true }, data: { isPrimary: false } });
      }
      const created = await tx.tenantDomain.create({
        data: { tenantId, hostname: input.hostname, kind: input.kind, isPrimary },
        select: studioDomainSelect,
      });
      await recordOperatorAction(tx, {
        actor: options.actor,
        action: "domain.add",
        targetType: "domain",
        targetId: created.id,
        tenantId,
        after: { hostname: created.hostname, kind: created.kind, isPrimary: created.isPrimary },
      });
      return created;
    });
    invalidateTenantCache({ tenantId });
    return domain;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const owner = await db.tenantDomain.findUnique({ where: { hostname: input.hostname }, select: { tenant: { select: { name: true } } } });
    const who = owner ? ` (${owner.tenant.name})` : "";
    throw new StudioConflictError("hostname", `${input.hostname} already belongs to a tenant${who}`);
  }
}
