import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import { deadLetterWhere, resolveDeadLetterFilter, type DeadLetterFilter } from "./dead-letter-filter";

/** One dead letter as operators see it (no payload: it holds personal data). */
export type DeadLetter = {
  jobId: string;
  tenantId: string;
  tenantSlug: string;
  /** The job's kind (decision 0010). */
  kind: string;
  eventId: string;
  eventType: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lastErrorClass: string | null;
  deadLetteredAt: Date;
  createdAt: Date;
  redriveCount: number;
  /** Set while a re-drive holds this dead letter. */
  redriveId: string | null;
};

export type DeadLetterPage = { items: DeadLetter[]; nextCursor: string | null };

export class InvalidCursorError extends Error {
  constructor() {
    super("invalid cursor");
    this.name = "InvalidCursorError";
  }
}

function encodeCursor(d: DeadLetter): string {
  return Buffer.from(`${d.deadLetteredAt.toISOString()}|${d.jobId}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || !/^\d+$/.test(id) || Number.isNaN(date.getTime())) throw new InvalidCursorError();
  return { at: date, id };
}

/**
 * Lists dead letters, most recent first, a page at a time (keyset cursor).
 * Platform-level (operator): deliberately cross-tenant; narrow it with `filter.tenant`.
 */
export async function listDeadLetters(
  options: {
    filter?: DeadLetterFilter;
    /** Page size, 1-1000 (default 50). */
    limit?: number;
    /** `nextCursor` of the previous page. */
    cursor?: string | null;
    db?: Db;
  } = {},
): Promise<DeadLetterPage> {
  const db = options.db ?? getDb();
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
  const filter = await resolveDeadLetterFilter(db, options.filter);
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const keyset = after ? Prisma.sql`AND (j."deadLetteredAt", j.id) < (${after.at}::timestamp(3), ${after.id}::bigint)` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<DeadLetter, "jobId"> & { jobId: bigint })[]>`
    SELECT j.id AS "jobId", j."tenantId"::text AS "tenantId", t.slug AS "tenantSlug", j.kind, j."eventId", j."eventType", j.attempts,
           j."maxAttempts", j."lastError", j."lastErrorClass", j."deadLetteredAt", j."createdAt", j."redriveCount",
           j."redriveId"::text AS "redriveId"
    FROM "IngestionJob" AS j JOIN "Tenant" AS t ON t.id = j."tenantId"
    WHERE ${deadLetterWhere(filter)} ${keyset}
    ORDER BY j."deadLetteredAt" DESC, j.id DESC
    LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map((r) => ({ ...r, jobId: r.jobId.toString() }));
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}
