import type { Db, DbTx } from "@real-estate/db";
import type { ClaimedJob, JobRetryPolicy } from "@real-estate/queue";
import { createConnectionPool, type LookupAll } from "@real-estate/types/outbound";
import { webhookSettings, type WebhookSettings } from "../transport/webhook-settings";
import { deliverWebhook, readDeliveriesAhead, WEBHOOK_RETRY_POLICY, type EndpointDisabled } from "./deliver-webhook";
import { WEBHOOK_DELIVER_KIND } from "./queue-webhook-events";

/** The part of the worker's handler context this kind uses (structurally the worker's JobHandlerContext). */
type Ctx = {
  job: ClaimedJob;
  db: Db;
  now: Date;
  once<T>(effect: (tx: DbTx) => Promise<T>): Promise<{ outcome: "applied"; value: T } | { outcome: "duplicate" }>;
  release?: () => void;
};

type Kind = { handle: (ctx: Ctx) => Promise<unknown>; retry?: JobRetryPolicy; claimed?: (info: { db: Db; jobs: ClaimedJob[] }) => void };

/**
 * The outbound webhook job kind for the worker's registry (decision 0021): "webhook.deliver"
 * makes one signed delivery attempt, retried by WEBHOOK_RETRY_POLICY, over kept-alive connections
 * to the checked destination (connection-pool.ts).
 */
export function webhookJobKinds(
  options: {
    settings?: WebhookSettings;
    lookup?: LookupAll;
    /** Called once when an attempt disabled its endpoint (a day of failures). */
    onEndpointDisabled?: (info: EndpointDisabled) => Promise<void>;
  } = {},
): Record<string, Kind> {
  const settings = options.settings ?? webhookSettings();
  // Kept-alive connections, one set per checked destination, for this registry's deliveries.
  const pool = createConnectionPool();
  return {
    [WEBHOOK_DELIVER_KIND]: {
      retry: WEBHOOK_RETRY_POLICY,
      // The deliveries of the jobs just claimed, read in one statement (delivery-batches.ts).
      claimed: ({ db, jobs }) => readDeliveriesAhead(db, jobs),
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
        }),
    },
  };
}
