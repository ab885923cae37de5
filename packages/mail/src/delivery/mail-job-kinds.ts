import type { Db, DbTx } from "@real-estate/db";
import type { ClaimedJob, JobRetryPolicy } from "@real-estate/queue";
import { composeLeadAlert, LEAD_ALERT_KIND } from "../alerts/compose-lead-alert";
import { EMAIL_DELIVER_KIND } from "../outbox/queue-emails";
import { composeTaskReminder, TASK_REMINDER_KIND } from "../reminders/compose-task-reminder";
import { EMAIL_RETRY_POLICY } from "./email-attempt";
import { createDeliveryBatcher } from "./delivery-batcher";
import type { MailTransport } from "./smtp-transport";

/** The part of the worker's handler context these kinds use (structurally the worker's JobHandlerContext). */
type Ctx = {
  job: ClaimedJob;
  db: Db;
  now: Date;
  /** Gives the job's slot to the next job (the worker's ctx.release); absent in callers without slots. */
  release?: () => void;
  once<T>(effect: (tx: DbTx) => Promise<T>): Promise<{ outcome: "applied"; value: T } | { outcome: "duplicate" }>;
};

type Kind = { handle: (ctx: Ctx) => Promise<unknown>; retry?: JobRetryPolicy; claimed?: (info: { db: Db; jobs: ClaimedJob[] }) => void };

/**
 * The job kinds of outgoing e-mail (decision 0012), for the worker's registry:
 * "email.deliver" sends one outbox message over `transport` (the deliveries started together share
 * a transaction, up to `deliveryBatch` messages: createDeliveryBatcher); "lead.alert" writes a new lead's
 * alert e-mails to the outbox, once per inquiry; "task.reminder" writes a task's reminder to its
 * assignee at the due time, once per task and due time.
 */
export function mailJobKinds(options: { transport: MailTransport; deliveryBatch?: number }): Record<string, Kind> {
  const delivery = createDeliveryBatcher({ transport: options.transport, maxBatch: options.deliveryBatch });
  return {
    [EMAIL_DELIVER_KIND]: {
      retry: EMAIL_RETRY_POLICY,
      handle: (ctx) => delivery.deliver(ctx.db, ctx.job, ctx.release),
      // The next batch's messages are read and locked while the batch before it is being sent (decision 0062).
      claimed: ({ db, jobs }) => delivery.claimed(db, jobs),
    },
    [LEAD_ALERT_KIND]: {
      retry: { attempts: 6, backoffMs: [5_000, 30_000, 120_000, 600_000, 3_600_000] },
      handle: (ctx) => ctx.once((tx) => composeLeadAlert(tx, { tenantId: ctx.job.tenantId, payload: ctx.job.payload })),
    },
    [TASK_REMINDER_KIND]: {
      retry: { attempts: 6, backoffMs: [5_000, 30_000, 120_000, 600_000, 3_600_000] },
      handle: (ctx) => ctx.once((tx) => composeTaskReminder(tx, { tenantId: ctx.job.tenantId, payload: ctx.job.payload })),
    },
  };
}
