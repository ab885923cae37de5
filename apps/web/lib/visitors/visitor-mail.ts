import { getDb } from "@real-estate/db";
import { enqueueJob } from "@real-estate/queue";
import { VISITOR_PASSWORD_RESET_KIND, VISITOR_VERIFY_EMAIL_KIND } from "@real-estate/sites";

/** Asks at most this often per visitor for a new verification or reset e-mail. */
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

/** Queues a password-reset e-mail for the visitor; at most one per visitor per minute. */
export async function requestPasswordResetEmail(options: { tenantId: string; visitorId: string; now?: Date }): Promise<void> {
  const bucket = Math.floor((options.now ?? new Date()).getTime() / RESEND_WINDOW_MS);
  await enqueueJob(getDb(), {
    tenantId: options.tenantId,
    kind: VISITOR_PASSWORD_RESET_KIND,
    payload: { visitorId: options.visitorId },
    dedupeKey: `${options.visitorId}:${bucket}`,
  });
}
