import type { Db, DbTx } from "@real-estate/db";
import type { ClaimedJob, JobRetryPolicy } from "@real-estate/queue";
import type { LookupAll } from "../transport/destination-guard";
import { webhookSettings, type WebhookSettings } from "../transport/webhook-settings";
import { deliverWebhook, WEBHOOK_RETRY_POLICY, type EndpointDisabled } from "./deliver-webhook";
import { WEBHOOK_DELIVER_KIND } from "./queue-webhook-events";

/** The part of the worker's handler context this kind uses (structurally the worker's JobHandlerContext). */
type Ctx = {
  job: ClaimedJob;
  db: Db;
  now: Date;
  once<T>(effect: (tx: DbTx) => Promise<T>): Promise<{ outcome: "applied"; value: T } | { outcome: "duplicate" }>;
};

type Kind = { handle: (ctx: Ctx) => Promise<unknown>; retry?: JobRetryPolicy };

/**
 * The outbound webhook job kind for the worker's registry (decision 0021): "webhook.deliver"
 * makes one signed delivery attempt, retried by WEBHOOK_RETRY_POLICY.
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
  return {
    [WEBHOOK_DELIVER_KIND]: {
      retry: WEBHOOK_RETRY_POLICY,
      handle: (ctx) =>
        deliverWebhook({ db: ctx.db, job: ctx.job, now: ctx.now, settings, lookup: options.lookup, onEndpointDisabled: options.onEndpointDisabled }),
    },
  };
}
