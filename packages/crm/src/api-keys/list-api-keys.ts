import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { apiKeySelect, type ApiKeyRow } from "./api-key-select";

/** The tenant's API keys (revoked ones included, marked), newest first. */
export async function listApiKeys(options: { tenantId: string; db?: Db }): Promise<ApiKeyRow[]> {
  const db = options.db ?? getDb();
  return db.apiKey.findMany({ where: { tenantId: options.tenantId }, select: apiKeySelect, orderBy: { createdAt: "desc" } });
}
