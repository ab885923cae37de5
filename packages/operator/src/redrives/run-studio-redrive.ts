import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { deadLetterWhere, resolveDeadLetterFilter, type DeadLetterFilter } from "@real-estate/queue";
import { RedriveConflictError, requeueDeadLetters, type RedriveProgress, type RedriveResult } from "@real-estate/queue";
import { Prisma } from "@real-estate/db";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";

/** Re-drives above this size are not tracked job by job (the outcome view says so). */
export const MAX_TRACKED_JOBS = 100_000;

export type StudioRedriveSelection = { ids: string[] } | { all: true; filter: DeadLetterFilter };

export type StudioRedriveResult = RedriveResult & { trackedJobs: number | null };

/** The dead letters a selection means right now, so the outcome of each can be followed later. */
async function snapshotJobIds(db: Db, selection: StudioRedriveSelection): Promise<string[] | null> {
  const where =
    "ids" in selection
      ? Prisma.sql`j.status = 'DEAD_LETTERED' AND j.id = ANY(${selection.ids}::bigint[])`
      : deadLetterWhere(await resolveDeadLetterFilter(db, selection.filter));
  const rows = await db.$queryRaw<{ id: bigint }[]>`SELECT j.id FROM "IngestionJob" AS j WHERE ${where} ORDER BY j.id LIMIT ${MAX_TRACKED_JOBS + 1}`;
  return rows.length > MAX_TRACKED_JOBS ? null : rows.map((r) => r.id.toString());
}

/**
 * Re-drives dead letters from the studio through the same library function as the CLI
 * (requeueDeadLetters, which writes the RedriveAudit row), in batches small enough to show
 * progress, and records the operator's action with the ids re-driven so their outcome
 * (succeeded, failed again) can be shown afterwards.
 */
export async function runStudioRedrive(options: {
  selection: StudioRedriveSelection;
  actor: OperatorActor;
  onProgress?: (progress: RedriveProgress) => void;
  db?: Db;
}): Promise<StudioRedriveResult> {
  const db = options.db ?? getDb();
  const jobIds = await snapshotJobIds(db, options.selection);
  const expected = jobIds?.length ?? MAX_TRACKED_JOBS;
  const batchSize = Math.min(1_000, Math.max(50, Math.ceil(expected / 20)));
  const described =
    "ids" in options.selection ? { selection: "ids", count: options.selection.ids.length } : { selection: "filter", filter: options.selection.filter };
  try {
    const result = await requeueDeadLetters({
      selection: options.selection,
      actor: options.actor.email,
      origin: "studio",
      batchSize,
      onProgress: options.onProgress,
      db,
    });
    await recordOperatorAction(db, {
      actor: options.actor,
      action: "deadletter.redrive",
      targetType: "redrive",
      targetId: result.redriveId,
      after: { ...described, matched: result.matched, requeued: result.requeued, jobIds },
    });
    return { ...result, trackedJobs: jobIds?.length ?? null };
  } catch (error) {
    await recordOperatorAction(db, {
      actor: options.actor,
      action: "deadletter.redrive.failed",
      targetType: "redrive",
      targetId: error instanceof RedriveConflictError ? error.auditId : null,
      after: { ...described, error: (error as Error).message?.slice(0, 500) },
    }).catch(() => undefined);
    throw error;
  }
}
