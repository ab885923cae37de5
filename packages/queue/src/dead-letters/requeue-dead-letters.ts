import { z } from "zod";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import { deadLetterWhere, describeFilterForAudit, resolveDeadLetterFilter, type DeadLetterFilter } from "./dead-letter-filter";
import { QUEUE_NOTIFY_CHANNEL } from "../jobs/wake-workers";

/** Which dead letters to re-drive: some by job id, or every one a filter matches. */
export type RedriveSelection = { ids: readonly string[] } | { all: true; filter?: DeadLetterFilter };

export type RedriveProgress = { requeued: number; total: number };

export type RedriveResult = {
  /** Id of the RedriveAudit row (also the claim marker on the jobs while it ran). */
  redriveId: string;
  dryRun: boolean;
  /** Dead letters the selection matched. */
  matched: number;
  /** Jobs put back in the queue (0 for a dry run). */
  requeued: number;
};

/** Another re-drive holds some of the selected dead letters; nothing was changed. */
export class RedriveConflictError extends Error {
  constructor(
    readonly auditId: string,
    readonly overlapping: number,
    readonly heldBy: string[],
    /** Set when a single-pass re-drive was running (it holds no rows, only the re-drive lock). */
    passRunning = false,
  ) {
    super(
      passRunning
        ? `refused: another re-drive (${heldBy.join(", ") || "unknown"}) is requeueing dead letters right now; try again when it has finished`
        : `refused: ${overlapping} of the selected dead letters are held by re-drive ${heldBy.join(", ")} still in progress; wait for it to finish (or release it if it crashed)`,
    );
    this.name = "RedriveConflictError";
  }
}

/**
 * The transaction-scoped advisory lock a single-pass re-drive holds while its one UPDATE runs:
 * two of them never run at once, so an overlapping one is refused rather than queued behind the
 * first's row locks (which would end in requeueing nothing, silently).
 */
const REDRIVE_PASS_LOCK = 0x52_45_44_52; // "REDR"

const ZOptions = z.object({
  actor: z.string().trim().min(1).max(200),
  origin: z.enum(["cli", "studio"]),
  ratePerSecond: z.number().positive().max(1_000_000).optional(),
  batchSize: z.number().int().min(1).max(10_000).optional(),
  ids: z
    .array(z.string().regex(/^\d{1,19}$/, "job ids are positive integers"))
    .max(100_000)
    .optional(),
});

type Scope = { where: Prisma.Sql; audit: Record<string, unknown> };

async function resolveSelection(db: Db, selection: RedriveSelection): Promise<Scope> {
  if ("ids" in selection) {
    const ids = [...selection.ids];
    return { where: Prisma.sql`j.status = 'DEAD_LETTERED' AND j.id = ANY(${ids}::bigint[])`, audit: { selection: "ids", ids } };
  }
  const filter = await resolveDeadLetterFilter(db, selection.filter);
  return { where: deadLetterWhere(filter), audit: { selection: "all", ...describeFilterForAudit(filter) } };
}

/** Marks the selected dead letters with this re-drive's id, unless another re-drive holds any of them. */
async function claimSelection(db: Db, scope: Scope, redriveId: string) {
  const rows = await db.$queryRaw<{ matched: bigint; held: bigint; holders: string[] | null; claimed: bigint }[]>`
    WITH m AS (
      SELECT j."tenantId", j.id, j."redriveId" FROM "IngestionJob" AS j WHERE ${scope.where} FOR UPDATE
    ), s AS (
      SELECT count(*) AS matched, count(*) FILTER (WHERE "redriveId" IS NOT NULL) AS held,
             array_agg(DISTINCT "redriveId"::text) FILTER (WHERE "redriveId" IS NOT NULL) AS holders
      FROM m
    ), c AS (
      UPDATE "IngestionJob" AS j SET "redriveId" = ${redriveId}::uuid
      FROM m, s WHERE j."tenantId" = m."tenantId" AND j.id = m.id AND s.held = 0
      RETURNING 1
    )
    SELECT s.matched, s.held, s.holders, (SELECT count(*) FROM c) AS claimed FROM s`;
  const r = rows[0]!;
  return { matched: Number(r.matched), held: Number(r.held), holders: r.holders ?? [] };
}

/** Requeues up to `limit` jobs this re-drive holds: PENDING, due now, attempts reset; wakes workers. */
async function requeueBatch(db: Db, redriveId: string, limit: number, now: Date, requeuedBefore: number): Promise<number> {
  const rows = await db.$queryRaw<{ requeued: bigint }[]>`
    WITH b AS (
      SELECT "tenantId", id FROM "IngestionJob" WHERE "redriveId" = ${redriveId}::uuid AND status = 'DEAD_LETTERED' LIMIT ${limit} FOR UPDATE
    ), u AS (
      UPDATE "IngestionJob" AS j SET
        status = 'PENDING', attempts = 0, "nextAttemptAt" = ${now}::timestamp(3), "deadLetteredAt" = NULL, "redriveId" = NULL,
        "redriveCount" = j."redriveCount" + 1, "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${now}::timestamp(3)
      FROM b WHERE j."tenantId" = b."tenantId" AND j.id = b.id
      RETURNING 1
    ), progress AS (
      UPDATE "RedriveAudit" SET requeued = ${requeuedBefore} + (SELECT count(*) FROM u) WHERE id = ${redriveId}::uuid RETURNING 1
    ), wake AS (
      SELECT pg_notify(${QUEUE_NOTIFY_CHANNEL}, '') WHERE EXISTS (SELECT 1 FROM u)
    )
    SELECT (SELECT count(*) FROM u) AS requeued, (SELECT count(*) FROM progress) AS p, (SELECT count(*) FROM wake) AS w`;
  return Number(rows[0]!.requeued);
}

/**
 * The whole selection requeued by one UPDATE, each row written once (decision 0023). Refused,
 * changing nothing, when another single pass holds the re-drive lock or when a batched re-drive
 * holds any selected row (redriveId). Rows a batched re-drive claims while this runs are left to it
 * (`"redriveId" IS NULL` is re-checked on rows this statement had to wait for).
 */
async function requeueInOnePass(db: Db, scope: Scope, now: Date) {
  const rows = await db.$queryRaw<{ got: boolean; held: bigint; holders: string[] | null; requeued: bigint }[]>`
    WITH lock AS (
      SELECT pg_try_advisory_xact_lock(${REDRIVE_PASS_LOCK}::bigint) AS got
    ), held AS (
      SELECT count(*) AS n, array_agg(DISTINCT j."redriveId"::text) AS holders FROM "IngestionJob" AS j WHERE ${scope.where} AND j."redriveId" IS NOT NULL
    ), u AS (
      UPDATE "IngestionJob" AS j SET
        status = 'PENDING', attempts = 0, "nextAttemptAt" = ${now}::timestamp(3), "deadLetteredAt" = NULL,
        "redriveCount" = j."redriveCount" + 1, "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${now}::timestamp(3)
      WHERE ${scope.where} AND j."redriveId" IS NULL AND (SELECT got FROM lock) AND (SELECT n FROM held) = 0
      RETURNING 1
    ), wake AS (
      SELECT pg_notify(${QUEUE_NOTIFY_CHANNEL}, '') WHERE EXISTS (SELECT 1 FROM u)
    )
    SELECT (SELECT got FROM lock) AS got, held.n AS held, held.holders, (SELECT count(*) FROM u) AS requeued, (SELECT count(*) FROM wake) AS w FROM held`;
  const r = rows[0]!;
  return { got: r.got, held: Number(r.held), holders: r.holders ?? [], requeued: Number(r.requeued) };
}

/** The other re-drives running now (for a refusal's message). */
async function runningRedrives(db: Db, except: string): Promise<string[]> {
  const rows = await db.redriveAudit.findMany({ where: { outcome: "running", dryRun: false, id: { not: except } }, select: { id: true }, take: 5 });
  return rows.map((r) => r.id);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function finishAudit(db: Db, id: string, data: { outcome: string; matched?: number; requeued?: number; error?: string }) {
  await db.redriveAudit.update({ where: { id }, data: { ...data, finishedAt: new Date() } });
}

/**
 * Re-drives dead letters: puts them back in the queue (PENDING, due now, attempts reset) and
 * writes one RedriveAudit row (who, when, filter, count, outcome). A dry run changes no job; it
 * reports what would be re-driven (and is audited).
 *
 * Without a rate or a batch size, in one pass: one UPDATE under a re-drive lock, each row written
 * once, progress reported once at the end. With either, paced in batches with progress: the
 * selected set is first claimed (IngestionJob.redriveId), then requeued batch by batch.
 * Either way, when another running re-drive holds any of the selection (or a single pass is
 * running), nothing is changed, a "refused" audit row is written and RedriveConflictError is thrown.
 * Platform-level (operator): deliberately cross-tenant; narrow it with `filter.tenant`.
 */
export async function requeueDeadLetters(options: {
  selection: RedriveSelection;
  /** Who asked (user e-mail or login); stored in the audit row. */
  actor: string;
  origin: "cli" | "studio";
  /** Count only (default false). */
  dryRun?: boolean;
  /** Upper bound on jobs requeued per second (default: unlimited). */
  ratePerSecond?: number;
  /** Jobs per UPDATE (default 1,000; lowered to the rate when one is given). */
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (progress: RedriveProgress) => void;
  db?: Db;
}): Promise<RedriveResult> {
  const db = options.db ?? getDb();
  const checked = ZOptions.parse({ ...options, ids: "ids" in options.selection ? [...options.selection.ids] : undefined });
  const scope = await resolveSelection(db, options.selection);
  const dryRun = options.dryRun ?? false;
  const audit = await db.redriveAudit.create({
    data: {
      actor: checked.actor,
      origin: checked.origin,
      dryRun,
      outcome: "running",
      filter: { ...scope.audit, ...(checked.ratePerSecond ? { ratePerSecond: checked.ratePerSecond } : {}) },
    },
    select: { id: true },
  });
  try {
    if (dryRun) {
      const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "IngestionJob" AS j WHERE ${scope.where}`;
      const matched = Number(rows[0]!.n);
      await finishAudit(db, audit.id, { outcome: "completed", matched, requeued: 0 });
      return { redriveId: audit.id, dryRun, matched, requeued: 0 };
    }
    if (checked.ratePerSecond === undefined && checked.batchSize === undefined) {
      const pass = await requeueInOnePass(db, scope, new Date());
      if (!pass.got || pass.held > 0) {
        const matchedRows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "IngestionJob" AS j WHERE ${scope.where}`;
        const matched = Number(matchedRows[0]!.n);
        const error = pass.got
          ? new RedriveConflictError(audit.id, pass.held, pass.holders)
          : new RedriveConflictError(audit.id, matched, await runningRedrives(db, audit.id), true);
        await finishAudit(db, audit.id, { outcome: "refused", matched, requeued: 0, error: error.message });
        throw error;
      }
      if (pass.requeued > 0) options.onProgress?.({ requeued: pass.requeued, total: pass.requeued });
      await finishAudit(db, audit.id, { outcome: "completed", matched: pass.requeued, requeued: pass.requeued });
      return { redriveId: audit.id, dryRun, matched: pass.requeued, requeued: pass.requeued };
    }
    const claim = await claimSelection(db, scope, audit.id);
    if (claim.held > 0) {
      const error = new RedriveConflictError(audit.id, claim.held, claim.holders);
      await finishAudit(db, audit.id, { outcome: "refused", matched: claim.matched, requeued: 0, error: error.message });
      throw error;
    }
    const requeued = await requeueClaimed(db, audit.id, claim.matched, checked, options.onProgress);
    await finishAudit(db, audit.id, { outcome: "completed", matched: claim.matched, requeued });
    return { redriveId: audit.id, dryRun, matched: claim.matched, requeued };
  } catch (error) {
    if (error instanceof RedriveConflictError) throw error;
    await releaseRedrive({ redriveId: audit.id, db }).catch(() => 0);
    await finishAudit(db, audit.id, { outcome: "failed", error: String((error as Error)?.message ?? error).slice(0, 1000) }).catch(() => {});
    throw error;
  }
}

async function requeueClaimed(
  db: Db,
  redriveId: string,
  total: number,
  options: { ratePerSecond?: number; batchSize?: number },
  onProgress?: (progress: RedriveProgress) => void,
): Promise<number> {
  const rate = options.ratePerSecond;
  const batch = Math.max(1, Math.min(options.batchSize ?? 1_000, rate ? Math.ceil(rate) : Number.MAX_SAFE_INTEGER));
  const started = Date.now();
  let requeued = 0;
  for (;;) {
    const n = await requeueBatch(db, redriveId, batch, new Date(), requeued);
    requeued += n;
    if (n > 0) onProgress?.({ requeued, total });
    if (n < batch) return requeued;
    if (rate) {
      const wait = (requeued / rate) * 1000 - (Date.now() - started);
      if (wait > 0) await sleep(wait);
    }
  }
}

/**
 * Lets go of the dead letters a re-drive still holds (one that crashed or was interrupted), so
 * they can be re-driven again, and marks its audit row failed if it was still running.
 * Returns how many dead letters were released. Platform-level (operator): cross-tenant.
 */
export async function releaseRedrive(options: { redriveId: string; reason?: string; db?: Db }): Promise<number> {
  const db = options.db ?? getDb();
  const released = await db.$executeRaw`
    UPDATE "IngestionJob" SET "redriveId" = NULL WHERE status = 'DEAD_LETTERED' AND "redriveId" = ${options.redriveId}::uuid`;
  if (options.reason) {
    await db.redriveAudit.updateMany({
      where: { id: options.redriveId, outcome: "running" },
      data: { outcome: "failed", error: options.reason.slice(0, 1000), finishedAt: new Date() },
    });
  }
  return released;
}
