import { z } from "zod";
import type { Db, DbTx } from "@real-estate/db";
import { PermanentIngestionError, scrubPersonalData, type ClaimedJob, type JobRetryPolicy } from "@real-estate/queue";
import { ForbiddenDestinationError, type ConnectionPool, type LookupAll } from "@real-estate/types/outbound";
import { postWebhook, WebhookTransportError, type WebhookResponse } from "../transport/post-webhook";
import { retryAfterMs } from "../transport/retry-after";
import type { WebhookSettings } from "../transport/webhook-settings";
import { signWebhook } from "../transport/webhook-signature";
import { deliveryBatches, type DeliveryRow } from "./delivery-batches";
import type { EndpointShares } from "./endpoint-shares";

/** A job's payload: the delivery, and its endpoint (jobs queued before decision 0115 have none). */
export const ZWebhookJobPayload = z.object({ deliveryId: z.uuid(), endpointId: z.uuid().optional() });
const ZPayload = ZWebhookJobPayload;

/**
 * Retries as the Standard Webhooks guidance suggests, over about a day: at once, then after
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 6 h (8 attempts, ~24 h), then dead-lettered. A 429 or
 * 503 whose Retry-After asks for longer waits that long, at most an hour (decision 0117).
 */
export const WEBHOOK_RETRY_POLICY: JobRetryPolicy = {
  attempts: 8,
  backoffMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 21_600_000],
  jitter: 0.1,
  leastDelayMs: (error) => (error instanceof WebhookRefusedError ? error.retryAfterMs : undefined),
};

/** An endpoint failing this long (every attempt in between failed) is disabled. */
export const DISABLE_AFTER_FAILING_MS = 24 * 3_600_000;

/** The endpoint answered, but not 2xx: retried, not before `retryAfterMs` when it said so (429, 503). */
export class WebhookRefusedError extends Error {
  readonly errorClass = "transient" as const;
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`endpoint answered HTTP ${status}`);
    this.name = "WebhookRefusedError";
  }
}

/** One delivery's row as read by itself (its tenant is the job's). */
type Row = Omit<DeliveryRow, "tenantId">;

/**
 * What `onEndpointDisabled` is told: the delivery whose failure disabled its endpoint, and the
 * transaction that disables it (whatever the callback writes there commits with the disabling, or
 * neither does).
 */
export type EndpointDisabled = { db: DbTx; tenantId: string; deliveryId: string; url: string; now: Date };

export type WebhookDeliveryOutcome =
  { outcome: "applied"; status: "DELIVERED" | "FAILED"; responseStatus: number | null; endpointDisabled: boolean } | { outcome: "duplicate" };

/**
 * One delivery attempt (job kind "webhook.deliver"): signs the stored payload (Standard
 * Webhooks: `webhook-id` = the delivery id, this attempt's timestamp, one signature per live
 * secret) and POSTs it. 2xx: DELIVERED and the endpoint's failure clock reset. Otherwise the
 * attempt is logged (status, latency, excerpt) and thrown for the queue to retry; after the last
 * attempt, or a refused destination, the delivery is FAILED (re-drivable). An endpoint whose
 * deliveries have failed for a day is disabled (`endpointDisabled` tells the caller to tell the
 * owners). A delivery already DELIVERED, or whose endpoint was deleted, is a duplicate.
 */
export async function deliverWebhook(options: {
  db: Db;
  job: ClaimedJob;
  now: Date;
  settings: WebhookSettings;
  lookup?: LookupAll;
  /** Kept-alive connections per checked destination (connection-pool.ts); without one, a new connection per attempt. */
  pool?: ConnectionPool;
  /**
   * Called once the receiver has answered (or the attempt failed): what is left is recording it,
   * so the worker may start its next delivery meanwhile (the worker's `ctx.release`).
   */
  release?: () => void;
  /**
   * Called once when this attempt disabled the endpoint (a day of failures), inside the transaction
   * that disables it: the worker queues the owners' e-mail there, so there is never a disabling
   * without its notice nor a notice without its disabling. If it throws, nothing of the attempt is
   * recorded and the queue retries the attempt.
   */
  onEndpointDisabled?: (info: EndpointDisabled) => Promise<void>;
  /** Told whether the receiver answered by the deadline, for the endpoint's circuit breaker (endpoint-shares.ts). */
  shares?: EndpointShares;
}): Promise<WebhookDeliveryOutcome> {
  const { db, job } = options;
  const parsed = ZPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentIngestionError("invalid webhook.deliver payload (deliveryId)");
  const tenantId = job.tenantId;
  // On a pool-backed client, the read and the record of a success are batched with the other
  // deliveries in flight (delivery-batches.ts); otherwise one statement each through Prisma.
  const batches = deliveryBatches(db);
  // In progress until its success is handed to the batched record, or it ends otherwise: records
  // waiting for more rows wait only while attempts are in progress (decision 0071).
  const end = batches?.begin();
  try {
    return await attempt(options, tenantId, parsed.data, batches, end);
  } finally {
    end?.();
  }
}

async function attempt(
  options: Parameters<typeof deliverWebhook>[0],
  tenantId: string,
  { deliveryId, endpointId }: z.infer<typeof ZPayload>,
  batches: ReturnType<typeof deliveryBatches>,
  end: (() => void) | undefined,
): Promise<WebhookDeliveryOutcome> {
  const { db, job, now } = options;
  const d = batches
    ? await batches.read({ tenantId, deliveryId })
    : (
        await db.$queryRaw<Row[]>`
    SELECT d.id::text AS id, d.status::text AS status, d.payload, e.url, e.secret, e."previousSecret", e."previousSecretExpiresAt", e."disabledAt"
      FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."tenantId" = d."tenantId" AND e.id = d."endpointId"
     WHERE d."tenantId" = ${tenantId}::uuid AND d.id = ${deliveryId}::uuid`
      )[0];
  if (!d || d.status === "DELIVERED") return { outcome: "duplicate" };
  if (d.disabledAt) {
    await record(db, { tenantId, deliveryId: d.id, status: "FAILED", response: null, error: "endpoint disabled", now, countAttempt: false });
    return { outcome: "applied", status: "FAILED", responseStatus: null, endpointDisabled: false };
  }
  const body = JSON.stringify(d.payload);
  const secrets = [d.secret, ...(d.previousSecret && d.previousSecretExpiresAt && d.previousSecretExpiresAt > now ? [d.previousSecret] : [])];
  const headers = signWebhook({ id: d.id, timestamp: now, body, secrets });
  let response: WebhookResponse | null = null;
  let failure: unknown = null;
  const sent = performance.now();
  try {
    response = await postWebhook({
      url: d.url,
      body,
      headers,
      timeoutMs: options.settings.timeoutMs,
      allowedHosts: options.settings.allowedHosts,
      lookup: options.lookup,
      pool: options.pool,
    });
    if (response.status < 200 || response.status > 299)
      failure = new WebhookRefusedError(response.status, retryAfterMs(response.status, response.retryAfter, now.getTime(), response.latencyMs));
  } catch (error) {
    failure = error;
  }
  if (endpointId) {
    // Whether the receiver answered by the deadline, at the worker clock's time of the attempt's end.
    const timedOut = failure instanceof WebhookTransportError && failure.timedOut;
    options.shares?.attempted({ tenantId, endpointId }, { timedOut, at: now.getTime() + (performance.now() - sent) });
  }
  options.release?.();
  // Nothing of this attempt is waited for any more: a success is handed to the record at once.
  end?.();
  if (!failure) {
    if (batches) {
      await batches.recordDelivered({ tenantId, deliveryId: d.id, status: response!.status, latencyMs: response!.latencyMs, excerpt: response!.excerpt, now });
    } else await record(db, { tenantId, deliveryId: d.id, status: "DELIVERED", response, error: null, now, countAttempt: true });
    return { outcome: "applied", status: "DELIVERED", responseStatus: response!.status, endpointDisabled: false };
  }
  const permanent = failure instanceof ForbiddenDestinationError;
  const last = permanent || job.attempts >= (WEBHOOK_RETRY_POLICY.attempts ?? job.maxAttempts);
  const message = scrubPersonalData((failure as Error).message ?? String(failure)).slice(0, 500);
  const latency = response?.latencyMs ?? (failure as { latencyMs?: number }).latencyMs ?? null;
  const endpointDisabled = await db.$transaction(
    async (tx) => {
      const disabled = await record(tx, {
        tenantId,
        deliveryId: d.id,
        status: last ? "FAILED" : "PENDING",
        response: response ?? { status: null, excerpt: null, latencyMs: latency },
        error: message,
        now,
        countAttempt: true,
      });
      if (disabled) await options.onEndpointDisabled?.({ db: tx, tenantId, deliveryId: d.id, url: d.url, now });
      return disabled;
    },
    // Rendering the owners' e-mail runs inside: room for a slow, loaded machine.
    { maxWait: 10_000, timeout: 30_000 },
  );
  if (permanent) return { outcome: "applied", status: "FAILED", responseStatus: null, endpointDisabled };
  // Logged; the queue retries the job (or, after the last attempt, dead-letters it: FAILED here).
  throw failure;
}

/**
 * Reads the deliveries of just-claimed "webhook.deliver" jobs in one statement, for their attempts
 * to use (within READ_AHEAD_MAX_AGE_MS); only on a pool-backed client. Jobs with an invalid
 * payload are left to their attempt.
 */
export function readDeliveriesAhead(db: Db, jobs: ClaimedJob[]): void {
  const batches = deliveryBatches(db);
  if (!batches) return;
  const keys: { tenantId: string; deliveryId: string }[] = [];
  for (const job of jobs) {
    const parsed = ZPayload.safeParse(job.payload);
    if (parsed.success) keys.push({ tenantId: job.tenantId, deliveryId: parsed.data.deliveryId });
  }
  if (keys.length > 0) batches.readAhead(keys);
}

/**
 * Writes an attempt on the delivery (only while it is not DELIVERED, so a late repeat cannot
 * undo a delivery) and on its endpoint: a delivery resets the failure clock, a failure starts it
 * (kept when running) and disables the endpoint once it has run for a day. Returns true when this
 * attempt disabled the endpoint.
 */
async function record(
  db: Db | DbTx,
  o: {
    tenantId: string;
    deliveryId: string;
    status: "DELIVERED" | "PENDING" | "FAILED";
    response: { status: number | null; excerpt: string | null; latencyMs: number | null } | null;
    error: string | null;
    now: Date;
    countAttempt: boolean;
  },
): Promise<boolean> {
  const delivered = o.status === "DELIVERED";
  const failedSince = new Date(o.now.getTime() - DISABLE_AFTER_FAILING_MS);
  const rows = await db.$queryRaw<{ disabled: boolean }[]>`
    WITH upd AS (
      UPDATE "WebhookDelivery" SET status = ${o.status}::"WebhookDeliveryStatus", attempts = attempts + ${o.countAttempt ? 1 : 0},
             "responseStatus" = ${o.response?.status ?? null}::int, "latencyMs" = ${o.response?.latencyMs ?? null}::int, "responseExcerpt" = ${o.response?.excerpt ?? null}::text,
             "lastError" = ${o.error}::text, "lastAttemptAt" = ${o.now}::timestamp(3),
             "deliveredAt" = CASE WHEN ${delivered} THEN ${o.now}::timestamp(3) ELSE "deliveredAt" END, "updatedAt" = ${o.now}::timestamp(3)
       WHERE "tenantId" = ${o.tenantId}::uuid AND id = ${o.deliveryId}::uuid AND status <> 'DELIVERED'
      RETURNING "endpointId"
    ), ep AS (
      UPDATE "WebhookEndpoint" e SET
             "failingSince" = CASE WHEN ${delivered} THEN NULL ELSE COALESCE(e."failingSince", ${o.now}::timestamp(3)) END,
             "disabledAt" = CASE WHEN NOT ${delivered} AND e."disabledAt" IS NULL AND e."failingSince" <= ${failedSince}::timestamp(3) THEN ${o.now}::timestamp(3) ELSE e."disabledAt" END,
             "disabledReason" = CASE WHEN NOT ${delivered} AND e."disabledAt" IS NULL AND e."failingSince" <= ${failedSince}::timestamp(3) THEN 'failing' ELSE e."disabledReason" END,
             "updatedAt" = ${o.now}::timestamp(3)
        FROM upd WHERE e."tenantId" = ${o.tenantId}::uuid AND e.id = upd."endpointId" AND ${o.countAttempt}
         -- Only when the endpoint's state changes: a delivery to a healthy endpoint, or a failure
         -- while its clock runs and before it is due to be disabled, leaves the row alone, so the
         -- deliveries to one endpoint do not queue on its row lock one after another.
         AND CASE WHEN ${delivered} THEN e."failingSince" IS NOT NULL
                  ELSE e."failingSince" IS NULL OR (e."disabledAt" IS NULL AND e."failingSince" <= ${failedSince}::timestamp(3)) END
      RETURNING (e."disabledAt" = ${o.now}::timestamp(3) AND e."disabledReason" = 'failing') AS disabled
    )
    SELECT COALESCE((SELECT disabled FROM ep), false) AS disabled`;
  return rows[0]?.disabled ?? false;
}
