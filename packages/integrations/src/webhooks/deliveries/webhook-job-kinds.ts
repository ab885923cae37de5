import type { Db, DbTx } from "@real-estate/db";
import type { ClaimedJob, JobRetryPolicy } from "@real-estate/queue";
import { createConnectionPool, type LookupAll } from "@real-estate/types/outbound";
import { webhookSettings, type WebhookSettings } from "../transport/webhook-settings";
import { deliverWebhook, readDeliveriesAhead, WEBHOOK_RETRY_POLICY, type EndpointDisabled } from "./deliver-webhook";
import { createEndpointShares, type Admission, type EndpointShareSettings } from "./endpoint-shares";
import { WEBHOOK_DELIVER_KIND } from "./queue-webhook-events";

/** The part of the worker's handler context this kind uses (structurally the worker's JobHandlerContext). */
type Ctx = {
  job: ClaimedJob;
  db: Db;
  now: Date;
  once<T>(effect: (tx: DbTx) => Promise<T>): Promise<{ outcome: "applied"; value: T } | { outcome: "duplicate" }>;
  release?: () => void;
};

type Kind = {
  handle: (ctx: Ctx) => Promise<unknown>;
  retry?: JobRetryPolicy;
  claimed?: (info: { db: Db; jobs: ClaimedJob[] }) => void;
  admit?: (info: { job: ClaimedJob; slots: number; now: Date }) => Admission;
};

const ALWAYS: Admission = { start: true, end: () => {} };

/**
 * The outbound webhook job kind for the worker's registry (decision 0021): "webhook.deliver"
 * makes one signed delivery attempt, retried by WEBHOOK_RETRY_POLICY, over kept-alive connections
 * to the checked destination (connection-pool.ts); each endpoint's deliveries take a share of the
 * worker's slots, and an endpoint that keeps timing out is paused as a whole (endpoint-shares.ts).
 */
export function webhookJobKinds(
  options: {
    settings?: WebhookSettings;
    lookup?: LookupAll;
    /** Called once when an attempt disabled its endpoint (a day of failures). */
    onEndpointDisabled?: (info: EndpointDisabled) => Promise<void>;
    /** The endpoints' shares of the worker's slots and their circuit breaker (defaults: endpoint-shares.ts). */
    shares?: Partial<EndpointShareSettings>;
  } = {},
): Record<string, Kind> {
  const settings = options.settings ?? webhookSettings();
  // Kept-alive connections, one set per checked destination, for this registry's deliveries.
  const pool = createConnectionPool();
  // Each endpoint's share of the slots of the worker running this registry (decision 0115).
  const shares = createEndpointShares(options.shares);
  return {
    [WEBHOOK_DELIVER_KIND]: {
      retry: WEBHOOK_RETRY_POLICY,
      // The deliveries of the jobs just claimed, read in one statement (delivery-batches.ts).
      claimed: ({ db, jobs }) => readDeliveriesAhead(db, jobs),
      // Before a delivery takes a slot: its endpoint's share (a job queued without its endpoint starts).
      admit: ({ job, slots, now }) => {
        const endpointId = (job.payload as { endpointId?: unknown } | null)?.endpointId;
        return typeof endpointId === "string" ? shares.admit({ tenantId: job.tenantId, endpointId }, { slots, now: now.getTime() }) : ALWAYS;
      },
      handle: (ctx) =>
        deliverWebhook({
          db: ctx.db,
          job: ctx.job,
          now: ctx.now,
          settings,
          lookup: options.lookup,
          pool,
          release: ctx.release,
          onEndpointDisabled: options.onEndpointDisabled,
          shares,
        }),
    },
  };
}
