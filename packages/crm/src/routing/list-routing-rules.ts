import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { routingRuleSelect, type RoutingRuleRow } from "./routing-rule-select";

/** The tenant's routing rules in the order they are tried. */
export async function listRoutingRules(options: { tenantId: string; db?: Db }): Promise<RoutingRuleRow[]> {
  const db = options.db ?? getDb();
  return db.routingRule.findMany({ where: { tenantId: options.tenantId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: routingRuleSelect });
}
