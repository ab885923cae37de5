import type { Db, DbTx } from "@real-estate/db";
import type { AssigneeAlert, ProcessWebsiteEventResult } from "@real-estate/crm";
import type { ClaimedJob, JobRetryPolicy } from "@real-estate/queue";
import {
  createSmtpTransport,
  mailJobKinds,
  prepareAssigneeLeadAlert,
  queueWebhookDisabledNotice,
  SAVED_SEARCH_ALERTS_KIND,
  writeLeadAlert,
  type MailTransport,
} from "@real-estate/mail";
import { feedSyncKind, FEED_SYNC_KIND } from "./feed-sync";
import { savedSearchAlertsKind } from "./saved-search-alerts";
import { visitorEmailKinds } from "./visitor-emails";
import { PLAN_STEP_KIND, planStepKind } from "./plan-steps";
import { webhookJobKinds, type EndpointDisabled, type WebhookSettings } from "@real-estate/integrations";

export type JobHandlerContext = {
  job: ClaimedJob;
  db: Db;
  /** The worker clock's time when the job started. */
  now: Date;
  /**
   * Runs `effect` exactly once per job key: in one transaction with a JobEffect ledger row for
   * (tenant, kind, key). A repeat of the job (its worker died after committing, or the completion
   * was not recorded) finds the row and runs nothing: `{ outcome: "duplicate" }`.
   */
  once<T>(effect: (tx: DbTx) => Promise<T>): Promise<{ outcome: "applied"; value: T } | { outcome: "duplicate" }>;
  /**
   * The website-event kind's processing (ledger → contact → lead → activity, one transaction);
   * `writeLeadAlert` writes an inquiry's alert e-mail in that transaction, `prepareAssigneeAlert`
   * renders it ahead of a round robin's turn (see processWebsiteEvent).
   */
  process: (options?: {
    writeLeadAlert?: (tx: DbTx, alert: { leadId: string; activityId: string }) => Promise<unknown>;
    prepareAssigneeAlert?: (tx: DbTx, alert: { leadId: string; activityId: string }) => Promise<AssigneeAlert | null>;
  }) => Promise<ProcessWebsiteEventResult>;
  /**
   * Gives the job's concurrency slot to the next job while this handler only records what
   * happened (a webhook's answer): the work the slot limits (a request to a receiver) is over. The
   * job is still completed or failed when the handler settles, and the worker waits for it before
   * it stops or reports a drain. Calling it more than once is harmless.
   */
  release: () => void;
};

/**
 * Handles one job; resolving completes it, throwing fails the attempt (classified by the kind's
 * retry policy, then classifyIngestionError: TransientIngestionError retries,
 * PermanentIngestionError dead-letters). A result `{ outcome: "duplicate" }` is counted as such.
 */
export type JobHandler = (ctx: JobHandlerContext) => Promise<unknown>;

/** What the worker knows about one kind of job (decision 0010). */
export type JobKind = {
  handle: JobHandler;
  /** Attempts, backoff and what counts as permanent; default: the website events' policy. */
  retry?: JobRetryPolicy;
  /**
   * Called once the queue has recorded a job of this kind as dead-lettered, for kinds whose jobs
   * carry on a chain (a feed's next run): the follow-up a completed job would have written. Its
   * errors are logged, never retried here.
   */
  onDeadLettered?: (info: { db: Db; job: ClaimedJob; error: string; now: Date }) => Promise<unknown>;
  /**
   * Told the jobs of this kind a claim has just handed the worker, before any of them starts: a
   * kind may read what they need ahead, in one statement (outbound webhooks; e-mail deliveries open
   * their next batch's transaction, decision 0062). Only for jobs its own handler runs. Must not throw; a
   * job still works when what was read ahead is missing or too old.
   */
  claimed?: (info: { db: Db; jobs: ClaimedJob[] }) => void;
  /**
   * Asked just before one of this kind's jobs would take a slot (of the worker's `slots`), for kinds
   * whose jobs share something slower than the worker (outbound webhooks: their endpoint, decision
   * 0115). `start`: it starts, and `end` is called once its slot is given back. Otherwise it is held
   * back without an attempt: kept by the worker and asked again as slots free up (`keep`), or given
   * back to the queue, due in `retryInMs` on the worker's clock (`now`); a `group` (what the job
   * waits for) has only so many kept. Only for jobs its own handler runs. Must not throw.
   */
  admit?: (info: { job: ClaimedJob; slots: number; now: Date }) => Admission;
};

/** A kind's answer to whether one of its jobs may start now (JobKind.admit). */
export type Admission = { start: true; end: () => void } | { start: false; retryInMs: number; keep: boolean; group?: string };

/** Job kinds by name; a job whose kind is missing here is dead-lettered ("no handler"). */
export type JobKindRegistry = Readonly<Record<string, JobKind>>;

/** Website events: attempts per event type are stored on the job at enqueue (4-6), default backoff. */
export const websiteEventKind: JobKind = { handle: (ctx) => ctx.process() };

/**
 * The kinds a standard worker runs. Each domain adds its kinds here. Outbound webhooks
 * ("webhook.deliver", decision 0021) read WEBHOOK_ALLOWED_HOSTS / WEBHOOK_TIMEOUT_MS unless
 * `webhooks` is given; an endpoint they disable after a day of failures is e-mailed to the
 * tenant's owners through the outbox.
 */
export function defaultJobKinds(options: { webhooks?: WebhookSettings } = {}): JobKindRegistry {
  // Inside the transaction that disables the endpoint: the notice commits with the disabling.
  const onEndpointDisabled = async (info: EndpointDisabled) => {
    await queueWebhookDisabledNotice(info.db, { tenantId: info.tenantId, deliveryId: info.deliveryId, now: info.now });
  };
  return { "website-event": websiteEventKind, ...webhookJobKinds({ settings: options.webhooks, onEndpointDisabled }) };
}

/**
 * Website events written together with their new-lead alert e-mail: the alert goes to the
 * outbox in the event's own transaction (one job per inquiry instead of an event job and a
 * "lead.alert" job), exactly once with the event (its ledger) and at most once per inquiry and
 * recipient (the message's dedupe key), as the "lead.alert" kind writes it.
 */
export const websiteEventWithAlertsKind: JobKind = {
  handle: (ctx) =>
    ctx.process({
      writeLeadAlert: (tx, alert) => writeLeadAlert(tx, { tenantId: ctx.job.tenantId, ...alert }),
      prepareAssigneeAlert: (tx, alert) => prepareAssigneeLeadAlert(tx, { tenantId: ctx.job.tenantId, ...alert }),
    }),
};

/**
 * What `npm run worker:ingestion:drain` runs: the default kinds, outgoing e-mail (lead alerts,
 * saved-search alerts, visitors' verification and password-reset links, delivery over SMTP_URL)
 * the steps of action plans (tasks and follow-up e-mails, decision 0027) and MLS feed runs
 * ("feed.sync", decision 0024).
 */
export function standardJobKinds(options: { transport?: MailTransport; webhooks?: WebhookSettings; feedOwner?: string } = {}): JobKindRegistry {
  return {
    ...defaultJobKinds({ webhooks: options.webhooks }),
    ...mailJobKinds({ transport: options.transport ?? createSmtpTransport() }),
    "website-event": websiteEventWithAlertsKind,
    [SAVED_SEARCH_ALERTS_KIND]: savedSearchAlertsKind,
    [PLAN_STEP_KIND]: planStepKind,
    ...visitorEmailKinds,
    [FEED_SYNC_KIND]: feedSyncKind({ owner: options.feedOwner }),
  };
}
