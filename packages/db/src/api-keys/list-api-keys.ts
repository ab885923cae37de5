import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { apiKeySelect, type ApiKeyRow } from "./api-key-select";

/** The tenant's API keys (revoked ones included, marked), newest first. */
export async function listApiKeys(options: { tenantId: string; db?: Db }): Promise<ApiKeyRow[]> {
  const db = options.db ?? getDb();
  return db.apiKey.findMany({ where: { tenantId: options.tenantId }, select: apiKeySelect, orderBy: { createdAt: "desc" } });
}
