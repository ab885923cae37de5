import { z } from "zod";

export const EMAIL_STATUSES = ["QUEUED", "SENT", "FAILED", "SUPPRESSED"] as const;
export type EmailStatusData = (typeof EMAIL_STATUSES)[number];

/** The `tenant` value of the studio's outbox URL that selects the platform's own mail (no tenant's: an operator's password reset). */
export const PLATFORM_OUTBOX = "platform";

/**
 * The outbox list's filter: one tenant's mail (`tenantId`), the platform's own mail
 * (`platform`), or, with neither, everything.
 */
export const ZOutboxQuery = z.object({
  tenantId: z.uuid("Unknown tenant.").optional(),
  platform: z.boolean().optional(),
  status: z.enum(EMAIL_STATUSES, "Status is one of QUEUED, SENT, FAILED, SUPPRESSED.").optional(),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "That page link is not valid.")
    .optional(),
  /** A number: the studio's API reads `?limit=` strictly itself (digits only, 1 to 200). */
  limit: z.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof ZOutboxQuery>;

/** The filter as the studio's URL carries it (`?tenant=<id>|platform&status=&cursor=`), ready for ZOutboxQuery. */
export function outboxQueryInput(params: { tenant?: string | null; status?: string | null; cursor?: string | null }) {
  const tenant = params.tenant || undefined;
  return {
    tenantId: tenant === PLATFORM_OUTBOX ? undefined : tenant,
    platform: tenant === PLATFORM_OUTBOX ? true : undefined,
    status: params.status || undefined,
    cursor: params.cursor || undefined,
  };
}

/** Keyset cursor over (createdAt, id), newest first. */
export function encodeOutboxCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

export function decodeOutboxCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { createdAt, id };
}
