// Queue history for studio tests and screenshots: completed and failed jobs spread over the
// last day, and dead letters with real, processable event payloads.
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { enqueueWebsiteEvent } from "@real-estate/queue";

/** Completed jobs spread over the last 24 hours (more recently), with some failures. */
export async function seedQueueHistory(db: Db, options: { tenantId: string; completed: number; failed: number; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  await db.$executeRaw`
    INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "firstAttemptAt", "lastAttemptAt", "completedAt", "createdAt", "updatedAt")
    SELECT ${options.tenantId}::uuid, 'hist-' || gen_random_uuid(), 'lead.submitted', '{}'::jsonb, 'COMPLETED', 1, t, t, t, t, t
      FROM (SELECT ${now}::timestamp(3) - (power(random(), 2) * interval '24 hours') AS t FROM generate_series(1, ${options.completed})) s`;
  await db.$executeRaw`
    INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "nextAttemptAt", "lastError", "lastErrorClass", "firstAttemptAt", "lastAttemptAt", "createdAt", "updatedAt")
    SELECT ${options.tenantId}::uuid, 'fail-' || gen_random_uuid(), 'valuation.requested', '{}'::jsonb, 'PENDING', 2, ${now}::timestamp(3) + interval '10 minutes',
           'CRM database timeout after 5000 ms', 'transient', t, t, t, t
      FROM (SELECT ${now}::timestamp(3) - (random() * interval '3 hours') AS t FROM generate_series(1, ${options.failed})) s`;
}

/** Website events that reached the queue and were dead-lettered with the given error; returns job ids. */
export async function seedDeadLetters(
  db: Db,
  options: {
    tenantId: string;
    count: number;
    error: string;
    errorClass?: "transient" | "permanent";
    type?: "lead.submitted" | "valuation.requested";
    minutesAgo?: number;
  },
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const n = crypto.randomBytes(3).toString("hex");
    const base = { eventId: `dl-${crypto.randomUUID()}`, tenantId: options.tenantId, occurredAt: new Date().toISOString() };
    const contact = { firstName: "Jordan", lastName: `Sample-${n}`, email: `jordan.${n}@example.com`, phone: "+1 203 555 0147" };
    const event =
      options.type === "valuation.requested"
        ? { ...base, type: "valuation.requested" as const, payload: { contact, property: { address: `${10 + i} Old Post Road, Fairfield, CT`, bedrooms: 3 } } }
        : { ...base, type: "lead.submitted" as const, payload: { contact, message: "Please call me about the colonial on Elm Street." } };
    ids.push((await enqueueWebsiteEvent({ tenantId: options.tenantId, event, db })).jobId!);
  }
  const at = new Date(Date.now() - (options.minutesAgo ?? 20) * 60_000);
  await db.$executeRaw`
    UPDATE "IngestionJob" SET status = 'DEAD_LETTERED', attempts = "maxAttempts", "lastError" = ${options.error}, "lastErrorClass" = ${options.errorClass ?? "transient"},
           "firstAttemptAt" = ${at}::timestamp(3) - interval '7 hours', "lastAttemptAt" = ${at}::timestamp(3), "deadLetteredAt" = ${at}::timestamp(3)
     WHERE "tenantId" = ${options.tenantId}::uuid AND id = ANY(${ids}::bigint[])`;
  return ids;
}
