import type { Db, DbTx } from "@real-estate/db";

export type SuppressionScope = "all" | "marketing";

/**
 * Stops mail to an address for one tenant: `marketing` (an unsubscribe: alerts stop, password
 * resets still arrive) or `all` (a bounce, an operator). Checked when each message is delivered,
 * so it holds for messages already queued. Idempotent.
 */
export async function suppressEmailAddress(
  db: Db | DbTx,
  options: { tenantId: string; address: string; scope: SuppressionScope; reason: "unsubscribe" | "bounce" | "complaint" | "operator"; detail?: string | null },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "EmailSuppression" ("tenantId", address, scope, reason, detail, "createdAt")
    VALUES (${options.tenantId}::uuid, lower(${options.address.trim()}), ${options.scope}, ${options.reason}, ${options.detail ?? null}, now())
    ON CONFLICT ("tenantId", address, scope) DO NOTHING`;
}

/** Lifts the address's own unsubscribe from marketing mail (it asked for alerts again); a bounce stays. */
export async function removeMarketingUnsubscribe(db: Db | DbTx, options: { tenantId: string; address: string }): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "EmailSuppression"
     WHERE "tenantId" = ${options.tenantId}::uuid AND address = lower(${options.address.trim()}) AND scope = 'marketing' AND reason = 'unsubscribe'`;
}

/** Whether the tenant may send this category of mail to the address now. */
export async function isEmailSuppressed(
  db: Db | DbTx,
  options: { tenantId: string; address: string; category: "transactional" | "marketing" },
): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "EmailSuppression"
     WHERE "tenantId" = ${options.tenantId}::uuid AND address = lower(${options.address.trim()})
       AND (scope = 'all' OR (scope = 'marketing' AND ${options.category} = 'marketing'))`;
  return (rows[0]?.n ?? 0) > 0;
}
