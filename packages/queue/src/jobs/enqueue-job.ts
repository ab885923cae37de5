import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import type { Db, DbTx } from "@real-estate/db";
import { currentRequestId, isRequestId } from "@real-estate/types/request-context";
import { QUEUE_NOTIFY_CHANNEL } from "./wake-workers";
import { queryRows } from "./direct-sql";

// $1 tenantId, $2..$5 the jobs as parallel arrays (kind, key, payload, run at), $6 wake, $7 request id.
const ENQUEUE_JOBS_SQL = `
    WITH input AS (
      SELECT * FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::timestamp(3)[]) AS i(kind, key, payload, run_at)
    ), ins AS (
      INSERT INTO "IngestionJob" ("tenantId", kind, "eventId", "eventType", payload, "requestId", "nextAttemptAt", "updatedAt")
      SELECT $1::uuid, kind, key, kind, payload, $7::text, COALESCE(run_at, now()), now() FROM input
      ON CONFLICT ("tenantId", kind, "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"
      RETURNING id, kind, "eventId" AS key, (xmax = 0) AS created
    ), wake AS (
      SELECT pg_notify('${QUEUE_NOTIFY_CHANNEL}', '') WHERE $6::boolean AND EXISTS (SELECT 1 FROM ins WHERE created)
    )
    SELECT ins.id, ins.kind, ins.key, ins.created FROM ins LEFT JOIN wake ON true`;

/** A job kind: lower-case words joined by dots or dashes ("email.deliver", "feed.import"). */
export const ZJobKind = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/, "a kind is lower-case words joined by . or -")
  .max(64);

const ZJobInput = z.object({
  kind: ZJobKind,
  payload: z.unknown().refine((v) => v !== undefined, "payload is required"),
  /** Printable ASCII, like a website eventId. */
  dedupeKey: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .optional(),
  runAt: z.date().optional(),
});

export type JobInput = {
  kind: string;
  /** Stored as JSON; keep personal data out of it where a reference (an id) will do. */
  payload: unknown;
  /**
   * At most one job per (tenant, kind, dedupeKey) is ever queued while it is kept (completed jobs
   * are pruned after the retention period): a second enqueue with the key creates nothing and
   * answers `created: false`. Default: a fresh key, so every call queues a job.
   */
  dedupeKey?: string;
  /** Not before this instant (default: now). */
  runAt?: Date;
};

export type EnqueueJobResult = { jobId: string; key: string; created: boolean };

type Row = { key: string; id: bigint | string; created: boolean };

/**
 * Queues jobs of any kind for one tenant in one statement, on the caller's connection or inside
 * its transaction (`db.$transaction(async (tx) => { ...business write...; await enqueueJobs(tx, ...) })`),
 * so a job exists exactly when the business change that caused it committed. Set-based: one
 * INSERT ... SELECT FROM unnest(...) whatever the count. Idempotent on (tenantId, kind,
 * dedupeKey); a key repeated within one call is queued once. Results are in input order.
 *
 * Wakes idle workers with a NOTIFY issued by the same statement: PostgreSQL delivers it only
 * when the transaction commits (never for a rolled-back one), so a worker is never woken before
 * the job is visible. `wake: false` leaves that to polling (see wakeWorkers for the cost of
 * NOTIFY at very high commit rates).
 *
 * Each job records the id of the request (or job) being served, `requestId` or else the current
 * one (runWithRequestId: the app server and the worker set it), so the worker's log lines about
 * the job carry the id of the request that caused it.
 */
export async function enqueueJobs(
  db: Db | DbTx,
  options: { tenantId: string; jobs: readonly JobInput[]; wake?: boolean; requestId?: string | null },
): Promise<EnqueueJobResult[]> {
  const tenantId = z.uuid().parse(options.tenantId);
  if (options.jobs.length === 0) return [];
  const jobs = options.jobs.map((j) => ZJobInput.parse(j));
  const keyed = jobs.map((j) => ({ ...j, key: j.dedupeKey ?? uuidv7() }));
  const seen = new Set<string>();
  const unique = keyed.filter((j) => {
    const id = `${j.kind}\n${j.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const wake = options.wake ?? true;
  const given = options.requestId === undefined ? currentRequestId() : options.requestId;
  const requestId = isRequestId(given) ? given : null;
  const rows = await queryRows<Row & { kind: string }>(db, "queue_enqueue_jobs", ENQUEUE_JOBS_SQL, [
    tenantId,
    unique.map((j) => j.kind),
    unique.map((j) => j.key),
    unique.map((j) => JSON.stringify(j.payload)),
    unique.map((j) => j.runAt?.toISOString() ?? null),
    wake,
    requestId,
  ]);
  const byKey = new Map(rows.map((r) => [`${r.kind}\n${r.key}`, r]));
  const first = new Set<string>();
  return keyed.map((j) => {
    const id = `${j.kind}\n${j.key}`;
    const row = byKey.get(id)!;
    const created = row.created && !first.has(id);
    first.add(id);
    return { jobId: String(row.id), key: j.key, created };
  });
}

/** Queues one job (see enqueueJobs): inside the caller's transaction when `db` is one. */
export async function enqueueJob(db: Db | DbTx, options: { tenantId: string } & JobInput & { wake?: boolean }): Promise<EnqueueJobResult> {
  const { tenantId, wake, ...job } = options;
  const [result] = await enqueueJobs(db, { tenantId, jobs: [job], wake });
  return result!;
}
