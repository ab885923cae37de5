import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";

/** Swaps a rule with its neighbour above or below; false when it is not the tenant's or already at that end. */
export async function moveRoutingRule(options: { tenantId: string; ruleId: string; direction: "up" | "down"; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const { tenantId, ruleId } = options;
  if (!isUuid(ruleId)) return false;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
    const rules = await tx.routingRule.findMany({ where: { tenantId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const at = rules.findIndex((r) => r.id === ruleId);
    const other = at + (options.direction === "up" ? -1 : 1);
    if (at < 0 || other < 0 || other >= rules.length) return false;
    [rules[at], rules[other]] = [rules[other]!, rules[at]!];
    for (const [i, r] of rules.entries())
      await tx.routingRule.update({ where: { tenantId_id: { tenantId, id: r.id } }, data: { position: i + 1 }, select: { id: true } });
    return true;
  });
}
