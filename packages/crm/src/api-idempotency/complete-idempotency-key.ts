import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { StoredAnswer } from "./claim-idempotency-key";

/** Stores the answer of the request that claimed the key: later requests with it get this answer. */
export async function completeIdempotencyKey(options: { tenantId: string; principal: string; key: string; answer: StoredAnswer; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  await db.apiIdempotencyKey.updateMany({
    where: { tenantId: options.tenantId, principal: options.principal, key: options.key, completedAt: null },
    data: { responseStatus: options.answer.status, responseBody: options.answer.body, responseHeaders: options.answer.headers, completedAt: new Date() },
  });
}
