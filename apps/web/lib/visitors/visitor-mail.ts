import { getDb } from "@real-estate/db";
import { enqueueJob } from "@real-estate/queue";
import { VISITOR_VERIFY_EMAIL_KIND, visitorPasswordResetJob } from "@real-estate/sites";

/** Asks at most this often per visitor (per address for a reset) for a new verification or reset e-mail. */
const RESEND_WINDOW_MS = 60_000;

/**
 * Queues the e-mail with the link proving the visitor's address (the worker makes the one-use
 * token and writes the e-mail to the outbox). At most one per visitor per minute.
 */
export async function requestVerificationEmail(options: { tenantId: string; visitorId: string; now?: Date }): Promise<void> {
  const bucket = Math.floor((options.now ?? new Date()).getTime() / RESEND_WINDOW_MS);
  await enqueueJob(getDb(), {
    tenantId: options.tenantId,
    kind: VISITOR_VERIFY_EMAIL_KIND,
    payload: { visitorId: options.visitorId },
    dedupeKey: `${options.visitorId}:${bucket}`,
  });
}

/**
 * Queues the reset job for the address asked for, whether or not an account has it, so a known
 * and an unknown address take the same work (decision 0097): the worker looks the visitor up
 * within the tenant and only then makes the token and the e-mail. At most one per address per minute.
 */
export async function requestPasswordResetEmail(options: { tenantId: string; email: string; now?: Date }): Promise<void> {
  const bucket = Math.floor((options.now ?? new Date()).getTime() / RESEND_WINDOW_MS);
  await enqueueJob(getDb(), { tenantId: options.tenantId, ...visitorPasswordResetJob({ tenantId: options.tenantId, email: options.email, bucket }) });
}
